//! The module's tables.

pub mod appointment;
pub mod block;
