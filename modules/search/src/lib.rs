//! Search module: finds services in the citizen's own words. Texts are analysed per
//! language (German: compound words split into their parts, then stemmed; English:
//! stemmed), queries are widened by the synonym lists kept beside the locales
//! (`locales/<lang>/search-synonyms.txt`) and forgive a typo or two.

#[cfg(feature = "ssr")]
pub mod analysis;
#[cfg(feature = "ssr")]
pub mod case_index;
#[cfg(feature = "ssr")]
pub mod case_indexer;
#[cfg(feature = "ssr")]
pub mod follower;
#[cfg(feature = "ssr")]
pub mod indexer;
#[cfg(feature = "ssr")]
pub mod module;
pub mod pages;
pub mod results;
mod routes;
#[cfg(feature = "ssr")]
pub mod service_index;
pub mod synonyms;
#[cfg(feature = "ssr")]
pub mod words;

pub use pages::search_field::SearchField;
pub use routes::SearchRoutes;

#[cfg(feature = "ssr")]
pub use module::SearchModule;

/// The module id: fluent file name, permission namespace.
pub const MODULE_ID: &str = "search";
