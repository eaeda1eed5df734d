//! The page footer with the pages a German public website must have.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::page_i18n;

/// Footer links: imprint, privacy, accessibility statement, easy language.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = page_i18n();
    let links = [
        ("/impressum", "shell-imprint-title"),
        ("/datenschutz", "shell-privacy-title"),
        ("/barrierefreiheit", "shell-accessibility-title"),
        ("/leichte-sprache", "shell-easy-language-title"),
        (kernel::api::DOCS_PATH, "shell-api-title"),
    ];
    view! {
        <footer class="portal-footer">
            <div class="portal-container">
                <nav aria-label=i18n.t("shell-footer-label")>
                    <ul class="portal-inline-list">
                        {links.into_iter().map(|(href, key)| view! {
                            <li><A href=href attr:class="kern-link">{i18n.t(key)}</A></li>
                        }).collect_view()}
                    </ul>
                </nav>
                <p class="kern-body kern-body--small">{i18n.phrase("shell-footer-licence")}</p>
            </div>
        </footer>
    }
}
