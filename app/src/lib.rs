//! The municipal service portal: the Leptos application shell that hosts the service
//! modules, and (with the `ssr` feature) the `portal` server around it.
//!
//! The same crate compiles twice: for the server (`ssr`), where pages are rendered
//! completely so they work without JavaScript, and for the browser (`hydrate`), where
//! the rendered page is taken over to make it interactive.

// The pages' view types are deeply nested; the optimised builds compute their layout
// with more recursion than the default allows.
#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod i18n;
mod layout;
mod pages;
pub mod personas;
pub mod registry;
#[cfg(feature = "ssr")]
pub mod server;
pub mod shell;
mod shell_info;

/// Browser entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(shell::App);
}
