//! The caseworker inbox: the cases of the caseworker's departments, filtered and
//! paged by key (so the thousandth page is as fast as the first), with counts per
//! state. Every filter is a URL parameter, so a view can be bookmarked.

mod functions;
pub(crate) mod model;
#[cfg(feature = "ssr")]
pub(crate) mod query;
#[cfg(feature = "ssr")]
pub(crate) mod search;

pub use functions::{SUGGESTED, inbox, suggest_cases};
pub use model::*;
