//! `/dienststelle`: the department dashboard. Cases per state and per service, the
//! overdue ones, how long decisions took per service over a chosen period (median and
//! 90th percentile, from filing to decision), and the department's services with their
//! published version and whether they take requests online.

mod functions;
pub(crate) mod model;
#[cfg(feature = "ssr")]
mod query;

pub use functions::department_dashboard;
pub use model::*;
