//! The signed-in citizen's overview ("my requests"): besides the drafts and requests
//! the forms keep, every module adds what it keeps for the person (appointments, …) as
//! sections of short items with a link each.

use serde::{Deserialize, Serialize};

/// One thing in the overview: a heading, a few lines, and where to see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewItem {
    /// The heading.
    pub title: String,
    /// The language of the heading when it is not the page's.
    pub lang: Option<String>,
    /// Short lines under it (when, where).
    pub lines: Vec<String>,
    /// Where to see it.
    pub href: String,
    /// The link's text.
    pub link: String,
}

/// A module's part of the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewSection {
    /// The heading ("Ihre Termine").
    pub title: String,
    /// What it says when there is nothing.
    pub empty: String,
    /// The items, soonest or newest first.
    pub items: Vec<OverviewItem>,
}

/// What a module adds to the person's overview. Contributed (many).
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait PersonalOverview: Send + Sync {
    /// The sections for the person with sign-in subject `subject`, worded with `i18n`.
    async fn sections(
        &self,
        ctx: &crate::ModuleContext,
        subject: &str,
        i18n: &crate::I18n,
    ) -> Result<Vec<OverviewSection>, crate::AppError>;
}
