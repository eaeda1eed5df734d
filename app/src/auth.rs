//! Sign-in and sessions (server side).
//!
//! Sessions live in the portal database through [`session_store::DbSessionStore`], so
//! any number of portal processes share them; the browser holds only an opaque cookie.
//! Who is signed in is one [`signed_in::SignedIn`] value in the session; every request
//! gets the resulting `kernel::Identity` (anonymous when nobody is signed in).

pub mod clock;
pub mod demo;
pub mod oidc;
pub mod page_guard;
pub mod rate_limit;
pub mod routes;
pub mod sealed;
pub mod session_entity;
pub mod session_layer;
pub mod session_store;
pub mod signed_in;
