//! `/anmelden/fehler?grund=…`: why a sign-in did not work, and a way to try again.
//! The reason is one of a fixed set; nothing from the provider is shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::page_i18n;

fn reason_key(reason: &str) -> &'static str {
    match reason {
        "abgebrochen" => "shell-sign-in-failed-cancelled",
        "abgelaufen" => "shell-sign-in-failed-expired",
        "nicht-erreichbar" => "shell-sign-in-failed-unavailable",
        _ => "shell-sign-in-failed-other",
    }
}

/// Explains the failure; status 400 so it is never mistaken for success.
#[component]
pub fn SignInFailedPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::BAD_REQUEST);
    }
    let i18n = page_i18n();
    let query = use_query_map();
    let reason = move || reason_key(&query.read().get("grund").unwrap_or_default());
    view! {
        <Title text=i18n.t("shell-sign-in-failed-title") />
        <h1 class="kern-heading-x-large">{i18n.t("shell-sign-in-failed-title")}</h1>
        <div class="kern-alert kern-alert--warning" role="alert">
            <div class="kern-alert__header">
                <span class="kern-title">{move || i18n.t(reason())}</span>
            </div>
        </div>
        <p class="kern-body portal-section">
            <a class="kern-link" href="/auth/login" rel="external">{i18n.t("shell-sign-in-failed-again")}</a>
        </p>
    }
}
