//! `/suche?q=…`: the services for the citizen's words, best first, each with its
//! matches marked in a piece of its text; help when nothing was found. A plain GET
//! form, so it works the same without JavaScript.

use kernel::{catalogue::department_name, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::results::{Found, search_services};

/// The results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let words = move || query.read().get("q").unwrap_or_default();
    let found = Resource::new(words, search_services);
    view! {
        <Title text=i18n.t("search-title") />
        <h1 class="kern-heading-x-large">{i18n.t("search-title")}</h1>
        <form class="portal-search portal-section" role="search" method="get" action="/suche" aria-label=i18n.t("search-title")>
            <label class="kern-label" for="page-query">{i18n.t("search-label")}</label>
            <div class="portal-search__row">
                <input class="kern-form-input__input" id="page-query" name="q" type="search"
                    value=words maxlength="200" autocomplete="off" />
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.t("search-submit")}</span>
                </button>
            </div>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let asked = words();
                match found.await {
                    _ if asked.trim().is_empty() => view! {
                        <p class="kern-body">{i18n.t("search-empty")}</p>
                    }.into_any(),
                    Ok(hits) if hits.is_empty() => view! { <NothingFound asked /> }.into_any(),
                    Ok(hits) => view! { <Hits asked hits /> }.into_any(),
                    Err(_) => view! {
                        <p class="kern-body" role="alert">{i18n.t("search-error")}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Hits(asked: String, hits: Vec<Found>) -> impl IntoView {
    let i18n = use_i18n();
    let count = i18n.t_args(
        "search-count",
        &[("count", hits.len().into()), ("query", asked.into())],
    );
    view! {
        <h2 class="kern-heading-medium" id="results">{count}</h2>
        <ol class="portal-service-list" aria-labelledby="results">
            {hits.into_iter().map(|hit| view! {
                <li>
                    <h3 class="kern-heading-small">
                        <a class="kern-link" href=hit.href>{hit.title}</a>
                    </h3>
                    <p class="kern-body">
                        {hit.excerpt.into_iter().map(|(text, matched)| {
                            if matched {
                                view! { <mark>{text}</mark> }.into_any()
                            } else {
                                text.into_any()
                            }
                        }).collect_view()}
                    </p>
                    <p class="kern-body kern-body--small">{department_name(&i18n, &hit.department)}</p>
                </li>
            }).collect_view()}
        </ol>
    }
}

#[component]
fn NothingFound(asked: String) -> impl IntoView {
    let i18n = use_i18n();
    let none = i18n.t_named("search-none", &[("query".to_owned(), asked)]);
    view! {
        <h2 class="kern-heading-medium" id="results">{none}</h2>
        <ul class="kern-body">
            <li>{i18n.t("search-help-spelling")}</li>
            <li>{i18n.t("search-help-fewer")}</li>
            <li><a class="kern-link" href="/leistungen">{i18n.t("search-help-catalogue")}</a></li>
        </ul>
    }
}
