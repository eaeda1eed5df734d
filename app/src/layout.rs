//! The frame around every page: skip link, header with navigation and language switch,
//! footer with the legally required pages.

mod account;
mod footer;
mod header;
mod language_switch;

pub use footer::Footer;
pub use header::Header;

use leptos::prelude::*;

use crate::i18n::page_i18n;

/// First focusable element: jumps over the header to the page content. `rel="external"`
/// keeps the client-side router out, so the browser moves the focus itself, as it
/// does before hydration.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="portal-skip-link kern-link" href="#main" rel="external">
            {page_i18n().t("shell-skip-link")}
        </a>
    }
}

/// The current path and query, percent-encoded for a `back`/`return_to` parameter, so
/// language switch and sign-in come back to the same page.
fn here_encoded() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let location = leptos_router::hooks::use_location();
    move || {
        // The router gives the query without its `?`.
        let search = location.search.get();
        let here = match search.trim_start_matches('?') {
            "" => location.pathname.get(),
            query => format!("{}?{query}", location.pathname.get()),
        };
        form_urlencoded::byte_serialize(here.as_bytes()).collect()
    }
}
