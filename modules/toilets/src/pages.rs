//! The finder's pages, rendered completely on the server so that they work without
//! JavaScript: the search with its list (and a map where scripts run) and a page per
//! toilet.

mod features;
mod finder_page;
mod hours_text;
mod place_page;

pub use finder_page::FinderPage;
pub use place_page::PlacePage;
