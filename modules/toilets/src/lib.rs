//! Toilet finder: public toilets from open data (OpenStreetMap, a city's GeoJSON or
//! CSV) with step-free access, Euro key, changing tables, fees and opening hours.
//!
//! `portal toilets import FILE` reads a source into `toilets_place` (one transaction;
//! entries that left the source are unpublished). The finder (`/toilets`) filters and
//! orders them nearest first from the browser's position or a geocoded address, with
//! a map where JavaScript runs; every toilet has its page (`/toilets/{id}`), and all of
//! them are open data again at `/toilets/toilets.geojson`. The module reaches the host
//! only through `kernel`.

mod functions;
mod pages;
pub mod place;
pub mod query;
mod routes;

#[cfg(feature = "ssr")]
mod demo;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod finder;
#[cfg(feature = "ssr")]
mod geocoder;
#[cfg(feature = "ssr")]
pub mod hours;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
mod import_command;
#[cfg(feature = "ssr")]
mod m20261127_000002_toilets_create_toilet;
#[cfg(feature = "ssr")]
mod m20261206_000003_toilets_places;
#[cfg(feature = "ssr")]
mod module;
#[cfg(feature = "ssr")]
mod open_data;
#[cfg(feature = "ssr")]
pub mod record;
#[cfg(feature = "ssr")]
mod service;
#[cfg(feature = "ssr")]
pub mod settings;

pub use functions::{find_toilets, toilet_place};
pub use place::PlaceDetail;
pub use routes::ToiletRoutes;

#[cfg(feature = "ssr")]
pub use entity::place::Model as PlaceRow;
#[cfg(feature = "ssr")]
pub use module::ToiletsModule;

/// The module id: URL prefix, fluent file name, permission namespace.
pub const MODULE_ID: &str = "toilets";
