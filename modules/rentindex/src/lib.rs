//! Rent index (Mietspiegel): the local comparative rent of a flat from a qualified
//! rent index, and a check of a landlord's request to raise the rent.
//!
//! An edition (`editions/*.toml` with its street list) holds the base table by living
//! space and year of construction, the location categories, the features and the
//! spread ([`edition`]); [`calc`] computes the estimate, the same code on the server,
//! in the browser and in the open interface; [`increase`] checks a request against it,
//! the city's cap and the waiting periods. No sign-in, nothing stored. The module
//! ships a synthetic demo edition; a city sets its own (`[rentindex] edition_file`)
//! after `portal rentindex check FILE`.

pub mod answers;
pub mod calc;
pub mod edition;
mod functions;
pub mod increase;
pub mod packed;
mod pages;
mod routes;
pub mod view;

#[cfg(feature = "ssr")]
mod api;
#[cfg(feature = "ssr")]
pub mod check;
#[cfg(feature = "ssr")]
mod command;
#[cfg(feature = "ssr")]
mod desk;
#[cfg(feature = "ssr")]
mod module;
#[cfg(feature = "ssr")]
mod schema;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod streets;

pub use functions::{rent_index_edition, rent_index_locate};
pub use routes::RentIndexRoutes;
pub use view::{Located, LocatedBy, Published};

#[cfg(feature = "ssr")]
pub use module::RentIndexModule;

/// The module id: fluent file name, settings section, command group.
pub const MODULE_ID: &str = "rentindex";
