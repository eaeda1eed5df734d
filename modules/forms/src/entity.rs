//! The module's tables.

pub mod design;
pub mod draft;
pub mod service_version;
pub mod submission;
