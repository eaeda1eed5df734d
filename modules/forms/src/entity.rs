//! The module's tables.

pub mod service_version;
