//! The page a module shows when what was asked for cannot be shown: the error's status
//! for the response, a heading that says what happened, and the way back.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::AppError;

/// What an error page says, as fluent keys, and where it leads back to.
#[derive(Clone, Copy, Debug)]
pub struct ErrorTexts {
    /// Heading when the thing does not exist (or is not the person's business).
    pub not_found: &'static str,
    /// Heading for any other failure.
    pub failed: &'static str,
    /// The page to go back to.
    pub back_href: &'static str,
    /// The link text.
    pub back: &'static str,
}

/// Inside a page's render: the answer's status is `status` (a server error when it is
/// not one), unless a redirect was set while loading (to sign in at a higher level),
/// which stays the answer.
pub fn answer_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && !response
            .0
            .read()
            .is_ok_and(|parts| parts.headers.contains_key(axum::http::header::LOCATION))
    {
        response.set_status(
            axum::http::StatusCode::from_u16(status)
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// The error page for `error`.
#[component]
pub fn ErrorPage(error: AppError, texts: ErrorTexts) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    answer_status(error.status());
    let key = match error {
        AppError::NotFound => texts.not_found,
        AppError::Unavailable => "shell-unavailable-title",
        _ => texts.failed,
    };
    let again = (error == AppError::Unavailable)
        .then(|| view! { <p class="kern-body">{i18n.phrase("shell-unavailable-text")}</p> });
    view! {
        <Title text=i18n.t(key) />
        <h1 class="kern-heading-x-large">{i18n.t(key)}</h1>
        {again}
        <p class="kern-body"><a class="kern-link" href=texts.back_href>{i18n.t(texts.back)}</a></p>
    }
}
