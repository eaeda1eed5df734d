//! The legally required pages. Their texts are fluent messages (`shell-<page>-…`), so
//! a city replaces them in `locales/` without touching code.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::page_i18n;

/// The sections of each page, in order; each has a `-heading` and a `-text` message.
fn sections(page: &str) -> &'static [&'static str] {
    match page {
        "imprint" => &["publisher", "contact", "responsible", "platform"],
        "privacy" => &["controller", "data", "cookies", "logs", "rights"],
        "accessibility" => &["status", "gaps", "preparation", "feedback", "enforcement"],
        _ => &[],
    }
}

/// One legal page, e.g. `page="imprint"`.
#[component]
pub fn LegalPage(page: &'static str) -> impl IntoView {
    let i18n = page_i18n();
    let title = i18n.t(&format!("shell-{page}-title"));
    view! {
        <Title text=title.clone() />
        <h1 class="kern-heading-x-large">{title}</h1>
        <p class="kern-body kern-body--large">{i18n.t(&format!("shell-{page}-intro"))}</p>
        {sections(page).iter().map(|section| view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium">{i18n.t(&format!("shell-{page}-{section}-heading"))}</h2>
                <p class="kern-body">{i18n.t(&format!("shell-{page}-{section}-text"))}</p>
            </section>
        }).collect_view()}
    }
}
