//! `/kein-zugang?seite=…`: a signed-in person asked for a page their roles do not
//! open. A whole portal page (status 403) that says so and leads on, instead of a
//! bare status text.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::page_i18n;

/// Explains the refusal and offers the way home and to the account page, which shows
/// what roles the sign-in brought.
#[component]
pub fn ForbiddenPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::FORBIDDEN);
    }
    let i18n = page_i18n();
    let query = use_query_map();
    // Only a local address is named; anything else is not repeated.
    let refused = move || {
        query
            .read()
            .get("seite")
            .filter(|page| page.starts_with('/') && !page.starts_with("//"))
    };
    view! {
        <Title text=i18n.t("shell-forbidden-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-forbidden-title")}</h1>
        {move || refused().map(|page| view! {
            <p class="kern-body">{i18n.phrase("shell-forbidden-page")}" "<code>{page}</code></p>
        })}
        <p class="kern-body">{i18n.phrase("shell-forbidden-text")}</p>
        <ul class="portal-list">
            <li><a class="kern-link" href="/">{i18n.phrase("shell-not-found-home")}</a></li>
            <li><a class="kern-link" href="/konto">{i18n.phrase("shell-forbidden-account")}</a></li>
        </ul>
    }
}
