//! `/anmelden/fehler?grund=…`: why a sign-in did not work, and a way to try again.
//! The reason is one of a fixed set; nothing from the provider is shown. When the
//! provider would not sign in at the higher level a service needs, the page names the
//! level, says how to reach it, whether the person is still signed in (as the header
//! says), and tries again with the same way back and level.

use kernel::{AppError, Level};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{i18n::page_i18n, pages::account::level_key};

/// The reason for a higher level the provider did not grant (`grund=stufe`).
pub const LEVEL_REFUSED: &str = "stufe";

fn reason_key(reason: &str) -> &'static str {
    match reason {
        "abgebrochen" => "shell-sign-in-failed-cancelled",
        "abgelaufen" => "shell-sign-in-failed-expired",
        "nicht-erreichbar" => "shell-sign-in-failed-unavailable",
        _ => "shell-sign-in-failed-other",
    }
}

/// The level of the person's current sign-in: `None` when nobody is signed in,
/// `Some(None)` when the provider named no level.
#[server(endpoint = "account/level")]
pub async fn current_level() -> Result<Option<Option<Level>>, AppError> {
    let identity = leptos::prelude::use_context::<kernel::Identity>().unwrap_or_default();
    Ok(identity.is_signed_in().then_some(identity.level))
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
    let (reason, level, return_to) = query.with_untracked(|q| {
        (
            q.get("grund").unwrap_or_default(),
            q.get("stufe").as_deref().and_then(Level::parse),
            q.get("return_to")
                .filter(|path| path.starts_with('/') && !path.starts_with("//")),
        )
    });
    match level.filter(|_| reason == LEVEL_REFUSED) {
        Some(level) => view! { <LevelRefused level return_to /> }.into_any(),
        None => view! {
            <Title text=i18n.t("shell-sign-in-failed-title") />
            <h1 class="kern-heading-x-large">{i18n.phrase("shell-sign-in-failed-title")}</h1>
            <div class="kern-alert kern-alert--warning" role="alert">
                <div class="kern-alert__header">
                    <span class="kern-title">{i18n.t(reason_key(&reason))}</span>
                </div>
            </div>
            <p class="kern-body portal-section">
                <a class="kern-link" href="/auth/login" rel="external">{i18n.phrase("shell-sign-in-failed-again")}</a>
            </p>
        }
        .into_any(),
    }
}

/// The provider did not sign the person in at `level`.
#[component]
fn LevelRefused(level: Level, return_to: Option<String>) -> impl IntoView {
    let i18n = page_i18n();
    let needed = i18n.t(level_key(Some(level)));
    let again = kernel::access::sign_in_url(return_to.as_deref().unwrap_or("/"), Some(level));
    let current = Resource::new(|| (), |()| current_level());
    view! {
        <Title text=i18n.t("shell-level-refused-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-level-refused-title")}</h1>
        <div class="kern-alert kern-alert--warning" role="alert">
            <div class="kern-alert__header">
                <span class="kern-title">{i18n.t_args("shell-level-refused-needed", &[("level", needed.into())])}</span>
            </div>
        </div>
        <p class="kern-body portal-section">{i18n.phrase("shell-level-refused-how")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let text = match current.await.ok().flatten() {
                    Some(have) => i18n.t_args(
                        "shell-level-refused-still-signed-in",
                        &[("level", i18n.t(level_key(have)).into())],
                    ),
                    None => i18n.t("shell-level-refused-signed-out"),
                };
                view! { <p class="kern-body">{text}</p> }
            })}
        </Suspense>
        <p class="kern-body portal-section">
            <a class="kern-btn kern-btn--primary" href=again rel="external">
                <span class="kern-label">{i18n.phrase("shell-level-refused-again")}</span>
            </a>
        </p>
        <p class="kern-body"><a class="kern-link" href="/">{i18n.phrase("shell-not-found-home")}</a></p>
    }
}
