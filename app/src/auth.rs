//! Sign-in and sessions (server side).
//!
//! Sessions live in the portal database through [`session_store::DbSessionStore`], so
//! any number of portal processes share them; the browser holds only an opaque cookie.

pub mod session_entity;
pub mod session_store;
