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

/// The services found, with the departments and life situations of all matches and
/// their numbers, to narrow by.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// The best services that fit the narrowing.
    pub hits: Vec<Found>,
    /// Departments and their numbers of matches, most first.
    pub departments: Vec<(String, usize)>,
    /// Life situations and their numbers of matches, most first.
    pub life_situations: Vec<(String, usize)>,
    /// The language the titles and excerpts are written in: the page's, or German
    /// where the search keeps no index in the page's language.
    pub language: kernel::Locale,
    /// Words the catalogue does not know, each with the word searched instead.
    pub corrections: Vec<(String, String)>,
}

/// The services for `q`, best first, narrowed to department `bereich` and life
/// situation `lebenslage` where given.
#[server(endpoint = "search/services")]
pub async fn search_services(
    q: String,
    bereich: Option<String>,
    lebenslage: Option<String>,
) -> Result<Results, AppError> {
    let index = use_context::<crate::module::Services>().ok_or(AppError::Internal)?;
    let i18n = kernel::i18n::use_i18n();
    let query: String = q.chars().take(LONGEST_QUERY).collect();
    let narrowing = crate::service_index::Narrowing {
        department: bereich.filter(|d| !d.is_empty()),
        tag: lebenslage.filter(|t| !t.is_empty()),
    };
    let found = index
        .0
        .search_narrowed(i18n.locale, &query, &narrowing, SHOWN)
        .map_err(AppError::internal)?;
    Ok(Results {
        hits: found
            .hits
            .into_iter()
            .map(|hit| Found {
                title: hit.title,
                href: hit.href,
                excerpt: hit.excerpt,
                department: hit.department,
            })
            .collect(),
        departments: found.departments,
        life_situations: found.tags,
        language: found.language,
        corrections: found
            .corrections
            .into_iter()
            .map(|c| (c.typed, c.meant))
            .collect(),
    })
}

/// Services suggested at most while typing.
pub const SUGGESTED: usize = 6;

/// Services for what is being typed (`q`), the last word possibly unfinished.
#[server(endpoint = "search/suggest")]
pub async fn suggest_services(
    q: String,
) -> Result<Vec<kernel::suggest_field::Suggestion>, AppError> {
    let index = use_context::<crate::module::Services>().ok_or(AppError::Internal)?;
    let i18n = kernel::i18n::use_i18n();
    let typed: String = q.chars().take(LONGEST_QUERY).collect();
    index
        .0
        .suggest(i18n.locale, &typed, SUGGESTED)
        .map_err(AppError::internal)
}
