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
        assert_eq!(searchable, ["forms", "info"]);
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
        assert!(error.contains("module `search` failed to start"), "{error}");
        assert!(error.contains("reading the word lists"), "{error}");
        assert!(error.contains("search-synonyms.txt"), "{error}");
        assert!(!error.contains("internal error"), "{error}");
    });
}
