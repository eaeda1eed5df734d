//! The module's pages.

pub mod results_page;
