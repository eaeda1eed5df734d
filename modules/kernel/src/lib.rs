//! Shared kernel of the portal.
//!
//! Owns the contract between the portal host (`app`) and its service modules: the
//! [`ServiceModule`] trait, identity and permission types, the error type that crosses
//! server functions, navigation and catalogue entries, search documents and the i18n
//! helpers. It depends on no module; modules depend on it and talk to each other only
//! through the traits defined here.

pub mod access;
pub mod api;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod booking;
#[cfg(feature = "ssr")]
pub mod capabilities;
#[cfg(feature = "ssr")]
pub mod case_search;
pub mod catalogue;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod command;
pub mod content_policy;
pub mod content_version;
pub mod decimal;
#[cfg(feature = "ssr")]
pub mod definitions;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "hydrate")]
pub mod dom;
pub mod error;
pub mod error_page;
pub mod fact;
pub mod form_body;
pub mod geo;
pub mod holidays;
pub mod i18n;
pub mod identity;
#[cfg(feature = "ssr")]
pub mod intake;
#[cfg(feature = "ssr")]
pub mod job_runs;
#[cfg(feature = "ssr")]
pub mod json_schema;
pub mod location;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod module;
pub mod money;
pub mod on_use;
pub mod overview;
#[cfg(feature = "ssr")]
pub mod personal_data;
#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod search;
#[cfg(feature = "ssr")]
pub mod search_outbox;
#[cfg(feature = "ssr")]
pub mod seed;
pub mod select;
#[cfg(feature = "ssr")]
pub mod service_admin;
#[cfg(feature = "ssr")]
pub mod settings;
pub mod shared_page;
#[cfg(feature = "ssr")]
pub mod sql;
#[cfg(feature = "ssr")]
pub mod start;
pub mod stated_process;
#[cfg(feature = "ssr")]
pub mod storage;
pub mod suggest_field;
pub mod text;
pub mod time;
#[cfg(feature = "ssr")]
pub mod toml_file;
pub mod upload;
pub mod url;
#[cfg(feature = "ssr")]
pub mod webhook;
#[cfg(feature = "ssr")]
pub mod write_transaction;

pub use access::{Denial, Requirement};
pub use catalogue::{CatalogueEntry, Label, NavEntry};
pub use error::AppError;
pub use i18n::{I18n, Locale, phrase, t};
pub use identity::{Identity, Level, Permission, Profile, Role};
#[cfg(feature = "ssr")]
pub use module::{ModuleBuilder, ModuleContext, ServiceModule};
pub use search::SearchDocument;
pub use text::Text;
