//! The module's pages.

pub mod catalogue_page;
pub mod service_page;
