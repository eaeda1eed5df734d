//! Forms module: services are data. A department describes a service (its text and
//! its multi-step form) in a TOML file; the portal shows the catalogue, walks citizens
//! through the form, validates every answer with one implementation on server and in
//! the browser, and stores the submission.

pub mod answers;
pub mod check;
pub mod definition;
pub mod formats;
#[cfg(feature = "ssr")]
pub mod loader;
#[cfg(feature = "ssr")]
pub mod schema;
pub mod validate;

pub use answers::{Answer, Answers};
pub use definition::ServiceDefinition;
pub use validate::{FieldError, Problem, validate_all, validate_step, visible_answers};
