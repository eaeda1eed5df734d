//! `/suche?q=…`: the services for the citizen's words, best first, each with its
//! matches marked in a piece of its text; links that narrow the results to a
//! department or a life situation, with their numbers; help when nothing was found.
//! Plain GET forms and links, so it works the same without JavaScript.

use kernel::{
    I18n,
    catalogue::{department_name, life_situation_name},
    i18n::use_i18n,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    pages::search_field::SearchField,
    results::{Found, Results, search_services},
};

/// The search as the address gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Asked {
    words: String,
    department: Option<String>,
    life_situation: Option<String>,
}

impl Asked {
    /// The address of this search narrowed (or widened, with `None`) as given.
    fn narrowed(&self, department: Option<&str>, life_situation: Option<&str>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("q", &self.words);
        if let Some(department) = department {
            query.append_pair("bereich", department);
        }
        if let Some(life_situation) = life_situation {
            query.append_pair("lebenslage", life_situation);
        }
        format!("/suche?{}", query.finish())
    }
}

/// The results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        let given = |name: &str| query.get(name).filter(|v| !v.is_empty());
        Asked {
            words: query.get("q").unwrap_or_default(),
            department: given("bereich"),
            life_situation: given("lebenslage"),
        }
    };
    let found = Resource::new(asked, |asked| {
        search_services(asked.words, asked.department, asked.life_situation)
    });
    view! {
        <Title text=i18n.t("search-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("search-title")}</h1>
        <form class="portal-search portal-section" role="search" method="get" action="/suche" aria-label=i18n.t("search-title")>
            <label class="kern-label" for="page-query">{i18n.phrase("search-label")}</label>
            <div class="portal-search__row">
                <SearchField id="page-query".to_owned() value=asked().words />
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.phrase("search-submit")}</span>
                </button>
            </div>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let asked = asked();
                let found = found.await;
                if found.is_ok() {
                    kernel::shared_page::same_for_everyone();
                }
                match found {
                    _ if asked.words.trim().is_empty() => view! {
                        <p class="kern-body">{i18n.phrase("search-empty")}</p>
                    }.into_any(),
                    Ok(results) if results.hits.is_empty() => view! { <NothingFound asked /> }.into_any(),
                    Ok(results) => view! { <Hits asked results /> }.into_any(),
                    Err(_) => view! {
                        <p class="kern-body" role="alert">{i18n.phrase("search-error")}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Hits(asked: Asked, results: Results) -> impl IntoView {
    let i18n = use_i18n();
    let count = i18n.t_args(
        "search-count",
        &[
            ("count", results.hits.len().into()),
            ("query", asked.words.clone().into()),
        ],
    );
    let hits = results.hits;
    // Services written in German only are found on a page in another language in
    // German, and marked so.
    let lang = (results.language != i18n.locale).then_some(results.language.code());
    view! {
        <Corrected i18n asked=asked.clone() corrections=results.corrections />
        <h2 class="kern-heading-medium" id="results">{count}</h2>
        <Narrow i18n asked departments=results.departments life_situations=results.life_situations />
        <ol class="portal-service-list" aria-labelledby="results">
            {hits.into_iter().map(|hit| view! { <Hit i18n hit lang /> }).collect_view()}
        </ol>
    }
}

#[component]
fn Hit(i18n: I18n, hit: Found, lang: Option<&'static str>) -> impl IntoView {
    view! {
        <li>
            <h3 class="kern-heading-small" lang=lang>
                <a class="kern-link" href=hit.href>{hit.title}</a>
            </h3>
            <p class="kern-body" lang=lang>
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
    }
}

/// Links that narrow the results by department and by life situation, where the
/// matches have more than one, or a narrowing is chosen.
#[component]
fn Narrow(
    i18n: I18n,
    asked: Asked,
    departments: Vec<(String, usize)>,
    life_situations: Vec<(String, usize)>,
) -> impl IntoView {
    let worth =
        |values: &[(String, usize)], chosen: &Option<String>| values.len() > 1 || chosen.is_some();
    let show_departments = worth(&departments, &asked.department);
    let show_situations = worth(&life_situations, &asked.life_situation);
    if !show_departments && !show_situations {
        return None;
    }
    let link = move |href: String, text: String, current: bool| {
        view! {
            <li>
                <a class="kern-link" href=href aria-current=current.then_some("page")>{text}</a>
            </li>
        }
    };
    let by_department = show_departments.then(|| {
        let all = asked.narrowed(None, asked.life_situation.as_deref());
        let items = departments
            .into_iter()
            .map(|(id, n)| {
                let current = asked.department.as_deref() == Some(id.as_str());
                let href = asked.narrowed(Some(&id), asked.life_situation.as_deref());
                link(
                    href,
                    format!("{} ({n})", department_name(&i18n, &id)),
                    current,
                )
            })
            .collect_view();
        view! {
            <h3 class="kern-heading-small">{i18n.phrase("search-narrow-department")}</h3>
            <ul class="portal-filter-list">
                {link(all, i18n.t("search-narrow-all"), asked.department.is_none())}
                {items}
            </ul>
        }
    });
    let by_situation = show_situations.then(|| {
        let all = asked.narrowed(asked.department.as_deref(), None);
        let items = life_situations
            .into_iter()
            .map(|(id, n)| {
                let current = asked.life_situation.as_deref() == Some(id.as_str());
                let href = asked.narrowed(asked.department.as_deref(), Some(&id));
                link(
                    href,
                    format!("{} ({n})", life_situation_name(&i18n, &id)),
                    current,
                )
            })
            .collect_view();
        view! {
            <h3 class="kern-heading-small">{i18n.phrase("search-narrow-life-situation")}</h3>
            <ul class="portal-filter-list">
                {link(all, i18n.t("search-narrow-all"), asked.life_situation.is_none())}
                {items}
            </ul>
        }
    });
    Some(view! {
        <nav class="portal-section" aria-label=i18n.t("search-narrow")>
            {by_department}
            {by_situation}
        </nav>
    })
}

/// The words searched as others, said before the results: "Did you mean …?" with the
/// corrected words marked, linking the corrected query.
#[component]
fn Corrected(i18n: I18n, asked: Asked, corrections: Vec<(String, String)>) -> impl IntoView {
    if corrections.is_empty() {
        return None;
    }
    let words: Vec<(String, bool)> = asked
        .words
        .split_whitespace()
        .map(|typed| {
            let lower = typed
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            match corrections.iter().find(|(from, _)| *from == lower) {
                Some((_, meant)) => (written_like(typed, meant), true),
                None => (typed.to_owned(), false),
            }
        })
        .collect();
    let meant = Asked {
        words: words
            .iter()
            .map(|(word, _)| word.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        ..asked
    };
    let href = meant.narrowed(meant.department.as_deref(), meant.life_situation.as_deref());
    let shown = words
        .into_iter()
        .enumerate()
        .map(|(at, (word, corrected))| {
            let gap = (at > 0).then_some(" ");
            let word = if corrected {
                view! { <strong>{word}</strong> }.into_any()
            } else {
                view! { <span>{word}</span> }.into_any()
            };
            view! { {gap}{word} }
        })
        .collect_view();
    Some(view! {
        <p class="kern-body portal-search-corrected">
            {i18n.phrase("search-did-you-mean")}" "
            <a class="kern-link" href=href>{shown}</a>
            "? "{i18n.phrase("search-corrected")}
        </p>
    })
}

/// `word` with a capital first letter where `typed` has one ("Fürungszeugnis" →
/// "Führungszeugnis"): the index knows words in lower case only.
fn written_like(typed: &str, word: &str) -> String {
    let mut letters = word.chars();
    match (typed.chars().next(), letters.next()) {
        (Some(first), Some(start)) if first.is_uppercase() => {
            start.to_uppercase().chain(letters).collect()
        }
        _ => word.to_owned(),
    }
}

#[component]
fn NothingFound(asked: Asked) -> impl IntoView {
    let i18n = use_i18n();
    let none = i18n.t_named("search-none", &[("query".to_owned(), asked.words.clone())]);
    let narrowed = asked.department.is_some() || asked.life_situation.is_some();
    view! {
        <h2 class="kern-heading-medium" id="results">{none}</h2>
        <ul class="kern-body">
            {narrowed.then(|| view! {
                <li><a class="kern-link" href=asked.narrowed(None, None)>{i18n.phrase("search-help-widen")}</a></li>
            })}
            <li>{i18n.phrase("search-help-spelling")}</li>
            <li>{i18n.phrase("search-help-fewer")}</li>
            <li><a class="kern-link" href="/leistungen">{i18n.phrase("search-help-catalogue")}</a></li>
        </ul>
    }
}
