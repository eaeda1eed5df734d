//! The module's registration with the host. At start it asks the modules it searches
//! for their documents and builds the service index; pages find it in their context.
//! When the portal serves, it opens (or rebuilds) the case index on disk and follows
//! the outbox for both.

use std::{
    path::PathBuf,
    sync::{Arc, OnceLock},
};

use kernel::{
    AppError, ModuleContext, ServiceModule,
    case_search::{CaseFinder, CaseHits, CaseQuery, CaseSource},
    search::SearchSource,
    start::{Context, StartResult, anyhow},
};
use serde::{Deserialize, Serialize};

use crate::{MODULE_ID, case_index::CaseIndex, case_indexer, service_index::ServiceIndex};

/// `[search]` of the portal settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Folder with the word lists, one subfolder per language (usually the locales
    /// folder).
    pub words_dir: PathBuf,
    /// Days the search outbox keeps a change: a portal process that was stopped
    /// longer rebuilds its index when it starts.
    pub outbox_days: u32,
}

impl Default for SearchConfig {
    fn default() -> Self {
        Self {
            words_dir: PathBuf::from("locales"),
            outbox_days: 7,
        }
    }
}

impl kernel::settings::ModuleSettings for SearchConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] = &[
        (
            "words_dir",
            "folder with the search word lists (<lang>/search-synonyms.txt, de/search-compounds.txt)",
        ),
        (
            "outbox_days",
            "days the search outbox keeps a change (1-365); a process stopped longer rebuilds its index",
        ),
    ];

    fn validate(&self) -> Result<(), kernel::settings::SettingError> {
        if !(1..=365).contains(&self.outbox_days) {
            return Err(kernel::settings::SettingError::new(
                "outbox_days",
                "must be between 1 and 365",
            ));
        }
        Ok(())
    }
}

/// The index as pages find it.
#[derive(Clone, Debug)]
pub struct Services(pub Arc<ServiceIndex>);

/// What the start prepared for serving.
struct Started {
    services: Arc<ServiceIndex>,
    /// Outbox position the service index is current to.
    position: i64,
    config: SearchConfig,
    compound_parts: Vec<String>,
}

/// The search module; `sources` are the modules whose documents it indexes (they
/// start before it), `cases` the module whose cases caseworkers search.
#[derive(Default)]
pub struct SearchModule {
    index: Arc<OnceLock<Services>>,
    started: Arc<OnceLock<Started>>,
    case_index: Arc<OnceLock<Arc<CaseIndex>>>,
}

impl std::fmt::Debug for SearchModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchModule").finish_non_exhaustive()
    }
}

/// The case search as the cases module finds it; answers once the index is open.
struct Finder(Arc<OnceLock<Arc<CaseIndex>>>);

impl CaseFinder for Finder {
    fn find(&self, query: &CaseQuery) -> Result<CaseHits, AppError> {
        self.0
            .get()
            .ok_or_else(|| AppError::internal("the case index is not open"))?
            .find(query)
            .map_err(AppError::internal)
    }
}

impl ServiceModule for SearchModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut kernel::ModuleBuilder<'_>) {
        module.settings::<SearchConfig>();
        let started = Arc::clone(&self.started);
        module.command(kernel::command::ModuleCommand::new(
            kernel::command::clap::Command::new("reindex").about(
                "Rebuild the case index from the database into a new folder and make it \
                 current; a portal serving from the same data folder takes it over without \
                 a pause",
            ),
            move |_, ctx| {
                let started = Arc::clone(&started);
                async move { reindex(&started, &ctx).await }
            },
        ));
        module.provide::<dyn CaseFinder>(Arc::new(Finder(Arc::clone(&self.case_index))));
        let index = Arc::clone(&self.index);
        module.render_context(move || {
            if let Some(services) = index.get() {
                leptos::prelude::provide_context(services.clone());
            }
        });
        let (index, started) = (Arc::clone(&self.index), Arc::clone(&self.started));
        module.on_start(move |ctx| start(Arc::clone(&index), Arc::clone(&started), ctx));
        let (started, case_index) = (Arc::clone(&self.started), Arc::clone(&self.case_index));
        module.while_serving(move |ctx| serve(Arc::clone(&started), Arc::clone(&case_index), ctx));
    }
}

/// Builds the service index from every module's documents.
async fn start(
    index: Arc<OnceLock<Services>>,
    started: Arc<OnceLock<Started>>,
    ctx: ModuleContext,
) -> StartResult {
    let config: SearchConfig = ctx.section(MODULE_ID)?;
    let languages = crate::words::load(&config.words_dir).context("reading the word lists")?;
    // Read before the documents: a change noted meanwhile is applied again.
    let position = kernel::search_outbox::latest(&ctx.db)
        .await
        .context("reading the search outbox")?;
    let mut documents = Vec::new();
    // Every module's documents: whoever contributes a search source is indexed.
    for (module, source) in ctx.all::<dyn SearchSource>() {
        documents.extend(
            source
                .documents(&ctx)
                .await
                .with_context(|| format!("reading the search documents of `{module}`"))?,
        );
    }
    let built = ServiceIndex::build(&documents, &languages)
        .map_err(|e| anyhow!("building the service index: {e}"))?;
    tracing::info!(documents = documents.len(), "service search index built");
    let services = Arc::new(built);
    let compound_parts = languages
        .iter()
        .find(|(locale, _)| *locale == kernel::Locale::DE)
        .map(|(_, data)| data.compound_parts.clone())
        .unwrap_or_default();
    index
        .set(Services(Arc::clone(&services)))
        .map_err(|_| anyhow!("the search module was started twice"))?;
    let _ = started.set(Started {
        services,
        position,
        config,
        compound_parts,
    });
    Ok(())
}

/// Follows the outbox for the service index, and opens (or rebuilds) the case index
/// and follows it too.
async fn serve(
    started: Arc<OnceLock<Started>>,
    case_index: Arc<OnceLock<Arc<CaseIndex>>>,
    ctx: ModuleContext,
) -> StartResult {
    let started = self::started(&started)?;
    crate::indexer::spawn(
        ctx.clone(),
        ctx.all::<dyn SearchSource>(),
        Arc::clone(&started.services),
        started.position,
        started.config.outbox_days,
    );
    let Some(source) = ctx.get::<dyn CaseSource>() else {
        return Ok(());
    };
    let root = case_indexer::root(&ctx);
    let generation =
        case_indexer::open_or_rebuild(&ctx, source.as_ref(), &root, &started.compound_parts)
            .await
            .with_context(|| format!("opening the case index in {}", root.display()))?;
    let index = CaseIndex::new(&started.compound_parts)
        .map_err(|e| anyhow!("preparing the case index: {e}"))?;
    index.set(generation);
    let index = Arc::new(index);
    case_index
        .set(Arc::clone(&index))
        .map_err(|_| anyhow!("the case index was opened twice"))?;
    case_indexer::spawn(ctx.clone(), source, index, started.compound_parts.clone());
    Ok(())
}

/// What the start prepared, once it has run.
fn started(lock: &OnceLock<Started>) -> StartResult<&Started> {
    lock.get()
        .ok_or_else(|| anyhow!("the search module has not started"))
}

/// `portal search reindex`: rebuilds the case index into a new generation and makes
/// it current; a serving portal on the same data folder takes it over.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn reindex(lock: &OnceLock<Started>, ctx: &ModuleContext) -> StartResult {
    let Some(source) = ctx.get::<dyn CaseSource>() else {
        println!("no case index: no module offers cases to search");
        return Ok(());
    };
    let started = started(lock)?;
    let clock = std::time::Instant::now();
    let root = case_indexer::root(ctx);
    let generation = case_indexer::rebuild(ctx, source.as_ref(), &root, &started.compound_parts)
        .await
        .with_context(|| format!("rebuilding the case index in {}", root.display()))?;
    println!(
        "case index: {} cases in {:.1} s, generation {} under {}",
        generation.len(),
        clock.elapsed().as_secs_f64(),
        generation.name,
        root.display()
    );
    Ok(())
}
