//! The search field of the header and of the results page. Without JavaScript it is a
//! plain field of a GET form. Once the page is interactive, from the third letter it
//! offers up to six services as links right below it, in a polite live region (so a
//! screen reader hears how many there are) and in the tab order after the field.

use kernel::i18n::use_i18n;
use leptos::prelude::*;

use crate::results::{Suggested, suggest_services};

/// Letters typed before anything is suggested.
const FIRST_SUGGESTION_AT: usize = 3;

/// A search field named `q` with suggestions; `value` is what it starts with.
#[component]
pub fn SearchField(
    /// The field's id (its label points at it).
    id: &'static str,
    /// What the field shows when the page loads.
    #[prop(optional, into)]
    value: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let suggested = RwSignal::new(Vec::<Suggested>::new());
    // Answers arrive out of order; only the one for the latest input counts.
    let asked = StoredValue::new(0_u64);
    let on_input = move |event| {
        let typed = event_target_value(&event);
        let number = asked.get_value() + 1;
        asked.set_value(number);
        if typed.trim().chars().count() < FIRST_SUGGESTION_AT {
            suggested.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let found = suggest_services(typed).await.unwrap_or_default();
            if asked.get_value() == number {
                suggested.set(found);
            }
        });
    };
    let list_id = format!("{id}-vorschlaege");
    view! {
        <input class="kern-form-input__input" id=id name="q" type="search" maxlength="200"
            autocomplete="off" value=move || value.get() on:input=on_input />
        <div class="portal-suggestions" id=list_id aria-live="polite">
            {move || {
                let list = suggested.get();
                (!list.is_empty()).then(|| {
                    let count = i18n.t_args("search-suggestions", &[("count", list.len().into())]);
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
