//! Everything a request handler may need, built once at start-up.

use std::sync::Arc;

use axum::extract::FromRef;
use kernel::{
    ModuleContext,
    start::{Context, StartResult, anyhow, bail},
};
use leptos::config::LeptosOptions;

use super::{Settings, database, demo_content};
use crate::{
    auth::{clock::Clock, oidc, session_layer, session_store::DbSessionStore},
    registry::Modules,
};

/// Shared state of the HTTP layer. Cheap to clone: everything inside is shared.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    /// Where the built site lives and how Leptos names its files.
    pub leptos_options: LeptosOptions,
    /// The hashed names of the browser files.
    pub assets: super::http::Assets,
    /// Database pool and paths, as handed to modules.
    pub ctx: ModuleContext,
    /// The enabled modules.
    pub modules: Modules,
    /// The configuration the portal started with.
    pub settings: Arc<Settings>,
    /// The time sessions are judged by.
    pub clock: Clock,
    /// Where sessions are kept.
    pub sessions: DbSessionStore,
    /// The identity provider; `None` in demo mode.
    pub oidc: Option<Arc<oidc::Provider>>,
    /// Cancelled when the portal stops: the server, the host's background workers
    /// (mail, webhooks, session clean-up) and the modules' end (the modules'
    /// `ctx.stopping`).
    pub jobs: tokio_util::sync::CancellationToken,
}

impl AppState {
    /// Prepares the data folder and the database (migrations, demo content), lets every
    /// module start, and returns the state to serve with. The host's own background
    /// jobs start with [`AppState::start_background_jobs`], only in a serving process.
    pub async fn start(settings: Settings) -> StartResult<Self> {
        Self::start_with(settings, Modules::enabled()).await
    }

    /// [`AppState::start`] with another set of modules (tests add probe modules).
    pub async fn start_with(settings: Settings, modules: Modules) -> StartResult<Self> {
        let ctx = Self::prepare(&settings, &modules).await?;
        let db = ctx.db.clone();
        let clock = Clock::default();
        match settings.session_key_bytes() {
            Some(key) => crate::auth::sealed::set_key(&key),
            None => {
                tracing::info!(
                    "no session_key: this process seals provider tokens with a key of its own"
                );
                crate::auth::sealed::set_key(&crate::auth::sealed::random_key());
            }
        }
        let sessions = DbSessionStore::new(db.clone(), clock.clone());
        let oidc = if settings.demo_login() {
            None
        } else {
            let provider = oidc::Provider::new(&settings.oidc, &settings.public_url)
                .context("the identity provider (oidc)")?;
            Some(Arc::new(provider))
        };
        for (id, parts) in modules.parts() {
            parts
                .start(&ctx)
                .await
                .with_context(|| format!("module `{id}` failed to start"))?;
        }
        let assets = super::http::Assets::fingerprint(&settings.site_root.join("pkg"), "portal");
        let leptos_options = LeptosOptions::builder()
            .output_name(assets.bundle.clone())
            .site_root(settings.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(settings.listen)
            .build();
        Ok(Self {
            leptos_options,
            assets,
            modules,
            settings: Arc::new(settings),
            clock,
            sessions,
            oidc,
            jobs: ctx.stopping.clone(),
            ctx,
        })
    }

    /// The modules' context on a migrated database, demo content loaded where the
    /// settings ask for it, before any module has started: for commands that work on
    /// the data alone (`portal seed`). What the modules register (capabilities,
    /// settings sections each checked by its module's type) comes from their `build`.
    pub async fn prepare(settings: &Settings, modules: &Modules) -> StartResult<ModuleContext> {
        let built = modules.registered();
        if let Some(conflict) = built.conflict() {
            bail!("{conflict}");
        }
        let checked = settings
            .checked_sections(&built.sections)
            .map_err(|e| anyhow!("{e}"))?;
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("cannot create data_dir {}", settings.data_dir.display()))?;
        let db = database::connect(settings).await?;
        database::migrate(&db).await?;
        if settings.demo_content() {
            demo_content::load(&db, &built.capabilities).await?;
        }
        let reads = kernel::audit::ReadLog::start(db.clone());
        Ok(ModuleContext {
            db,
            data_dir: Arc::new(settings.data_dir.clone()),
            settings: Arc::new(settings.for_modules(checked)),
            capabilities: Arc::clone(&built.capabilities),
            files: super::files::store(settings).context("the object store")?,
            texts: kernel::I18n::new(kernel::Locale::DE, &*crate::i18n::LOCALES),
            stopping: tokio_util::sync::CancellationToken::new(),
            content: kernel::content_version::ContentVersion::default(),
            reads,
        })
    }

    /// Starts what a serving portal does besides answering requests: deleting expired
    /// sessions, sending the mail outbox, the hourly retention run. Not for one-off
    /// commands (`portal retention` would otherwise run the retention twice at once).
    pub async fn start_background_jobs(&self) -> StartResult {
        for (id, parts) in self.modules.parts() {
            parts
                .serve(&self.ctx)
                .await
                .with_context(|| format!("module `{id}` failed to start serving"))?;
        }
        session_layer::spawn_cleanup(self.sessions.clone(), self.jobs.clone());
        super::mail::spawn(
            self.ctx.db.clone(),
            &self.settings,
            self.clock.clone(),
            self.jobs.clone(),
        )
        .context("the mail outbox")?;
        let webhooks = super::webhooks::Worker::new(
            self.ctx.db.clone(),
            self.settings.webhooks.clone(),
            self.ctx.get::<dyn kernel::intake::FiledAnswers>(),
            self.settings.public_url.clone(),
            self.clock.clone(),
        )
        .context("the webhook deliveries")?;
        super::webhooks::spawn(webhooks, self.jobs.clone());
        super::retention::spawn(self.ctx.clone(), self.clock.clone());
        Ok(())
    }

    /// Stops the portal: the server stops taking requests and lets running ones
    /// finish, background work ends (a process shutting down, or a test standing for
    /// one that was killed).
    pub fn stop(&self) {
        self.jobs.cancel();
    }
}
