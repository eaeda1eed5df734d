//! The module's pages and the search field the shell's header uses.

pub mod results_page;
pub mod search_field;
