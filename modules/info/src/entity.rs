//! The module's tables.

pub mod office;
pub mod office_booking;
pub mod service;
pub mod service_office;
