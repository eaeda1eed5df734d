//! The citizen's service search: the best services for their words in their language.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Longest query taken; longer ones are cut (no service needs more words).
pub const LONGEST_QUERY: usize = 200;

/// Services shown at most.
pub const SHOWN: usize = 20;

/// A service found, as the results page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Found {
    /// Title.
    pub title: String,
    /// Its page.
    pub href: String,
    /// Text around the matches: parts, each marked as a match or not.
    pub excerpt: Vec<(String, bool)>,
    /// Responsible department's id.
    pub department: String,
}

/// The services for `q`, best first.
#[server(endpoint = "search/services")]
pub async fn search_services(q: String) -> Result<Vec<Found>, AppError> {
    let index = use_context::<crate::module::Services>().ok_or(AppError::Internal)?;
    let i18n = kernel::i18n::use_i18n();
    let query: String = q.chars().take(LONGEST_QUERY).collect();
    let hits = index
        .0
        .search(i18n.locale, &query, SHOWN)
        .map_err(AppError::internal)?;
    Ok(hits
        .into_iter()
        .map(|hit| Found {
            title: hit.title,
            href: hit.href,
            excerpt: hit.excerpt,
            department: hit.department,
        })
        .collect())
}
