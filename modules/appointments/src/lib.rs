//! Appointments at the city's offices.
//!
//! The offices and services, and how many slots each service needs at each office,
//! come from the DLDB export the portal imports. What the export lacks comes from the
//! module's schedule file ([`schedule`]): opening hours per weekday, counters (people
//! served at once), closures, how far ahead one may book. Public holidays follow
//! Bavaria's rules ([`holidays`]). From these, [`slots`] computes the free times of a
//! day and the days with free times, in Munich's local time (Europe/Berlin, with its
//! daylight-saving changes).

pub mod holidays;
pub mod hours;
pub mod schedule;
pub mod slots;
