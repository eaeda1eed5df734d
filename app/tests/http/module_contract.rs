//! The module contract as a department adding a module meets it: what modules offer
//! each other is found by type, and two modules offering what only one may stop the
//! start with both named.

use std::sync::Arc;

use async_trait::async_trait;
use kernel::{
    AppError, I18n, ModuleBuilder, ServiceModule,
    intake::{CaseTracker, Tracked},
};
use sea_orm::DatabaseConnection;

use crate::support::{Backend, run, test_settings};

/// A second module that wants to tell citizens where their requests stand.
struct OtherTracking;

struct Silent;

#[async_trait]
impl CaseTracker for Silent {
    async fn track(
        &self,
        _db: &DatabaseConnection,
        _owner: &str,
        _submission_ids: &[String],
        _i18n: I18n,
    ) -> Result<Vec<Tracked>, AppError> {
        Ok(Vec::new())
    }
}

impl ServiceModule for OtherTracking {
    fn id(&self) -> &'static str {
        "other-tracking"
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.provide::<dyn CaseTracker>(Arc::new(Silent));
    }
}

#[test]
fn two_modules_providing_one_capability_stop_the_start_naming_both() {
    run(async {
        let (settings, _dir) = test_settings(Backend::Sqlite).await;
        let modules = app::registry::Modules::enabled().with(Arc::new(OtherTracking));
        let Err(error) = app::server::AppState::start_with(settings, modules).await else {
            panic!("a portal with two case trackers started");
        };
        // As the operator reads it: what failed, and why.
        let error = format!("{error:#}");
        assert!(error.contains("CaseTracker"), "{error}");
        assert!(
            error.contains("`cases`") && error.contains("`other-tracking`"),
            "{error}"
        );
    });
}

#[test]
fn every_module_is_found_by_what_it_offers() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let ctx = &app.state.ctx;
        assert!(
            ctx.get::<dyn CaseTracker>().is_some(),
            "cases tracks requests"
        );
        assert!(ctx.get::<dyn kernel::intake::FiledAnswers>().is_some());
        assert!(ctx.get::<dyn kernel::case_search::CaseFinder>().is_some());
        let searchable: Vec<_> = ctx
            .all::<dyn kernel::search::SearchSource>()
            .into_iter()
            .map(|(module, _)| module)
            .collect();
        assert_eq!(searchable, ["forms", "info", "probe"]);
        let intakes: Vec<_> = ctx
            .all::<dyn kernel::intake::CaseIntake>()
            .into_iter()
            .map(|(module, _)| module)
            .collect();
        assert_eq!(intakes, ["cases", "probe"]);
    });
}

#[test]
fn a_module_that_cannot_start_tells_the_operator_why() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        let missing = dir.path().join("no-word-lists");
        settings.set("search.words_dir", &missing);
        let Err(error) = app::server::AppState::start(settings).await else {
            panic!("a portal without word lists started");
        };
        // As the operator reads it: what failed, and why.
        let error = format!("{error:#}");
        assert!(error.contains("module `search` failed to start"), "{error}");
        assert!(error.contains("reading the word lists"), "{error}");
        assert!(error.contains("search-synonyms.txt"), "{error}");
        assert!(!error.contains("internal error"), "{error}");
    });
}

#[test]
fn a_module_registered_with_one_line_gets_its_settings_search_and_command() {
    run(async {
        // Its settings section is read and checked by its own type.
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.set("probe.greeting", "  ");
        let modules = app::registry::Modules::enabled().with(Arc::new(crate::probe::ProbeModule));
        let Err(error) = app::server::AppState::start_with(settings.clone(), modules).await else {
            panic!("a blank greeting was taken");
        };
        // As the operator reads it: what failed, and why.
        let error = format!("{error:#}");
        assert!(
            error.contains("`probe.greeting`: must say something"),
            "{error}"
        );
        settings.set("probe.greeting", "Servus");
        let app = crate::support::spawn_with(settings, dir).await;

        // Its documents are found by the portal search like the services.
        let (_, page) =
            crate::support::page(&crate::support::client(), &app, "/suche?q=Hokuspokus").await;
        assert!(page.contains(r#"href="/probe/substantial""#), "{page}");

        // Its command is `portal probe greet`, run in the started portal.
        let commands = app.state.modules.registered().commands.clone();
        let matches = app::server::cli::command_line(&commands)
            .try_get_matches_from(["portal", "probe", "greet", "Erika"])
            .unwrap();
        let (command, arguments) =
            app::server::cli::chosen(&commands, &matches).expect("the probe's command");
        command.run(arguments, app.state.ctx.clone()).await.unwrap();
        assert!(
            crate::probe::GREETED
                .lock()
                .unwrap()
                .contains(&"Servus Erika".to_owned())
        );

        // Its definition files are checked with everyone's by `portal services check`,
        // against the services the other modules define.
        let registered = app.state.modules.registered();
        let folder = tempfile::tempdir().unwrap();
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/../services/sperrmuell.toml"),
            folder.path().join("sperrmuell.toml"),
        )
        .unwrap();
        std::fs::write(folder.path().join("good.spell"), "sperrmuell\n").unwrap();
        std::fs::write(folder.path().join("bad.spell"), "gibt-es-nicht\n").unwrap();
        let report = app::server::cli::services::check_definitions(
            Some(folder.path()),
            &app.state.ctx.settings,
            &registered.capabilities,
        );
        assert!(
            report
                .checked
                .iter()
                .any(|c| c.starts_with("2 spells checked")),
            "{report:?}"
        );
        assert!(
            report
                .checked
                .iter()
                .any(|c| c.starts_with("1 services checked"))
        );
        assert_eq!(report.errors(), 1, "{report:?}");
        assert!(
            report.findings[0]
                .text
                .contains("bad.spell: names no service")
        );

        // Its routes are listed, so the access matrix asks for their rows.
        let endpoints = app::server::http::endpoints(app.state.clone()).unwrap();
        assert!(endpoints.iter().any(|e| e.path == "/probe/staff"));
    });
}
