//! A search field with suggestions. Without JavaScript it is a plain field of a GET
//! form. Once the page is interactive, from the third letter it offers up to six links
//! right below it (also for letters typed before the page was live), in a polite live
//! region (so a screen reader hears how many there are) and in the tab order after the
//! field. Where the suggestions come from is the caller's: a function that asks its
//! server function, in the caller's island.

use std::{future::Future, pin::Pin};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::use_i18n;

/// Letters typed before anything is suggested.
const FIRST_SUGGESTION_AT: usize = 3;

/// A suggested page: what the link says and where it leads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Link text.
    pub title: String,
    /// Its page.
    pub href: String,
}

/// Asks for the suggestions for what was typed (none when asking fails).
pub type Suggest = fn(String) -> Pin<Box<dyn Future<Output = Vec<Suggestion>>>>;

/// A search field named `name` with suggestions from `suggest`.
#[component]
pub fn SuggestField(
    /// The field's id (its label points at it).
    id: String,
    /// The form parameter.
    name: String,
    /// Where suggestions come from.
    suggest: Suggest,
    /// The fluent key of the number of suggestions (`$count`), read out when they change.
    count_key: &'static str,
    /// What the field shows when the page loads.
    #[prop(optional)]
    value: String,
    /// The id of a hint that describes the field.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let suggested = RwSignal::new(Vec::<Suggestion>::new());
    // Answers arrive out of order; only the one for the latest input counts.
    let asked = StoredValue::new(0_u64);
    let ask = move |typed: String| {
        let number = asked.get_value() + 1;
        asked.set_value(number);
        if typed.trim().chars().count() < FIRST_SUGGESTION_AT {
            suggested.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let found = suggest(typed).await;
            if asked.get_value() == number {
                suggested.set(found);
            }
        });
    };
    // What was typed while the page was not yet live is answered once it is.
    let field = NodeRef::<leptos::html::Input>::new();
    let loaded = value.clone();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let typed = input.value();
            if typed != loaded {
                ask(typed);
            }
        }
    });
    let list_id = format!("{id}-vorschlaege");
    view! {
        <input class="kern-form-input__input" id=id name=name type="search" maxlength="200" node_ref=field
            autocomplete="off" value=value aria-describedby=described_by
            on:input=move |event| ask(event_target_value(&event)) />
        <div class="portal-suggestions" id=list_id aria-live="polite">
            {move || {
                let list = suggested.get();
                (!list.is_empty()).then(|| {
                    let count = i18n.t_args(count_key, &[("count", list.len().into())]);
                    view! {
                        <p class="portal-visually-hidden">{count}</p>
                        <ul class="portal-suggestions__list">
                            {list.into_iter().map(|s| view! {
                                <li><a class="kern-link" href=s.href>{s.title}</a></li>
                            }).collect_view()}
                        </ul>
                    }
                })
            }}
        </div>
    }
}
