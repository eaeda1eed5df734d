//! The language switch: the page's language, and behind it the portal's other
//! languages, each named in itself. A disclosure (`<details>`), so any number of
//! languages fits a phone's header and it opens without JavaScript. The links go
//! through `/lang/{code}`, which stores the choice in a cookie; `rel="external"` keeps
//! the client-side router from handling them.

use kernel::i18n::languages::offered;
use leptos::prelude::*;

use crate::i18n::page_i18n;

/// The current language, opening to links to the others.
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
        <details class="portal-language">
            <summary>
                // A globe: recognisable whatever language the page is in.
                <svg class="portal-language__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="1.5" />
                    <path d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z" fill="none" stroke="currentColor" stroke-width="1.5" />
                </svg>
                <span>{i18n.locale.native_name()}</span>
                <span class="portal-visually-hidden">", "{i18n.phrase("shell-language-label")}</span>
            </summary>
            <nav aria-label=i18n.t("shell-language-label")>
                <ul class="portal-language__list">{links}</ul>
            </nav>
        </details>
    }
}
