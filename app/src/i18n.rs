//! The portal's embedded fluent texts and the page language.
//!
//! Every `locales/<lang>/*.ftl` file is compiled into the binary and the wasm, so the
//! browser translates exactly as the server did. The server decides the language per
//! request (cookie, then `Accept-Language`) and writes it to `<html lang>`; the browser
//! reads it back from there, so both render the same page.

use kernel::{I18n, Locale, i18n::provide_i18n};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
pub fn page_i18n() -> I18n {
    kernel::i18n::set_fallback_texts(&LOCALES);
    if let Some(i18n) = use_context::<I18n>() {
        return i18n;
    }
    let i18n = I18n::new(page_locale(), &LOCALES);
    provide_i18n(i18n);
    i18n
}

#[cfg(feature = "ssr")]
fn page_locale() -> Locale {
    use axum::http::{HeaderMap, header};
    let Some(parts) = use_context::<axum::http::request::Parts>() else {
        return Locale::default();
    };
    let headers: &HeaderMap = &parts.headers;
    let choice = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == kernel::i18n::LANGUAGE_COOKIE).then_some(value)
        });
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(choice, accept)
}

#[cfg(not(feature = "ssr"))]
fn page_locale() -> Locale {
    leptos::prelude::document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| Locale::parse(&lang))
        .unwrap_or_default()
}
