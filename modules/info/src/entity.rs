//! The module's tables.

pub mod office;
pub mod service;
pub mod service_office;
