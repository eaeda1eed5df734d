//! The module's registration with the host.

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use kernel::{
    AppError, CatalogueEntry, Label, ModuleBuilder, ModuleContext, NavEntry, ServiceModule,
    catalogue::CatalogueSource, routes::Routes, start::StartResult,
};

use crate::{
    MODULE_ID,
    definition::Text,
    loader,
    state::{FormsConfig, FormsState},
};

/// The forms module.
#[derive(Debug, Default)]
pub struct FormsModule {
    /// Shared with the filed-answers view, which the host asks for before the start.
    state: Arc<OnceLock<Arc<FormsState>>>,
}

/// A label from a definition text.
pub fn label(text: &Text) -> Label {
    Label::Text(text.clone())
}

impl ServiceModule for FormsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<FormsConfig>();
        let state = || Arc::clone(&self.state);
        module.provide::<dyn kernel::service_admin::ServiceAdmin>(Arc::new(
            crate::service_admin::DepartmentServices::new(state()),
        ));
        module.provide::<dyn kernel::intake::FiledAnswers>(Arc::new(
            crate::filed_answers::SubmittedAnswers::new(state()),
        ));
        module.provide::<dyn kernel::booking::RequestsForBooking>(Arc::new(
            crate::filed_answers::SubmittedAnswers::new(state()),
        ));
        module.provide::<dyn kernel::stated_process::StatedProcesses>(Arc::new(
            crate::stated_processes::PublishedProcesses::new(state()),
        ));
        module.contribute::<dyn kernel::personal_data::PersonalData>(Arc::new(
            crate::personal_data::RequestsAndDrafts::new(state()),
        ));
        module.contribute::<dyn kernel::retention::Retention>(Arc::new(
            crate::retention::ExpiredDrafts,
        ));
        module.contribute::<dyn kernel::search::SearchSource>(Arc::new(
            crate::search_documents::Services(state()),
        ));
        module.contribute::<dyn kernel::definitions::DefinitionFiles>(Arc::new(
            crate::definition_files::ServiceFiles,
        ));
        module.provide::<dyn kernel::definitions::ServiceFormat>(Arc::new(
            crate::definition_files::ServiceFiles,
        ));
        module.provide::<dyn kernel::seed::MadeUpRequests>(Arc::new(
            crate::made_up_requests::SeedRequests::default(),
        ));
        module.migrations(vec![
            Box::new(crate::m20261128_000002_forms_service_version::Migration),
            Box::new(crate::m20261128_000003_forms_draft::Migration),
            Box::new(crate::m20261128_000004_forms_submission::Migration),
            Box::new(crate::m20261129_000003_forms_service_offline::Migration),
            Box::new(crate::m20261201_000003_forms_open311::Migration),
            Box::new(crate::m20261207_000001_forms_design::Migration),
        ]);
        module.navigation(|identity| {
            let mut entries = vec![NavEntry {
                href: "/leistungen".into(),
                label: Label::key("forms-nav"),
                order: 10,
            }];
            if identity.is_signed_in() {
                entries.push(NavEntry {
                    href: "/antraege".into(),
                    label: Label::key("forms-nav-mine"),
                    order: 20,
                });
            }
            if identity.roles.contains(&kernel::Role::DepartmentAdmin) {
                entries.push(NavEntry {
                    href: crate::design_view::DESIGNS_PATH.into(),
                    label: Label::key("designer-nav"),
                    order: 33,
                });
            }
            entries
        });
        module.guarded_page("/antraege", kernel::Requirement::signed_in());
        module.guarded_page(
            crate::design_view::DESIGNS_PATH,
            kernel::Requirement::any_role(&[kernel::Role::DepartmentAdmin]),
        );
        module.contribute::<dyn CatalogueSource>(Arc::new(ServiceTiles(state())));
        let forms = state();
        module.routes(move |ctx| match forms.get() {
            Some(state) => crate::flow::router(Arc::clone(state), ctx)
                .merge(crate::open311::router(Arc::clone(state), ctx))
                .merge(kernel::access::protect(
                    crate::design_flow::router(Arc::clone(state), ctx),
                    kernel::Requirement::any_role(&[kernel::Role::DepartmentAdmin]),
                )),
            None => Routes::new(),
        });
        let forms = state();
        module.api(
            {
                use utoipa::OpenApi as _;
                crate::api::ServicesApi::openapi()
            },
            move |ctx| match forms.get() {
                Some(state) => crate::api::router(Arc::clone(state), ctx.db.clone()),
                None => Routes::new(),
            },
        );
        let forms = state();
        module.render_context(move || {
            if let Some(state) = forms.get() {
                leptos::prelude::provide_context(Arc::clone(state));
            }
        });
        let forms = state();
        module.on_start(move |ctx| start(Arc::clone(&forms), ctx));
    }
}

/// Loads the definitions (refusing to start while any has an error, naming it)
/// and records new versions.
async fn start(state: Arc<OnceLock<Arc<FormsState>>>, ctx: ModuleContext) -> StartResult {
    let config: FormsConfig = ctx.section("forms")?;
    let (catalogue, problems) = loader::load_dir(&config.services_dir);
    for problem in problems.iter().filter(|p| p.warning) {
        tracing::warn!(%problem, "service definition");
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| !p.warning)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        kernel::start::bail!(
            "invalid service definitions in {}:\n{}",
            config.services_dir.display(),
            errors.join("\n")
        );
    }
    let now = chrono::Utc::now().timestamp();
    let forms = Arc::new(FormsState::new(catalogue, config));
    forms
        .reload(&ctx.db, now)
        .await
        .map_err(|e| kernel::start::anyhow!("reading the published services: {e}"))?;
    tracing::info!(
        services = forms.published().catalogue.services.len(),
        "service definitions loaded"
    );
    let _ = state.set(forms);
    Ok(())
}

/// A tile for every online service, once the module has started.
struct ServiceTiles(Arc<OnceLock<Arc<FormsState>>>);

#[async_trait]
impl CatalogueSource for ServiceTiles {
    async fn entries(&self, _ctx: &ModuleContext) -> Result<Vec<CatalogueEntry>, AppError> {
        Ok(self
            .0
            .get()
            .into_iter()
            .flat_map(|state| state.published().catalogue.services.clone())
            .map(|service| CatalogueEntry {
                module: MODULE_ID.into(),
                href: format!("/leistungen/{}", service.definition.slug),
                title: label(&service.definition.title),
                summary: label(&service.definition.summary),
            })
            .collect())
    }
}
