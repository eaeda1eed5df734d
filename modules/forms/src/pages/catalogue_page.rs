//! `/leistungen`: every service, by department, with a filter by life situation (plain
//! links, so it works without JavaScript).

use std::collections::BTreeSet;

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use crate::services::{ServiceSummary, list_services};
use kernel::catalogue::{department_name, life_situation_name};

/// The catalogue page.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let services = Resource::new(|| (), |()| list_services());
    let query = use_query_map();
    let chosen = move || query.read().get("lebenslage").filter(|s| !s.is_empty());
    view! {
        <Title text=i18n.t("forms-catalogue-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("forms-catalogue-title")}</h1>
        <p class="kern-body kern-body--large">{i18n.phrase("forms-catalogue-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match services.await {
                    Ok(all) => {
                        kernel::shared_page::same_for_everyone();
                        view! { <Catalogue all chosen=chosen() /> }.into_any()
                    }
                    Err(_) => view! {
                        <p class="kern-body" role="alert">{i18n.phrase("forms-catalogue-error")}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Catalogue(all: Vec<ServiceSummary>, chosen: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let situations: BTreeSet<String> = all
        .iter()
        .flat_map(|s| s.life_situations.iter().cloned())
        .collect();
    let shown: Vec<ServiceSummary> = all
        .into_iter()
        .filter(|s| {
            chosen
                .as_ref()
                .is_none_or(|c| s.life_situations.contains(c))
        })
        .collect();
    let departments: BTreeSet<String> = shown.iter().map(|s| s.department.clone()).collect();
    let filter_link = |href: String, text: String, current: bool| {
        view! {
            <li>
                <A href=href attr:class="kern-link" attr:aria-current=current.then_some("page")>{text}</A>
            </li>
        }
    };
    view! {
        <nav class="portal-section" aria-label=i18n.t("forms-filter-label")>
            <h2 class="kern-heading-small">{i18n.phrase("forms-filter-label")}</h2>
            <ul class="portal-filter-list">
                {filter_link("/leistungen".into(), i18n.t("forms-filter-all"), chosen.is_none())}
                {situations.into_iter().map(|id| {
                    let current = chosen.as_deref() == Some(id.as_str());
                    filter_link(format!("/leistungen?lebenslage={id}"), life_situation_name(&i18n, &id), current)
                }).collect_view()}
            </ul>
        </nav>
        {departments.into_iter().map(|department| {
            let services: Vec<ServiceSummary> = shown.iter().filter(|s| s.department == department).cloned().collect();
            view! {
                <section class="portal-section">
                    <h2 class="kern-heading-medium">{department_name(&i18n, &department)}</h2>
                    <ul class="portal-service-list">
                        {services.into_iter().map(|service| view! {
                            <li>
                                <h3 class="kern-heading-small">
                                    <A href=format!("/leistungen/{}", service.slug) attr:class="kern-link">
                                        {service.title.phrase(i18n.locale)}
                                    </A>
                                </h3>
                                <p class="kern-body">{service.summary.phrase(i18n.locale)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
}
