//! The service search field of the header and of the results page, suggesting services.

use kernel::suggest_field::{SuggestField, Suggestion};
use leptos::prelude::*;

use crate::results::suggest_services;

fn services(
    typed: String,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<Suggestion>>>> {
    Box::pin(async move {
        suggest_services(typed)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|s| Suggestion {
                title: s.title,
                href: s.href,
            })
            .collect()
    })
}

/// A service search field named `q`; `value` is what it starts with.
#[component]
pub fn SearchField(
    /// The field's id (its label points at it).
    id: &'static str,
    /// What the field shows when the page loads.
    #[prop(optional, into)]
    value: Signal<String>,
) -> impl IntoView {
    view! { <SuggestField id name="q" suggest=services count_key="search-suggestions" value /> }
}
