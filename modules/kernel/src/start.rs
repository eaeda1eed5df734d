//! Errors of code that runs outside a request: starting a module, background jobs,
//! commands. They carry their cause chain to the operator ("module `forms` failed to
//! start: invalid service definitions in services: …"), where [`crate::AppError`] is
//! what a request's caller may see and hides internal causes.

pub use anyhow::{Context, anyhow, bail};

/// Why something outside a request failed, with its causes.
pub type StartError = anyhow::Error;

/// The result of starting something.
pub type StartResult<T = ()> = anyhow::Result<T>;
