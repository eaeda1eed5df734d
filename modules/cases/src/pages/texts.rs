//! Wording shared by the module's pages.

use kernel::{AppError, I18n};
use leptos::prelude::*;

use crate::lifecycle::State;

/// The name of `state` for people.
pub fn state_name(i18n: &I18n, state: State) -> String {
    i18n.t(&format!("cases-state-{}", state.as_str().replace('_', "-")))
}

/// The messages an action can be refused with (fluent keys).
pub const REFUSALS: [&str; 16] = [
    "cases-error-general",
    "cases-error-changed",
    "cases-error-not-allowed",
    "cases-error-text-required",
    "cases-error-text-too-long",
    "cases-error-four-eyes",
    "cases-error-unknown-department",
    "cases-error-file-too-large",
    "cases-error-file-type",
    "cases-error-file-empty",
    "cases-error-file-unreadable",
    "cases-error-too-many-files",
    "cases-error-no-files-here",
    "cases-error-unknown-colleague",
    "cases-error-not-found",
    "cases-error-confirm-withdraw",
];

/// The message of an error an action was refused with: the module's own messages are
/// fluent keys; anything else gets a general one.
pub fn refusal(i18n: &I18n, error: &AppError) -> String {
    match error {
        AppError::BadRequest(key) | AppError::Conflict(key) => i18n
            .try_t(key)
            .unwrap_or_else(|| i18n.t("cases-error-general")),
        _ => i18n.t("cases-error-general"),
    }
}

/// A page that could not be shown, with the status of `error`.
#[component]
pub fn CaseError(error: AppError) -> impl IntoView {
    let texts = kernel::error_page::ErrorTexts {
        not_found: "cases-not-found",
        failed: "cases-error-general",
        back_href: "/bearbeitung",
        back: "cases-back-to-inbox",
    };
    view! { <kernel::error_page::ErrorPage error texts /> }
}
