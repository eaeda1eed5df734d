//! Links to the page in the other languages. They go through `/lang/{code}`, which
//! stores the choice in a cookie, so they work without JavaScript; `rel="external"`
//! keeps the client-side router from handling them.

use kernel::i18n::languages::offered;
use leptos::prelude::*;

use crate::i18n::page_i18n;

/// Language links, each written in its own language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = page_i18n();
    let back = super::here_encoded();
    let links = offered()
        .iter()
        .filter(|l| l.locale != i18n.locale)
        .map(|language| {
            let code = language.locale.code();
            let href = move || format!("/lang/{code}?back={}", back());
            view! {
                <li>
                    <a class="kern-link" href=href rel="external" hreflang=code lang=code dir=language.direction.attribute()>
                        {language.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=i18n.t("shell-language-label")>
            <ul class="portal-inline-list">{links}</ul>
        </nav>
    }
}
