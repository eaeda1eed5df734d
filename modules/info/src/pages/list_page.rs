//! `/info`: every service of the information catalogue from A to Z, with a letter
//! index to jump to.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{functions::info_services, view::ListedService};

/// The A–Z list.
#[component]
pub fn InfoListPage() -> impl IntoView {
    let i18n = use_i18n();
    let services = Resource::new(|| (), |()| info_services());
    view! {
        <Title text=i18n.t("info-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("info-title")}</h1>
        <p class="kern-body">{i18n.phrase("info-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match services.await {
                    Ok(services) if services.is_empty() => view! { <p class="kern-body">{i18n.phrase("info-empty")}</p> }.into_any(),
                    Ok(services) => {
                        kernel::shared_page::same_for_everyone();
                        view! { <Letters services /> }.into_any()
                    }
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The first letter a name is filed under (umlauts under their vowel, digits under `#`).
fn letter(name: &str) -> char {
    match name
        .chars()
        .next()
        .map(|c| c.to_uppercase().next().unwrap_or(c))
    {
        Some('Ä') => 'A',
        Some('Ö') => 'O',
        Some('Ü') => 'U',
        Some(c) if c.is_alphabetic() => c,
        _ => '#',
    }
}

#[component]
fn Letters(services: Vec<ListedService>) -> impl IntoView {
    let i18n = use_i18n();
    let mut groups: std::collections::BTreeMap<char, Vec<ListedService>> =
        std::collections::BTreeMap::new();
    for service in services {
        groups
            .entry(letter(&service.name))
            .or_default()
            .push(service);
    }
    let index = groups
        .keys()
        .map(|letter| view! { <li><a class="kern-link" href=format!("#buchstabe-{letter}")>{letter.to_string()}</a></li> })
        .collect_view();
    view! {
        <nav aria-label=i18n.t("info-letters")>
            <ul class="portal-letters">{index}</ul>
        </nav>
        {groups.into_iter().map(|(letter, members)| view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium" id=format!("buchstabe-{letter}")>{letter.to_string()}</h2>
                <ul class="portal-list">
                    {members.into_iter().map(|service| view! {
                        <li><a class="kern-link" href=service.href lang=service.lang>{service.name}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    }
}
