//! The module's tables.

pub mod case;
pub mod count;
pub mod event;
pub mod file;
pub mod service;
pub mod staff;
