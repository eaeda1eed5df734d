//! Accessible-toilet finder.
//!
//! The portal's example module: it owns one table (`toilets_toilet`), one page
//! (`/toilets`, a filter that works with and without JavaScript), one server function,
//! its fluent file (`locales/<lang>/toilets.ftl`), a navigation entry and a catalogue
//! tile. It knows nothing of other modules and reaches the host only through `kernel`.

mod list;
mod page;
mod routes;

#[cfg(feature = "ssr")]
mod demo;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
mod m20261127_000002_toilets_create_toilet;
#[cfg(feature = "ssr")]
mod module;

pub use list::{Toilet, ToiletFilter, ToiletList, list_toilets};
pub use page::ToiletFinder;
pub use routes::ToiletRoutes;

#[cfg(feature = "ssr")]
pub use module::ToiletsModule;

/// The module id: URL prefix, fluent file name, permission namespace.
pub const MODULE_ID: &str = "toilets";
