//! The page for addresses that do not exist (status 404).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::page_i18n;

/// Shown for every unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let i18n = page_i18n();
    view! {
        <Title text=i18n.t("shell-not-found-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-not-found-title")}</h1>
        <p class="kern-body">{i18n.phrase("shell-not-found-text")}</p>
        <p class="kern-body"><A href="/" attr:class="kern-link">{i18n.phrase("shell-not-found-home")}</A></p>
    }
}
