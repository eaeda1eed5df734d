//! Documents that modules publish for the portal search.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// One searchable item published by a module. The search module indexes these; the
/// publishing module stays the owner of the data and of the page `href` points to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// Document type: the id of the publishing module.
    pub module: String,
    /// Stable id inside the module.
    pub id: String,
    /// Language of the texts.
    pub locale: Locale,
    /// Headline shown in results.
    pub title: String,
    /// Body text that is searched.
    pub body: String,
    /// Extra search terms (synonyms, keywords).
    pub keywords: Vec<String>,
    /// Absolute path of the page that shows the item.
    pub href: String,
    /// The responsible department's id (a facet of the results).
    pub department: String,
    /// Groups the item belongs to, e.g. life situations (a facet of the results).
    pub tags: Vec<String>,
}

/// What a module publishes to the search: contributed at start-up
/// (`ModuleBuilder::contribute::<dyn SearchSource>`), so every module with documents is
/// indexed without the search module knowing it.
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait SearchSource: Send + Sync {
    /// Every document the module wants searchable (used by a full reindex).
    async fn documents(
        &self,
        ctx: &crate::ModuleContext,
    ) -> Result<Vec<SearchDocument>, crate::AppError>;

    /// The current documents `ids` (those that are gone or no longer searchable are
    /// missing), for the search to follow the outbox. The default picks them from
    /// [`SearchSource::documents`]; a module with many documents reads only these.
    async fn documents_of(
        &self,
        ctx: &crate::ModuleContext,
        ids: &[String],
    ) -> Result<Vec<SearchDocument>, crate::AppError> {
        let mut documents = self.documents(ctx).await?;
        documents.retain(|d| ids.contains(&d.id));
        Ok(documents)
    }
}
