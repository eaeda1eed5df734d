//! The module's registration with the host.

use std::{path::PathBuf, sync::Arc};

use kernel::{
    Identity, Label, ModuleBuilder, ModuleContext, NavEntry, Requirement, Role, ServiceModule,
    intake::CaseIntake, routes::Routes,
};
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
/// the modules start) and reads the processes once they are loaded.
#[derive(Debug, Default)]
pub struct CasesModule {
    processes: LoadedProcesses,
    seen: crate::directory::SeenStaff,
}

impl ServiceModule for CasesModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<CasesConfig>();
        module.migrations(vec![
            Box::new(crate::m20261128_000005_cases_case::Migration),
            Box::new(crate::m20261128_000006_cases_file::Migration),
            Box::new(crate::m20261128_000007_cases_directory::Migration),
            Box::new(crate::m20261128_000008_cases_inbox_speed::Migration),
            Box::new(crate::m20261129_000002_cases_contact::Migration),
            Box::new(crate::m20261129_000004_cases_dashboard_speed::Migration),
        ]);
        module.navigation(navigation);
        module.guarded_page("/bearbeitung", Requirement::any_role(&[Role::Caseworker]));
        module.guarded_page("/vorgaenge", Requirement::signed_in());
        module.guarded_page(
            crate::service_switch::DASHBOARD,
            Requirement::any_role(&[Role::Caseworker, Role::DepartmentAdmin]),
        );
        let processes = || self.processes.clone();
        let loaded = processes();
        module.routes(move |ctx| routes(ctx, &loaded));
        let loaded = processes();
        module.api(
            {
                use utoipa::OpenApi as _;
                crate::api::CasesApi::openapi()
            },
            move |ctx| crate::api::router(ctx, loaded.clone()),
        );
        let (loaded, seen) = (processes(), self.seen.clone());
        module.render_context(move || {
            leptos::prelude::provide_context(loaded.clone());
            leptos::prelude::provide_context(seen.clone());
        });
        let loaded = processes();
        module.on_start(move |ctx| start(loaded.clone(), ctx));
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
}

/// The module's entries in the header: the inbox for caseworkers, the dashboard for
/// them and department administrators.
fn navigation(identity: &Identity) -> Vec<NavEntry> {
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

/// The endpoints: casework (downloads, bulk actions, export) for caseworkers, the
/// citizen's actions and files for the signed-in, the service switch for department
/// administrators.
fn routes(ctx: &ModuleContext, processes: &LoadedProcesses) -> Routes {
    let (staff, citizens) = crate::flow::routers(
        ctx.db.clone(),
        processes.clone(),
        ctx.files.clone(),
        ctx.texts,
    );
    let (staff_files, citizen_files) = crate::download::routers(
        ctx.db.clone(),
        ctx.files.clone(),
        ctx.get::<dyn kernel::intake::FiledAnswers>(),
    );
    let bulk = crate::bulk_flow::router(ctx.db.clone(), processes.clone());
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

/// Loads the process definitions, refusing to start while any has an error.
/// (Whether each names an existing service is for `portal services check`, which
/// sees the service definitions too.)
async fn start(processes: LoadedProcesses, ctx: ModuleContext) -> kernel::start::StartResult {
    let config: CasesConfig = ctx.section("cases")?;
    let (loaded, problems) = loader::load_dir(&config.processes_dir, None);
    if !problems.is_empty() {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        kernel::start::bail!(
            "invalid process definitions in {}:\n{}",
            config.processes_dir.display(),
            problems.join("\n")
        );
    }
    tracing::info!(own = loaded.len(), "process definitions loaded");
    processes.set(loaded.with_stated(ctx.get::<dyn kernel::stated_process::StatedProcesses>()));
    Ok(())
}
