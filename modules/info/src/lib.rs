//! Information catalogue: services a city describes without an online form, with the
//! offices that offer them, imported from the city's service database in the DLDB export
//! format (`portal info import-dldb`). Citizens find them in the search and in the
//! A–Z list (`/info`); each has a page with its description, fees and offices.

mod functions;
mod pages;
mod routes;
mod view;

#[cfg(feature = "ssr")]
mod booking;
#[cfg(feature = "ssr")]
pub mod dldb;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
mod import_command;
#[cfg(feature = "ssr")]
mod m20261130_000001_info_catalogue;
#[cfg(feature = "ssr")]
mod m20261206_000001_info_booking;
#[cfg(feature = "ssr")]
mod module;
#[cfg(feature = "ssr")]
mod read;
#[cfg(feature = "ssr")]
pub mod sanitise;
#[cfg(feature = "ssr")]
pub mod seed;
#[cfg(feature = "ssr")]
mod seed_catalogue;

pub use functions::{info_service, info_services};
pub use routes::InfoRoutes;
pub use view::{ListedService, OfficeView, ServiceView};

#[cfg(feature = "ssr")]
pub use module::InfoModule;

/// The module id: URL prefix, fluent file name, permission namespace.
pub const MODULE_ID: &str = "info";
