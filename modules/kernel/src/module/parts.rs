//! What a module registers in its `build` besides capabilities, settings and commands:
//! its tables, endpoints, navigation, guarded pages and the work it does at start and
//! while the portal serves. The host asks [`Parts`] instead of the module.

use std::{future::Future, pin::Pin, sync::Arc};

use sea_orm_migration::MigrationTrait;

use crate::{Identity, NavEntry, Requirement, routes::Routes, start::StartResult};

use super::ModuleContext;

/// Makes a module's endpoints for a started portal.
pub(super) type MakeRoutes = Arc<dyn Fn(&ModuleContext) -> Routes + Send + Sync>;
/// Work at a point of the portal's life, with the module's context.
pub(super) type Hook =
    Arc<dyn Fn(ModuleContext) -> Pin<Box<dyn Future<Output = StartResult> + Send>> + Send + Sync>;
/// The navigation entries for a person.
pub(super) type Navigation = Arc<dyn Fn(&Identity) -> Vec<NavEntry> + Send + Sync>;
/// Puts state into the Leptos context of a render.
pub(super) type RenderContext = Arc<dyn Fn() + Send + Sync>;

/// Everything one module registered, as the host uses it.
#[derive(Default)]
pub struct Parts {
    /// Its migrations, named `mYYYYMMDD_NNNNNN_<module>_<what>`.
    pub migrations: Vec<Box<dyn MigrationTrait>>,
    /// Descriptions of its part of the open interface (paths relative to
    /// [`crate::api::BASE_PATH`]).
    pub api_documents: Vec<utoipa::openapi::OpenApi>,
    /// Its pages that not everyone may open: path prefix and requirement.
    pub page_requirements: Vec<(&'static str, Requirement)>,
    pub(super) routes: Vec<MakeRoutes>,
    pub(super) api_routes: Vec<MakeRoutes>,
    pub(super) public_api_routes: Vec<MakeRoutes>,
    pub(super) navigation: Vec<Navigation>,
    pub(super) on_start: Vec<Hook>,
    pub(super) while_serving: Vec<Hook>,
    pub(super) render_context: Vec<RenderContext>,
}

impl std::fmt::Debug for Parts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parts")
            .field("migrations", &self.migrations.len())
            .field("page_requirements", &self.page_requirements)
            .field("routes", &self.routes.len())
            .field("on_start", &self.on_start.len())
            .finish_non_exhaustive()
    }
}

impl Parts {
    /// Its plain endpoints (downloads, forms without JavaScript) for `ctx`.
    pub fn routes(&self, ctx: &ModuleContext) -> Routes {
        self.routes
            .iter()
            .fold(Routes::new(), |all, make| all.merge(make(ctx)))
    }

    /// Its part of the open interface for `ctx`; the host verifies callers first.
    pub fn api_routes(&self, ctx: &ModuleContext) -> Routes {
        self.api_routes
            .iter()
            .fold(Routes::new(), |all, make| all.merge(make(ctx)))
    }

    /// Its part of the open interface that anyone may call, without a token.
    pub fn public_api_routes(&self, ctx: &ModuleContext) -> Routes {
        self.public_api_routes
            .iter()
            .fold(Routes::new(), |all, make| all.merge(make(ctx)))
    }

    /// Its entries in the header navigation for `identity`.
    pub fn navigation(&self, identity: &Identity) -> Vec<NavEntry> {
        self.navigation
            .iter()
            .flat_map(|entries| entries(identity))
            .collect()
    }

    /// Its start: after migrations, before anything is served or a command runs.
    pub async fn start(&self, ctx: &ModuleContext) -> StartResult {
        for hook in &self.on_start {
            hook(ctx.clone()).await?;
        }
        Ok(())
    }

    /// Its background work while the portal serves (not for one-off commands).
    pub async fn serve(&self, ctx: &ModuleContext) -> StartResult {
        for hook in &self.while_serving {
            hook(ctx.clone()).await?;
        }
        Ok(())
    }

    /// Puts its state into the Leptos context of a render (per request: cheap).
    pub fn provide_render_context(&self) {
        for provide in &self.render_context {
            provide();
        }
    }
}
