//! The legally required pages and the page in Leichte Sprache (Easy Language, BITV 2.0
//! § 4). Their texts are fluent messages (`shell-<page>-…`), so a city replaces them in
//! `locales/` without touching code. Each line of a section's text is a paragraph:
//! Leichte Sprache writes one sentence per line.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::page_i18n;

/// The sections of each page, in order; each has a `-heading` and a `-text` message.
fn sections(page: &str) -> &'static [&'static str] {
    match page {
        "imprint" => &["publisher", "contact", "responsible", "platform"],
        "privacy" => &["controller", "data", "cookies", "logs", "rights"],
        "accessibility" => &["status", "gaps", "preparation", "feedback", "enforcement"],
        "easy-language" => &[
            "what", "services", "find", "sign-in", "apply", "status", "help",
        ],
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
        <p class="kern-body kern-body--large">{i18n.phrase(&format!("shell-{page}-intro"))}</p>
        {sections(page).iter().map(|section| {
            let (text, language) = i18n.t_written(&format!("shell-{page}-{section}-text"));
            let lang = (language != i18n.locale).then_some(language.code());
            view! {
                <section class="portal-section">
                    <h2 class="kern-heading-medium">{i18n.phrase(&format!("shell-{page}-{section}-heading"))}</h2>
                    <div lang=lang>
                        {text.lines().map(|line| view! { <p class="kern-body">{line.to_owned()}</p> }).collect_view()}
                    </div>
                </section>
            }
        }).collect_view()}
    }
}
