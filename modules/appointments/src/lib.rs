//! Appointments at the city's offices.
//!
//! The offices and services, and how many slots each service needs at each office,
//! come from the DLDB export the portal imports. What the export lacks comes from the
//! module's schedule file ([`schedule`]): opening hours per weekday, counters (people
//! served at once), closures, how far ahead one may book. Public holidays follow
//! Bavaria's rules ([`holidays`]). From these, [`slots`] computes the free times of a
//! day and the days with free times, in Munich's local time (Europe/Berlin, with its
//! daylight-saving changes).

#[cfg(feature = "ssr")]
pub mod availability;
#[cfg(feature = "ssr")]
pub mod book;
#[cfg(feature = "ssr")]
pub mod capacity;
#[cfg(feature = "ssr")]
mod entity;
pub mod holidays;
pub mod hours;
#[cfg(feature = "ssr")]
mod m20261206_000001_appointments_booking;
#[cfg(feature = "ssr")]
mod module;
pub mod schedule;
#[cfg(feature = "ssr")]
pub mod settings;
pub mod slots;

#[cfg(feature = "ssr")]
pub use module::AppointmentsModule;

/// The module id: table prefix, settings section, permission namespace.
pub const MODULE_ID: &str = "appointments";
