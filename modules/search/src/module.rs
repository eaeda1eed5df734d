//! The module's registration with the host. At start it asks the modules it searches
//! for their documents and builds the index; pages find it in their context.

use std::{
    path::PathBuf,
    sync::{Arc, OnceLock},
};

use async_trait::async_trait;
use kernel::{AppError, ModuleContext, ServiceModule};
use serde::Deserialize;

use crate::{MODULE_ID, service_index::ServiceIndex};

/// `[search]` of the portal settings.
#[derive(Clone, Debug, Deserialize)]
pub struct SearchConfig {
    /// Folder with the word lists, one subfolder per language.
    pub words_dir: PathBuf,
    /// Days the outbox keeps a change.
    pub outbox_days: u32,
}

/// The index as pages find it.
#[derive(Clone, Debug)]
pub struct Services(pub Arc<ServiceIndex>);

/// The search module; `sources` are the modules whose documents it indexes (they
/// start before it).
pub struct SearchModule {
    sources: Vec<Arc<dyn ServiceModule>>,
    index: OnceLock<Services>,
}

impl std::fmt::Debug for SearchModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchModule")
            .field(
                "sources",
                &self.sources.iter().map(|s| s.id()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl SearchModule {
    /// A search over the documents of `sources`.
    pub fn new(sources: Vec<Arc<dyn ServiceModule>>) -> Self {
        Self {
            sources,
            index: OnceLock::new(),
        }
    }
}

#[async_trait]
impl ServiceModule for SearchModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn provide_context(&self) {
        if let Some(services) = self.index.get() {
            leptos::prelude::provide_context(services.clone());
        }
    }

    async fn init(&self, ctx: &ModuleContext) -> Result<(), AppError> {
        let config: SearchConfig = ctx.section(MODULE_ID)?;
        let languages = crate::words::load(&config.words_dir)?;
        // Read before the documents: a change noted meanwhile is applied again.
        let position = kernel::search_outbox::latest(&ctx.db).await?;
        let mut documents = Vec::new();
        for source in &self.sources {
            documents.extend(source.search_documents(ctx).await?);
        }
        let index = ServiceIndex::build(&documents, &languages).map_err(AppError::internal)?;
        tracing::info!(documents = documents.len(), "service search index built");
        let index = Arc::new(index);
        self.index
            .set(Services(Arc::clone(&index)))
            .map_err(|_| AppError::internal("the search module was started twice"))?;
        crate::indexer::spawn(
            ctx.clone(),
            self.sources.clone(),
            index,
            position,
            config.outbox_days,
        );
        Ok(())
    }
}
