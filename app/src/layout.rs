//! The frame around every page: skip link, header with navigation and language switch,
//! footer with the legally required pages.

mod footer;
mod header;
mod language_switch;

pub use footer::Footer;
pub use header::Header;

use leptos::prelude::*;

use crate::i18n::page_i18n;

/// First focusable element: jumps over the header to the page content.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="portal-skip-link kern-link" href="#main">{page_i18n().t("shell-skip-link")}</a> }
}
