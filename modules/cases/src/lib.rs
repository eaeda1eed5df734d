//! Cases module: every filed request becomes a case that caseworkers of its department
//! process and the citizen follows. The lifecycle is fixed ([`lifecycle`]); how each
//! service moves within it is data ([`process`]).

#[cfg(feature = "ssr")]
pub mod act;
#[cfg(feature = "ssr")]
mod api;
#[cfg(feature = "ssr")]
pub mod assign;
pub mod bulk;
#[cfg(feature = "ssr")]
mod bulk_flow;
pub mod case;
pub mod citizen;
#[cfg(feature = "ssr")]
pub mod comment;
#[cfg(feature = "ssr")]
pub mod counts;
pub mod dashboard;
pub mod deadline;
#[cfg(feature = "ssr")]
pub mod decisions;
pub mod details;
#[cfg(feature = "ssr")]
pub mod directory;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
mod download;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
mod export;
#[cfg(feature = "ssr")]
mod flow;
pub mod inbox;
#[cfg(feature = "ssr")]
pub mod intake;
#[cfg(feature = "ssr")]
pub mod letter;
pub mod lifecycle;
#[cfg(feature = "ssr")]
pub mod loader;
#[cfg(feature = "ssr")]
mod m20261128_000005_cases_case;
#[cfg(feature = "ssr")]
mod m20261128_000006_cases_file;
#[cfg(feature = "ssr")]
mod m20261128_000007_cases_directory;
#[cfg(feature = "ssr")]
mod m20261128_000008_cases_inbox_speed;
#[cfg(feature = "ssr")]
mod m20261129_000002_cases_contact;
#[cfg(feature = "ssr")]
mod m20261129_000004_cases_dashboard_speed;
#[cfg(feature = "ssr")]
pub mod module;
pub mod new_case_mail;
#[cfg(feature = "ssr")]
pub mod notify;
pub mod pages;
#[cfg(feature = "ssr")]
mod personal_data;
pub mod process;
#[cfg(feature = "ssr")]
mod process_files;
pub mod process_problem;
#[cfg(feature = "ssr")]
mod record;
#[cfg(feature = "ssr")]
pub mod retention;
mod routes;
#[cfg(feature = "ssr")]
mod search_source;
#[cfg(feature = "ssr")]
pub mod seed;
#[cfg(feature = "ssr")]
mod seed_requests;
#[cfg(feature = "ssr")]
pub mod service_switch;
pub mod shown;
#[cfg(feature = "ssr")]
pub mod timeline;
#[cfg(feature = "ssr")]
pub mod tracker;
#[cfg(feature = "ssr")]
mod unsent;
#[cfg(feature = "ssr")]
mod webhook_events;

pub use case::Case;
pub use lifecycle::{Action, Actor, Outcome, State};
pub use process::{Process, ProcessDefinition};
pub use routes::{CaseworkRoutes, CitizenCaseRoutes, DepartmentRoutes};

#[cfg(feature = "ssr")]
pub use module::{CasesConfig, CasesModule};

/// The module id: fluent file name, permission namespace.
pub const MODULE_ID: &str = "cases";
