//! Database entities of the module (one file per entity).

pub mod import;
pub mod place;
