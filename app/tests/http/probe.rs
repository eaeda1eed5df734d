//! A module that exists only in the tests, registered with one line
//! (`support::spawn_on`): routes guarded by the kernel's access mechanism, as a real
//! module would guard its own; a case intake that records what it is handed (and
//! refuses dog registrations, to show that a refusing intake undoes the submission);
//! and, from its `build` alone, a settings section, a search document and a command.

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use axum::Extension;
use kernel::{
    AppError, Identity, Level, Locale, ModuleContext, Requirement, Role, SearchDocument,
    ServiceModule,
    access::protect,
    command::{ModuleCommand, clap},
    definitions::{Checked, DefinitionFiles, Finding},
    intake::{CaseIntake, FiledRequest},
    routes::Routes,
    search::SearchSource,
    settings::{ModuleSettings, SettingError},
};
use sea_orm::DatabaseTransaction;
use serde::{Deserialize, Serialize};

pub struct ProbeModule;

/// Every request any test portal took in, by submission id.
pub static TAKEN_IN: Mutex<Vec<FiledRequest>> = Mutex::new(Vec::new());

struct RecordingIntake;

#[async_trait]
impl CaseIntake for RecordingIntake {
    async fn intake(
        &self,
        _txn: &DatabaseTransaction,
        request: &FiledRequest,
    ) -> Result<(), AppError> {
        if request.service_id == "hundeanmeldung" {
            return Err(AppError::internal("the probe intake refuses dogs"));
        }
        TAKEN_IN.lock().unwrap().push(request.clone());
        Ok(())
    }
}

/// Who the guarded routes saw.
async fn who(Extension(identity): Extension<Identity>) -> String {
    format!(
        "{} {:?}",
        identity.subject.unwrap_or_default(),
        identity.level
    )
}

impl ServiceModule for ProbeModule {
    fn id(&self) -> &'static str {
        "probe"
    }

    fn build(&self, module: &mut kernel::ModuleBuilder<'_>) {
        module.routes(|_| {
            let substantial = protect(
                Routes::new().get("/probe/substantial", who),
                Requirement::signed_in().at_level(Level::Substantial),
            );
            let staff = protect(
                Routes::new().get("/probe/staff", who),
                Requirement::any_role(&[Role::Caseworker, Role::DepartmentAdmin]),
            );
            substantial.merge(staff)
        });
        module.contribute::<dyn CaseIntake>(Arc::new(RecordingIntake));
        module.settings::<ProbeConfig>();
        module.contribute::<dyn SearchSource>(Arc::new(ProbeDocuments));
        module.contribute::<dyn DefinitionFiles>(Arc::new(ProbeSpells));
        module.command(ModuleCommand::new(
            clap::Command::new("greet").arg(clap::Arg::new("whom").required(true)),
            |arguments: clap::ArgMatches, ctx: ModuleContext| async move {
                let config: ProbeConfig = ctx.section("probe")?;
                let whom = arguments
                    .get_one::<String>("whom")
                    .cloned()
                    .unwrap_or_default();
                GREETED
                    .lock()
                    .unwrap()
                    .push(format!("{} {whom}", config.greeting));
                Ok(())
            },
        ));
    }
}

/// `[probe]`: what the probe's command says.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProbeConfig {
    pub greeting: String,
}

impl Default for ProbeConfig {
    fn default() -> Self {
        Self {
            greeting: "Grüß Gott".into(),
        }
    }
}

impl ModuleSettings for ProbeConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] =
        &[("greeting", "what `portal probe greet` says")];

    fn validate(&self) -> Result<(), SettingError> {
        if self.greeting.trim().is_empty() {
            return Err(SettingError::new("greeting", "must say something"));
        }
        Ok(())
    }
}

/// Whom `portal probe greet` greeted, and how.
pub static GREETED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// One searchable page of the probe.
struct ProbeDocuments;

#[async_trait]
impl SearchSource for ProbeDocuments {
    async fn documents(&self, _ctx: &ModuleContext) -> Result<Vec<SearchDocument>, AppError> {
        Ok(vec![SearchDocument {
            module: "probe".into(),
            id: "zauberwort".into(),
            locale: Locale::DE,
            title: "Probe-Leistung Zauberwort".into(),
            body: "Eine Seite, die nur das Prüfmodul kennt.".into(),
            keywords: vec!["Hokuspokus".into()],
            href: "/probe/substantial".into(),
            department: "kvr".into(),
            tags: Vec::new(),
        }])
    }
}

/// The probe's definition files: `*.spell` in the data folder, one line each.
pub struct ProbeSpells;

impl DefinitionFiles for ProbeSpells {
    fn kind(&self) -> &'static str {
        "spells"
    }

    fn folder(&self, settings: &serde_json::Value) -> std::path::PathBuf {
        settings["data_dir"].as_str().unwrap_or(".").into()
    }

    fn check(&self, dir: &std::path::Path, services: &[String]) -> Checked {
        let spells: Vec<_> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "spell"))
                    .collect()
            })
            .unwrap_or_default();
        Checked {
            files: spells.len(),
            findings: spells
                .iter()
                .filter(|spell| {
                    let text = std::fs::read_to_string(spell.path()).unwrap_or_default();
                    !services.contains(&text.trim().to_owned())
                })
                .map(|spell| Finding {
                    text: format!("error: {}: names no service", spell.path().display()),
                    warning: false,
                })
                .collect(),
        }
    }
}
