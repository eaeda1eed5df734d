//! The open interface `/api/v1` as modules see it: who is calling ([`Caller`]), what
//! they may do ([`Scope`]), errors as problem details (RFC 9457, [`Problem`]) and JSON
//! bodies and queries whose rejections are problem details too ([`ApiJson`],
//! [`ApiQuery`]).
//!
//! The host verifies the bearer token, maps the client to departments and scopes by
//! configuration and puts the [`Caller`] into the request; module handlers take it as
//! an extractor and check a scope, then apply the same rules as the pages, with the
//! caller's [`crate::Identity`].

#[cfg(feature = "ssr")]
mod caller;
#[cfg(feature = "ssr")]
mod extract;
#[cfg(feature = "ssr")]
mod problem;

#[cfg(feature = "ssr")]
pub use caller::{Caller, Scope};
#[cfg(feature = "ssr")]
pub use extract::{ApiJson, ApiQuery};
#[cfg(feature = "ssr")]
pub use problem::{PROBLEM_JSON, Problem, ProblemKind};

/// Where the interface is mounted; module routers give paths relative to it.
pub const BASE_PATH: &str = "/api/v1";

/// The page that documents the interface (problem types link to its sections).
pub const DOCS_PATH: &str = "/api";

/// The department administrators' log of webhook deliveries.
pub const DELIVERY_LOG_PATH: &str = "/dienststelle/zustellungen";

/// Put into a response's extensions by a handler that read or changed a case, so the
/// call's audit entry names the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TouchedCase(pub String);
