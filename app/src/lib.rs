//! The municipal service portal: the Leptos application shell that hosts the service
//! modules, and (with the `ssr` feature) the `portal` server around it.
//!
//! The same crate compiles twice: for the server (`ssr`), where pages are rendered
//! completely so they work without JavaScript, and for the browser (`hydrate`), which
//! holds only the pages' interactive parts (Leptos islands, `#[island]`): the rest of
//! a page stays as the server sent it.

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

/// Browser entry point, run before the page's islands are hydrated: the islands
/// translate with the texts the page fetched, the server's fluent files of its
/// `language` (`texts`) and of German (`german`, for what a language lacks; empty where
/// it lacks nothing).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(language: String, texts: String, german: String) {
    console_error_panic_hook::set_once();
    let mut files = vec![(language, texts)];
    if !german.is_empty() {
        files.push((kernel::Locale::DE.code().to_owned(), german));
    }
    // Read once for the page's whole life.
    let texts: &'static kernel::i18n::FetchedTexts =
        Box::leak(Box::new(kernel::i18n::FetchedTexts::read(files)));
    kernel::i18n::languages::install(texts);
    leptos::mount::hydrate_islands();
}
