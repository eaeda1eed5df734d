//! Appointments at the city's offices.
//!
//! The offices and services, and how many slots each service needs at each office,
//! come from the DLDB export the portal imports. What the export lacks comes from the
//! module's schedule file ([`schedule`]): opening hours per weekday, counters (people
//! served at once), closures, how far ahead one may book. Public holidays follow
//! Bavaria's rules ([`kernel::holidays`]). From these, [`slots`] computes the free
//! times of a day and the days with free times, in Munich's local time
//! (Europe/Berlin, with its daylight-saving changes).

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod availability;
#[cfg(feature = "ssr")]
mod blocked_times;
#[cfg(feature = "ssr")]
pub mod blocking;
#[cfg(feature = "ssr")]
pub mod book;
#[cfg(feature = "ssr")]
pub mod capacity;
#[cfg(feature = "ssr")]
pub mod citizen;
#[cfg(feature = "ssr")]
pub mod contact;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
mod events;
#[cfg(feature = "ssr")]
mod flow;
#[cfg(feature = "ssr")]
mod for_requests;
#[cfg(feature = "ssr")]
pub mod free_days_cache;
mod functions;
pub mod hours;
#[cfg(feature = "ssr")]
mod keeping;
#[cfg(feature = "ssr")]
pub mod lifecycle;
#[cfg(feature = "ssr")]
mod m20261206_000001_appointments_booking;
#[cfg(feature = "ssr")]
mod m20261206_000002_appointments_citizen;
#[cfg(feature = "ssr")]
mod m20261206_000003_appointments_block;
#[cfg(feature = "ssr")]
mod m20261206_000004_appointments_request;
#[cfg(feature = "ssr")]
mod m20261206_000005_appointments_proof;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
mod module;
#[cfg(feature = "ssr")]
mod overview;
mod pages;
pub mod plan;
#[cfg(feature = "ssr")]
mod proof;
#[cfg(feature = "ssr")]
pub mod reminders;
mod routes;
pub mod schedule;
#[cfg(feature = "ssr")]
pub mod settings;
pub mod slots;
#[cfg(feature = "ssr")]
pub mod snapshot;
#[cfg(feature = "ssr")]
pub mod staff;
#[cfg(feature = "ssr")]
mod staff_api;
#[cfg(feature = "ssr")]
mod staff_flow;
pub mod view;

#[cfg(feature = "ssr")]
pub use module::AppointmentsModule;
pub use routes::AppointmentRoutes;

/// What the office may note about a visit, as the staff's day list offers it.
pub const STAFF_MARKS: [&str; 3] = ["arrived", "done", "no_show"];

/// The module id: table prefix, settings section, permission namespace.
pub const MODULE_ID: &str = "appointments";
