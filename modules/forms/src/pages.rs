//! The module's pages.

pub mod catalogue_page;
pub mod design_page;
pub mod designs_page;
pub mod fields;
pub mod live;
pub mod mine_page;
pub mod preview_page;
pub mod receipt_page;
pub mod review_page;
pub mod rule_inputs;
pub mod service_page;
pub mod step_page;
pub mod texts;
