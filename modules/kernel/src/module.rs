//! The contract between the portal host and a service module (server side only).

use std::{path::PathBuf, sync::Arc};

use std::future::Future;

use sea_orm::DatabaseConnection;
use sea_orm_migration::MigrationTrait;

use crate::{
    Identity, NavEntry, Requirement,
    capabilities::{Capabilities, TwoProviders},
    routes::Routes,
    start::StartResult,
};

mod parts;

pub use parts::Parts;

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
    /// Cancelled when the portal stops: background work started with
    /// [`ModuleContext::spawn_job`] ends then, and lets go of the database.
    pub stopping: tokio_util::sync::CancellationToken,
    /// Moves on when public content changes (the search outbox's catalogue entries).
    pub content: crate::content_version::ContentVersion,
    /// Where what staff and systems only read goes on the audit trail.
    pub reads: crate::audit::ReadLog,
}

impl ModuleContext {
    /// Runs `job` in the background until it ends or the portal stops, whichever
    /// comes first. Background loops of modules start this way, so a stopped portal
    /// (a process shutting down, a test's portal dropped) keeps no connections open.
    pub fn spawn_job(&self, job: impl Future<Output = ()> + Send + 'static) {
        let stopping = self.stopping.clone();
        tokio::spawn(async move {
            tokio::select! {
                () = stopping.cancelled() => {}
                () = job => {}
            }
        });
    }

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
/// Object-safe so the host keeps one list of `Arc<dyn ServiceModule>`. A module says
/// who it is and registers everything else in [`ServiceModule::build`]. Leptos routes
/// are static types and cannot travel through `dyn`: each module also exports a
/// `#[component(transparent)]` route fragment that the host places in its router.
pub trait ServiceModule: Send + Sync + 'static {
    /// Stable key: URL prefix, permission namespace, settings section, fluent file
    /// name, search type.
    fn id(&self) -> &'static str;

    /// Registers what the module is made of and offers: its settings, tables,
    /// endpoints, navigation, guarded pages, commands, the work it does at start and
    /// while serving, and the capabilities it provides or contributes
    /// ([`crate::capabilities`]). Called for every module before any starts; it may be
    /// called again (each call registers the same things for the same module state).
    fn build(&self, module: &mut ModuleBuilder<'_>);
}

/// What one module registers in [`ServiceModule::build`].
pub struct ModuleBuilder<'a> {
    module: &'static str,
    built: &'a mut Built,
    capabilities: &'a mut Capabilities,
}

impl ModuleBuilder<'_> {
    /// The module provides the one `T` (e.g. `dyn CaseTracker`); a second provider
    /// stops the start with both modules named.
    pub fn provide<T: ?Sized + Send + Sync + 'static>(&mut self, value: Arc<T>) {
        if let Err(conflict) = self.capabilities.provide(self.module, value) {
            self.built.conflicts.push(conflict);
        }
    }

    /// The module adds a `T` to the many (e.g. `dyn SearchSource`, `dyn Retention`).
    pub fn contribute<T: ?Sized + Send + Sync + 'static>(&mut self, value: Arc<T>) {
        self.capabilities.contribute(self.module, value);
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

    /// The module's migrations, named `mYYYYMMDD_NNNNNN_<module>_<what>`; the host
    /// merges them with every other module's into one order.
    pub fn migrations(&mut self, migrations: Vec<Box<dyn MigrationTrait>>) {
        self.parts().migrations.extend(migrations);
    }

    /// Plain axum endpoints (downloads, APIs) beside the Leptos pages, made for the
    /// started portal's context.
    pub fn routes(&mut self, make: impl Fn(&ModuleContext) -> Routes + Send + Sync + 'static) {
        self.parts().routes.push(Arc::new(make));
    }

    /// The module's part of the open interface, described by `document` (paths
    /// relative to [`crate::api::BASE_PATH`]). The host verifies the caller first:
    /// handlers take a [`crate::api::Caller`] and check its scope.
    pub fn api(
        &mut self,
        document: utoipa::openapi::OpenApi,
        make: impl Fn(&ModuleContext) -> Routes + Send + Sync + 'static,
    ) {
        let parts = self.parts();
        parts.api_documents.push(document);
        parts.api_routes.push(Arc::new(make));
    }

    /// The module's part of the open interface that anyone may call without a token
    /// (public facts, such as free appointment times), described by `document` with
    /// no security requirement. The host limits how often one client address calls.
    pub fn public_api(
        &mut self,
        document: utoipa::openapi::OpenApi,
        make: impl Fn(&ModuleContext) -> Routes + Send + Sync + 'static,
    ) {
        let parts = self.parts();
        parts.api_documents.push(document);
        parts.public_api_routes.push(Arc::new(make));
    }

    /// Entries the module adds to the header navigation, per person.
    pub fn navigation(
        &mut self,
        entries: impl Fn(&Identity) -> Vec<NavEntry> + Send + Sync + 'static,
    ) {
        self.parts().navigation.push(Arc::new(entries));
    }

    /// A page (path prefix) that not everyone may open. The host checks it before
    /// rendering, so it never renders for the wrong person; the page's server
    /// functions check again with `access::authorize`.
    pub fn guarded_page(&mut self, prefix: &'static str, requirement: Requirement) {
        self.parts().page_requirements.push((prefix, requirement));
    }

    /// Work when the portal starts (after migrations, before serving or a command):
    /// reading definitions, opening indexes. An error stops the start.
    pub fn on_start<F, Fut>(&mut self, start: F)
    where
        F: Fn(ModuleContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = StartResult> + Send + 'static,
    {
        self.parts()
            .on_start
            .push(Arc::new(move |ctx| Box::pin(start(ctx))));
    }

    /// Background work while the portal serves (not for one-off commands such as
    /// `portal retention`); started after every module's start.
    pub fn while_serving<F, Fut>(&mut self, serve: F)
    where
        F: Fn(ModuleContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = StartResult> + Send + 'static,
    {
        self.parts()
            .while_serving
            .push(Arc::new(move |ctx| Box::pin(serve(ctx))));
    }

    /// Puts the module's shared state into the Leptos context of every page render
    /// and server function (called per request: it must be cheap, clone an `Arc`).
    pub fn render_context(&mut self, provide: impl Fn() + Send + Sync + 'static) {
        self.parts().render_context.push(Arc::new(provide));
    }

    fn parts(&mut self) -> &mut Parts {
        let module = self.module;
        let index = match self.built.parts.iter().position(|(id, _)| *id == module) {
            Some(index) => index,
            None => {
                self.built.parts.push((module, Parts::default()));
                self.built.parts.len() - 1
            }
        };
        &mut self.built.parts[index].1
    }
}

/// What every module registered.
#[derive(Debug, Default)]
pub struct Built {
    /// What they offer each other.
    pub capabilities: Arc<Capabilities>,
    /// Their settings sections.
    pub sections: Vec<crate::settings::Section>,
    /// Their commands, with the module's id.
    pub commands: Vec<(&'static str, crate::command::ModuleCommand)>,
    /// Their tables, endpoints, pages and hooks, by module id in module order.
    pub parts: Vec<(&'static str, Parts)>,
    conflicts: Vec<TwoProviders>,
}

impl Built {
    /// The first capability two modules provided, which stops the start.
    pub fn conflict(&self) -> Option<&TwoProviders> {
        self.conflicts.first()
    }
}

/// What `modules` register, in module order, whether or not two of them provide one
/// capability (that stops the start, see [`Built::conflict`], not the reading of
/// settings or the command line).
pub fn registered(modules: &[Arc<dyn ServiceModule>]) -> Built {
    let mut built = Built::default();
    let mut capabilities = Capabilities::default();
    for module in modules {
        let mut builder = ModuleBuilder {
            module: module.id(),
            built: &mut built,
            capabilities: &mut capabilities,
        };
        // Every module has its parts, if only empty ones, in module order.
        builder.parts();
        module.build(&mut builder);
    }
    built.capabilities = Arc::new(capabilities);
    built
}
