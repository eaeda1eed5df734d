//! The header's account area: the signed-in name (a link to the account page) with a
//! sign-out button, or the sign-in link. Sign-out is a form post (state changes never
//! ride on a link).

use leptos::prelude::*;

use crate::{i18n::page_i18n, shell_info::ShellInfo};

/// Name and sign-out, or sign-in (coming back to `here`, the page's address encoded
/// for a query parameter).
#[component]
pub fn Account(info: ShellInfo, here: String) -> impl IntoView {
    let i18n = page_i18n();
    match info.user {
        Some(name) => view! {
            <form class="portal-account" method="post" action="/auth/logout">
                <span class="kern-body">
                    {i18n.phrase("shell-signed-in-as")}" "
                    <a class="kern-link" href="/konto"><strong>{name}</strong></a>
                </span>
                <button class="kern-btn kern-btn--tertiary" type="submit">
                    <span class="kern-label">{i18n.phrase("shell-sign-out")}</span>
                </button>
            </form>
        }
        .into_any(),
        None => {
            let href = format!("{}?return_to={here}", kernel::access::SIGN_IN_PATH);
            view! { <a class="kern-link" href=href rel="external">{i18n.phrase("shell-sign-in")}</a> }
                .into_any()
        }
    }
}
