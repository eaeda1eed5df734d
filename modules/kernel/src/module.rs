//! The contract between the portal host and a service module (server side only).

use std::{path::PathBuf, sync::Arc};

use async_trait::async_trait;
use sea_orm::{DatabaseConnection, DatabaseTransaction};
use sea_orm_migration::MigrationTrait;

use crate::{
    AppError, CatalogueEntry, Identity, NavEntry, Permission, Requirement,
    capabilities::{Capabilities, TwoProviders},
};

/// What the host hands every module: shared connections, paths and settings. Cheap
/// to clone.
#[derive(Clone, Debug)]
pub struct ModuleContext {
    /// The portal database (SQLite or PostgreSQL), a pool shared by all modules.
    pub db: DatabaseConnection,
    /// Folder for the portal's files (uploads, indexes); created at start-up.
    pub data_dir: Arc<PathBuf>,
    /// The portal's validated settings as a JSON object; a module reads its own
    /// section with [`ModuleContext::section`].
    pub settings: Arc<serde_json::Value>,
    /// Where uploaded files are kept.
    pub files: Arc<dyn crate::storage::FileStore>,
    /// What the modules offer each other ([`ModuleContext::get`], [`ModuleContext::all`]).
    pub capabilities: Arc<Capabilities>,
    /// The portal's texts in German, its official language (for documents written
    /// outside a page, such as decision letters); [`crate::I18n::in_locale`] for others.
    pub texts: crate::I18n,
}

impl ModuleContext {
    /// The one `T` a module provides (`dyn CaseTracker`, …), if one does.
    pub fn get<T: ?Sized + Send + Sync + 'static>(&self) -> Option<Arc<T>> {
        self.capabilities.get::<T>()
    }

    /// Every `T` the modules contribute, with the contributing module's id.
    pub fn all<T: ?Sized + Send + Sync + 'static>(&self) -> Vec<(&'static str, Arc<T>)> {
        self.capabilities.all::<T>()
    }

    /// Where filed requests go: every module's intake, in one transaction; `None`
    /// when no module takes them in.
    pub fn case_intake(&self) -> Option<Arc<dyn crate::intake::CaseIntake>> {
        let intakes: Vec<_> = self
            .all::<dyn crate::intake::CaseIntake>()
            .into_iter()
            .map(|(_, intake)| intake)
            .collect();
        (!intakes.is_empty()).then(|| {
            Arc::new(crate::intake::Intakes(intakes)) as Arc<dyn crate::intake::CaseIntake>
        })
    }

    /// The settings section `key` (e.g. `forms`) as the module's own type (checked
    /// by the host at start with the module's [`crate::settings::ModuleSettings`]).
    pub fn section<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<T, crate::start::StartError> {
        let value = self.settings.get(key).cloned().unwrap_or_default();
        serde_json::from_value(value)
            .map_err(|e| crate::start::anyhow!("settings section `{key}`: {e}"))
    }
}

/// A service module linked into the portal.
///
/// Object-safe so the host keeps one list of `Arc<dyn ServiceModule>`. Leptos routes
/// are static types and cannot travel through `dyn`: each module also exports a
/// `#[component(transparent)]` route fragment that the host places in its router.
#[async_trait]
pub trait ServiceModule: Send + Sync + 'static {
    /// Stable key: URL prefix, permission namespace, fluent file name, search type.
    fn id(&self) -> &'static str;

    /// Registers what the module offers the others: the one capabilities it provides
    /// and its contributions to the many ([`crate::capabilities`]). Called once for
    /// every module before any starts.
    fn build(&self, _module: &mut ModuleBuilder<'_>) {}

    /// The module's migrations, named `mYYYYMMDD_NNNNNN_<module>_<what>`; the host
    /// merges them with every other module's into one order.
    fn migrations(&self) -> Vec<Box<dyn MigrationTrait>> {
        Vec::new()
    }

    /// Plain axum endpoints (downloads, APIs) outside the Leptos pages.
    fn router(&self, _ctx: &ModuleContext) -> crate::routes::Routes {
        crate::routes::Routes::new()
    }

    /// The module's part of the open interface, with paths relative to
    /// [`crate::api::BASE_PATH`]. The host verifies the caller first: handlers take a
    /// [`crate::api::Caller`] and check its scope.
    fn api_router(&self, _ctx: &ModuleContext) -> crate::routes::Routes {
        crate::routes::Routes::new()
    }

    /// The OpenAPI description of [`ServiceModule::api_router`] (paths relative to
    /// [`crate::api::BASE_PATH`]), merged into the portal's document.
    fn api_document(&self) -> Option<utoipa::openapi::OpenApi> {
        None
    }

    /// Entries this module adds to the header navigation for `identity`.
    fn nav_entries(&self, _identity: &Identity) -> Vec<NavEntry> {
        Vec::new()
    }

    /// The module's Leptos pages that not everyone may open: path prefix and requirement.
    /// The host checks them before rendering, so a page never renders for the wrong
    /// person; the page's server functions check again with `access::authorize`.
    fn page_requirements(&self) -> Vec<(&'static str, Requirement)> {
        Vec::new()
    }

    /// Permissions the module checks, with the roles that hold them by default.
    fn permissions(&self) -> Vec<Permission> {
        Vec::new()
    }

    /// Tiles for the services catalogue on the home page.
    async fn catalogue_entries(
        &self,
        _ctx: &ModuleContext,
    ) -> Result<Vec<CatalogueEntry>, AppError> {
        Ok(Vec::new())
    }

    /// Inserts the module's demo content. Called once per database, only when demo
    /// content is on, inside the transaction that records it as loaded.
    async fn load_demo_content(&self, _txn: &DatabaseTransaction) -> Result<(), AppError> {
        Ok(())
    }

    /// Starts what the module does in the background while the portal serves (not for
    /// one-off commands such as `portal retention`); called after every module's `init`.
    async fn start_serving(&self, _ctx: &ModuleContext) -> crate::start::StartResult {
        Ok(())
    }

    /// Puts the module's shared state into the Leptos context of every page render and
    /// server function (called per request, so it must be cheap: clone an `Arc`).
    fn provide_context(&self) {}

    /// Starts background work (after migrations, before serving).
    async fn init(&self, _ctx: &ModuleContext) -> crate::start::StartResult {
        Ok(())
    }
}

/// What one module registers in [`ServiceModule::build`].
pub struct ModuleBuilder<'a> {
    module: &'static str,
    built: &'a mut Built,
}

impl ModuleBuilder<'_> {
    /// The module provides the one `T` (e.g. `dyn CaseTracker`); a second provider
    /// stops the start with both modules named.
    pub fn provide<T: ?Sized + Send + Sync + 'static>(&mut self, value: Arc<T>) {
        if let Err(conflict) = self.built.capabilities.provide(self.module, value) {
            self.built.conflicts.push(conflict);
        }
    }

    /// The module adds a `T` to the many (e.g. `dyn SearchSource`, `dyn Retention`).
    pub fn contribute<T: ?Sized + Send + Sync + 'static>(&mut self, value: Arc<T>) {
        self.built.capabilities.contribute(self.module, value);
    }

    /// A command of the module: `portal <module id> <name> …`.
    pub fn command(&mut self, command: crate::command::ModuleCommand) {
        self.built.commands.push((self.module, command));
    }

    /// The module's settings: the section named after the module (`[forms]`), of type
    /// `T`, read and checked by the host at start; the module reads it with
    /// [`ModuleContext::section`].
    pub fn settings<T: crate::settings::ModuleSettings>(&mut self) {
        self.built
            .sections
            .push(crate::settings::Section::of::<T>(self.module));
    }
}

/// What every module registered.
#[derive(Debug, Default)]
pub struct Built {
    /// What they offer each other.
    pub capabilities: Capabilities,
    /// Their settings sections.
    pub sections: Vec<crate::settings::Section>,
    /// Their commands, with the module's id.
    pub commands: Vec<(&'static str, crate::command::ModuleCommand)>,
    conflicts: Vec<TwoProviders>,
}

/// Builds every module in order and returns what they registered, or the first
/// capability two of them provided.
pub fn build_all(modules: &[Arc<dyn ServiceModule>]) -> Result<Built, TwoProviders> {
    let mut built = registered(modules);
    if built.conflicts.is_empty() {
        Ok(built)
    } else {
        Err(built.conflicts.remove(0))
    }
}

/// What `modules` register (settings sections, commands), whether or not two of them
/// provide one capability (that stops the start, not the reading of settings).
pub fn registered(modules: &[Arc<dyn ServiceModule>]) -> Built {
    let mut built = Built::default();
    for module in modules {
        module.build(&mut ModuleBuilder {
            module: module.id(),
            built: &mut built,
        });
    }
    built
}
