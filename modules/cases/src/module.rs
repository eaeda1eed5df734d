//! The module's registration with the host.

use std::{path::PathBuf, sync::Arc};

use async_trait::async_trait;
use kernel::{
    Identity, Label, ModuleBuilder, ModuleContext, NavEntry, Requirement, Role, ServiceModule,
    intake::CaseIntake, routes::Routes,
};
use sea_orm_migration::MigrationTrait;
use serde::{Deserialize, Serialize};

use crate::{
    MODULE_ID,
    intake::OpenCase,
    loader::{self, LoadedProcesses},
};

/// `[cases]` of the portal settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CasesConfig {
    /// Folder with the process definitions (`<name>.process.toml`), usually the
    /// services folder, so each process sits beside its service.
    pub processes_dir: PathBuf,
}

impl Default for CasesConfig {
    fn default() -> Self {
        Self {
            processes_dir: PathBuf::from("services"),
        }
    }
}

impl kernel::settings::ModuleSettings for CasesConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] = &[(
        "processes_dir",
        "folder with the process definitions (<name>.process.toml), beside the services",
    )];
}

/// The cases module. The intake exists from the start (the host asks for it before
/// `init`) and reads the processes once they are loaded.
#[derive(Debug, Default)]
pub struct CasesModule {
    processes: LoadedProcesses,
    seen: crate::directory::SeenStaff,
}

#[async_trait]
impl ServiceModule for CasesModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn migrations(&self) -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(crate::m20261128_000005_cases_case::Migration),
            Box::new(crate::m20261128_000006_cases_file::Migration),
            Box::new(crate::m20261128_000007_cases_directory::Migration),
            Box::new(crate::m20261128_000008_cases_inbox_speed::Migration),
            Box::new(crate::m20261129_000002_cases_contact::Migration),
            Box::new(crate::m20261129_000004_cases_dashboard_speed::Migration),
        ]
    }

    fn nav_entries(&self, identity: &Identity) -> Vec<NavEntry> {
        let mut entries = Vec::new();
        if identity.has_role(Role::Caseworker) {
            entries.push(NavEntry {
                href: "/bearbeitung".into(),
                label: Label::key("cases-nav"),
                order: 30,
            });
        }
        if identity.has_role(Role::Caseworker) || identity.has_role(Role::DepartmentAdmin) {
            entries.push(NavEntry {
                href: crate::service_switch::DASHBOARD.into(),
                label: Label::key("cases-dashboard-nav"),
                order: 31,
            });
        }
        entries
    }

    fn router(&self, ctx: &ModuleContext) -> Routes {
        let (staff, citizens) = crate::flow::routers(
            ctx.db.clone(),
            self.processes.clone(),
            ctx.files.clone(),
            ctx.texts,
        );
        let (staff_files, citizen_files) = crate::download::routers(
            ctx.db.clone(),
            ctx.files.clone(),
            ctx.get::<dyn kernel::intake::FiledAnswers>(),
        );
        let bulk = crate::bulk_flow::router(ctx.db.clone(), self.processes.clone());
        let export = crate::export::router(ctx.db.clone());
        let switch = kernel::access::protect(
            crate::service_switch::router(ctx.clone()),
            Requirement::any_role(&[Role::DepartmentAdmin]),
        );
        kernel::access::protect(
            staff.merge(staff_files).merge(bulk).merge(export),
            Requirement::any_role(&[Role::Caseworker]),
        )
        .merge(kernel::access::protect(
            citizens.merge(citizen_files),
            Requirement::signed_in(),
        ))
        .merge(switch)
    }

    fn api_router(&self, ctx: &ModuleContext) -> Routes {
        crate::api::router(ctx, self.processes.clone())
    }

    fn api_document(&self) -> Option<utoipa::openapi::OpenApi> {
        use utoipa::OpenApi as _;
        Some(crate::api::CasesApi::openapi())
    }

    fn page_requirements(&self) -> Vec<(&'static str, Requirement)> {
        vec![
            ("/bearbeitung", Requirement::any_role(&[Role::Caseworker])),
            ("/vorgaenge", Requirement::signed_in()),
            (
                crate::service_switch::DASHBOARD,
                Requirement::any_role(&[Role::Caseworker, Role::DepartmentAdmin]),
            ),
        ]
    }

    fn provide_context(&self) {
        leptos::prelude::provide_context(self.processes.clone());
        leptos::prelude::provide_context(self.seen.clone());
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<CasesConfig>();
        let processes = || self.processes.clone();
        module.provide::<dyn kernel::intake::CaseTracker>(Arc::new(
            crate::tracker::CitizenTracker::new(processes()),
        ));
        module.provide::<dyn kernel::case_search::CaseSource>(Arc::new(
            crate::search_source::SearchableCases,
        ));
        module.contribute::<dyn CaseIntake>(Arc::new(OpenCase::new(processes())));
        module.contribute::<dyn kernel::personal_data::PersonalData>(Arc::new(
            crate::personal_data::CitizenCases::new(processes()),
        ));
        module.contribute::<dyn kernel::retention::Retention>(Arc::new(
            crate::retention::ExpiredCases::new(processes()),
        ));
        module.contribute::<dyn kernel::definitions::DefinitionFiles>(Arc::new(
            crate::process_files::ProcessFiles,
        ));
        module.contribute::<dyn kernel::seed::Seeder>(Arc::new(crate::seed_requests::SeedCases));
    }

    /// Loads the process definitions, refusing to start while any has an error.
    /// (Whether each names an existing service is for `portal services check`, which
    /// sees the service definitions too.)
    async fn init(&self, ctx: &ModuleContext) -> kernel::start::StartResult {
        let config: CasesConfig = ctx.section("cases")?;
        let (processes, problems) = loader::load_dir(&config.processes_dir, None);
        if !problems.is_empty() {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            kernel::start::bail!(
                "invalid process definitions in {}:\n{}",
                config.processes_dir.display(),
                problems.join("\n")
            );
        }
        tracing::info!(own = processes.len(), "process definitions loaded");
        self.processes.set(processes);
        Ok(())
    }
}
