//! The contract between the portal host and a service module (server side only).

use std::{path::PathBuf, sync::Arc};

use async_trait::async_trait;
use sea_orm::{DatabaseConnection, DatabaseTransaction};
use sea_orm_migration::MigrationTrait;

use crate::{
    AppError, CatalogueEntry, Identity, NavEntry, Permission, Requirement, SearchDocument,
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
    /// Where filed requests go, when a module takes them in.
    pub case_intake: Option<Arc<dyn crate::intake::CaseIntake>>,
    /// Where uploaded files are kept.
    pub files: Arc<dyn crate::storage::FileStore>,
    /// How filed requests' answers are shown, when a module files them.
    pub filed_answers: Option<Arc<dyn crate::intake::FiledAnswers>>,
    /// Where filed requests stand, when a module tracks them.
    pub case_tracker: Option<Arc<dyn crate::intake::CaseTracker>>,
    /// The departments' services and their online switch, when a module offers them.
    pub service_admin: Option<Arc<dyn crate::service_admin::ServiceAdmin>>,
    /// The caseworkers' case search, when a module offers it.
    pub case_finder: Option<Arc<dyn crate::case_search::CaseFinder>>,
    /// The portal's texts in German, its official language (for documents written
    /// outside a page, such as decision letters); [`crate::I18n::in_locale`] for others.
    pub texts: crate::I18n,
}

impl std::fmt::Debug for dyn crate::intake::CaseTracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CaseTracker")
    }
}

impl std::fmt::Debug for dyn crate::case_search::CaseFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CaseFinder")
    }
}

impl std::fmt::Debug for dyn crate::intake::FiledAnswers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FiledAnswers")
    }
}

impl std::fmt::Debug for dyn crate::intake::CaseIntake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CaseIntake")
    }
}

impl ModuleContext {
    /// The settings section `key` (e.g. `forms`) as the module's own type.
    pub fn section<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<T, AppError> {
        let value = self.settings.get(key).cloned().unwrap_or_default();
        serde_json::from_value(value)
            .map_err(|e| AppError::internal(format!("settings section `{key}`: {e}")))
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

    /// Every document the module wants searchable (used by a full reindex).
    async fn search_documents(
        &self,
        _ctx: &ModuleContext,
    ) -> Result<Vec<SearchDocument>, AppError> {
        Ok(Vec::new())
    }

    /// The current documents `ids` (those that are gone or no longer searchable are
    /// missing), for the search to follow the outbox. The default picks them from
    /// [`ServiceModule::search_documents`]; a module with many documents reads only these.
    async fn search_documents_of(
        &self,
        ctx: &ModuleContext,
        ids: &[String],
    ) -> Result<Vec<SearchDocument>, AppError> {
        let mut documents = self.search_documents(ctx).await?;
        documents.retain(|d| ids.contains(&d.id));
        Ok(documents)
    }

    /// Inserts the module's demo content. Called once per database, only when demo
    /// content is on, inside the transaction that records it as loaded.
    async fn load_demo_content(&self, _txn: &DatabaseTransaction) -> Result<(), AppError> {
        Ok(())
    }

    /// The module's intake of filed requests, if it takes them in (the cases module).
    fn case_intake(&self) -> Option<Arc<dyn crate::intake::CaseIntake>> {
        None
    }

    /// How the module tells citizens where their requests stand (the cases module).
    fn case_tracker(&self) -> Option<Arc<dyn crate::intake::CaseTracker>> {
        None
    }

    /// How the module shows the answers of requests it filed (the forms module).
    fn filed_answers(&self) -> Option<Arc<dyn crate::intake::FiledAnswers>> {
        None
    }

    /// How the module lists departments' services and takes them offline (forms).
    fn service_admin(&self) -> Option<Arc<dyn crate::service_admin::ServiceAdmin>> {
        None
    }

    /// What of the module's data expires, for the host's retention job.
    fn retention(&self) -> Option<Arc<dyn crate::retention::Retention>> {
        None
    }

    /// What the module keeps about a person, for their copy of their data.
    fn personal_data(&self) -> Option<Arc<dyn crate::personal_data::PersonalData>> {
        None
    }

    /// Where the module's cases can be read for the search (the cases module).
    fn case_source(&self) -> Option<Arc<dyn crate::case_search::CaseSource>> {
        None
    }

    /// The case search the module offers (the search module); it answers once the
    /// module serves.
    fn case_finder(&self) -> Option<Arc<dyn crate::case_search::CaseFinder>> {
        None
    }

    /// Starts what the module does in the background while the portal serves (not for
    /// one-off commands such as `portal retention`); called after every module's `init`.
    async fn start_serving(&self, _ctx: &ModuleContext) -> Result<(), AppError> {
        Ok(())
    }

    /// Rebuilds the module's derived data (search indexes) from the database, for
    /// `portal search reindex`; what it did, or `None` when it keeps none.
    async fn reindex(&self, _ctx: &ModuleContext) -> Result<Option<String>, AppError> {
        Ok(None)
    }

    /// Puts the module's shared state into the Leptos context of every page render and
    /// server function (called per request, so it must be cheap: clone an `Arc`).
    fn provide_context(&self) {}

    /// Starts background work (after migrations, before serving).
    async fn init(&self, _ctx: &ModuleContext) -> Result<(), AppError> {
        Ok(())
    }
}
