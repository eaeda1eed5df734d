//! The module's tables.

pub mod appointment;
