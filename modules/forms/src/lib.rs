//! Forms module: services are data. A department describes a service (its text and
//! its multi-step form) in a TOML file; the portal shows the catalogue, walks citizens
//! through the form, validates every answer with one implementation on server and in
//! the browser, and stores the submission.

pub mod answers;
#[cfg(feature = "ssr")]
mod api;
pub mod check;
pub mod definition;
#[cfg(feature = "ssr")]
mod definition_files;
#[cfg(feature = "ssr")]
mod design_edit;
#[cfg(feature = "ssr")]
mod design_flow;
pub mod design_rules;
#[cfg(feature = "ssr")]
mod design_typed;
pub mod design_view;
#[cfg(feature = "ssr")]
pub mod designs;
#[cfg(feature = "ssr")]
pub mod drafts;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod filed_answers;
#[cfg(feature = "ssr")]
pub mod flow;
#[cfg(feature = "ssr")]
mod for_booking;
pub mod formats;
#[cfg(feature = "ssr")]
#[doc(hidden)]
pub mod fuzzing;
#[cfg(feature = "ssr")]
mod linked;
#[cfg(feature = "ssr")]
pub mod loader;
#[cfg(feature = "ssr")]
mod m20261128_000002_forms_service_version;
#[cfg(feature = "ssr")]
mod m20261128_000003_forms_draft;
#[cfg(feature = "ssr")]
mod m20261128_000004_forms_submission;
#[cfg(feature = "ssr")]
mod m20261129_000003_forms_service_offline;
#[cfg(feature = "ssr")]
mod m20261201_000003_forms_open311;
#[cfg(feature = "ssr")]
mod m20261207_000001_forms_design;
#[cfg(feature = "ssr")]
mod made_up_requests;
pub mod mine;
#[cfg(feature = "ssr")]
pub mod module;
#[cfg(feature = "ssr")]
pub mod offline;
#[cfg(feature = "ssr")]
mod open311;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
mod personal_data;
pub mod prefill;
#[cfg(feature = "ssr")]
mod published_services;
#[cfg(feature = "ssr")]
pub mod retention;
mod routes;
#[cfg(feature = "ssr")]
pub mod schema;
#[cfg(feature = "ssr")]
pub mod search_documents;
#[cfg(feature = "ssr")]
pub mod seed;
#[cfg(feature = "ssr")]
pub mod service_admin;
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
mod stated_processes;
#[cfg(feature = "ssr")]
pub mod submission_data;
#[cfg(feature = "ssr")]
mod unsent;
pub mod validate;
#[cfg(feature = "ssr")]
pub mod versions;
pub mod view;

pub use answers::{Answer, Answers};
pub use definition::ServiceDefinition;
pub use validate::{FieldError, Problem, validate_all, validate_step, visible_answers};

#[cfg(feature = "ssr")]
pub use module::FormsModule;
pub use routes::{ApplicationRoutes, DesignerRoutes, FormsRoutes};
#[cfg(feature = "ssr")]
pub use state::{FormsConfig, FormsState, Published};

/// The module id: fluent file name, permission namespace.
pub const MODULE_ID: &str = "forms";
