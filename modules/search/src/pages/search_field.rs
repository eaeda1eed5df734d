//! The service search field of the header and of the results page, suggesting services:
//! an island, the only part of such a page the browser runs.

use std::{future::Future, pin::Pin};

use kernel::suggest_field::{SuggestField, Suggestion};
use leptos::prelude::*;

use crate::results::suggest_services;

fn services(typed: String) -> Pin<Box<dyn Future<Output = Vec<Suggestion>>>> {
    Box::pin(async move { suggest_services(typed).await.unwrap_or_default() })
}

/// A service search field named `q`; `value` is what it starts with.
#[island]
pub fn SearchField(
    /// The field's id (its label points at it).
    id: String,
    /// What the field shows when the page loads.
    value: String,
) -> impl IntoView {
    view! { <SuggestField id name="q".to_owned() suggest=services count_key="search-suggestions" value /> }
}
