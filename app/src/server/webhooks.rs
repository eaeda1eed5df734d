//! Posting events to subscribed systems: a background worker gives new events to the
//! subscriptions of their department, posts what is due, signed, and retries failures
//! with growing pauses. See the README ("Webhooks") for what a receiver gets.

mod body;
mod signature;
mod worker;

pub use signature::sign;
pub use worker::{Worker, spawn};
