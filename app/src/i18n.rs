//! The portal's embedded fluent texts and the page language.
//!
//! Every `locales/<lang>/*.ftl` file is compiled into the server; the browser fetches
//! the page language's files (see `server::http::browser_texts`) and translates with
//! them exactly as the server did. Each folder is a language the portal offers
//! (`build.rs` rebuilds when one is added). The server decides the language per
//! request (cookie, then `Accept-Language`) and writes it to `<html lang>`; the browser
//! reads it back from there, so both render the same page.

use kernel::I18n;
#[cfg(feature = "ssr")]
use kernel::{Locale, i18n::provide_i18n};
#[cfg(feature = "ssr")]
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
fluent_templates::static_loader! {
    // Texts of the portal and all its modules.
    pub static LOCALES = {
        locales: "../locales",
        fallback_language: "de",
        // Unicode isolation marks around variables would end up in attributes and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Site-wide facts the shell shows on every page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellConfig {
    /// The installation runs on demo content or offers the demo sign-in; every page
    /// says so.
    pub demo: bool,
    /// The demo sign-in (choose a persona) is offered.
    pub demo_login: bool,
}

/// The translation context of this page, created on first use.
#[cfg(feature = "ssr")]
pub fn page_i18n() -> I18n {
    kernel::i18n::languages::install(&*LOCALES);
    if let Some(i18n) = use_context::<I18n>() {
        return i18n;
    }
    let i18n = I18n::new(page_locale(), &*LOCALES);
    provide_i18n(i18n);
    i18n
}

/// In the browser only islands render, each in the page's language (see
/// [`kernel::i18n::use_i18n`]).
#[cfg(not(feature = "ssr"))]
pub fn page_i18n() -> I18n {
    kernel::i18n::use_i18n()
}

#[cfg(feature = "ssr")]
fn page_locale() -> Locale {
    use_context::<axum::http::request::Parts>()
        .map(|parts| kernel::i18n::request_locale(&parts.headers))
        .unwrap_or_default()
}
