//! `/mietspiegel`: the calculator. A GET form (the result comes with the page
//! without JavaScript); in the browser, the result follows each answer at once,
//! computed by the same code from the edition, and only the address's location is
//! asked of the server.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{flat_fields::FlatFields, result::Outcome};
use crate::{
    answers::FlatAnswers,
    functions::{rent_index_edition, rent_index_locate},
    view::{Located, Published},
};

/// The calculator. The page (edition, the address's location, the result) is complete
/// from the server; the island takes over the form and the result.
#[component]
pub fn CalculatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let start = FlatAnswers::from_params(
        |name| params.read_untracked().get(name),
        |name| params.read_untracked().get_all(name).unwrap_or_default(),
    );
    let published = Resource::new(|| (), |()| rent_index_edition());
    let address = (
        start.street.clone(),
        start.number.clone(),
        start.district.clone(),
    );
    let located = Resource::new(
        move || address.clone(),
        |(street, number, district)| rent_index_locate(street, number, district),
    );
    view! {
        <Title text=i18n.t("rentindex-title") />
        <h1 class="kern-heading-large">{i18n.phrase("rentindex-title")}</h1>
        <p class="kern-body">{i18n.phrase("rentindex-intro")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let start = start.clone();
                Suspend::new(async move {
                    // An address the lookup refuses (too long) is one it does not know.
                    let located = located.await.ok().flatten();
                    match published.await {
                        Ok(published) => view! { <Calculator published start located /> }.into_any(),
                        Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// How long the address must rest before its location is asked: not per keystroke.
const ADDRESS_SETTLES: std::time::Duration = std::time::Duration::from_millis(300);

/// The form and its result: an island, so the result follows each answer in the
/// browser. Only the address's location is asked of the server, once the typing rests,
/// and only the answer to the latest address counts.
#[island]
fn Calculator(published: Published, start: FlatAnswers, located: Option<Located>) -> impl IntoView {
    let i18n = use_i18n();
    let answers = RwSignal::new(start);
    let located = RwSignal::new(located);
    let asked = StoredValue::new(0_u64);
    let address = Memo::new(move |_| {
        answers.with(|a| (a.street.clone(), a.number.clone(), a.district.clone()))
    });
    Effect::new(move |first: Option<()>| {
        let (street, number, district) = address.get();
        // The first location came with the page.
        if first.is_none() {
            return;
        }
        let number_asked = asked.get_value() + 1;
        asked.set_value(number_asked);
        let latest = move || asked.get_value() == number_asked;
        set_timeout(
            move || {
                if !latest() {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let found = rent_index_locate(street, number, district)
                        .await
                        .ok()
                        .flatten();
                    if latest() {
                        located.set(found);
                    }
                });
            },
            ADDRESS_SETTLES,
        );
    });
    let for_result = published.clone();
    view! {
        <form method="get" action="/mietspiegel" class="portal-rent-form portal-no-print"
            aria-label=i18n.t("rentindex-form-label")>
            <FlatFields published answers />
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.phrase("rentindex-compute")}</span>
            </button>
        </form>
        <div aria-live="polite">
            {move || view! { <Outcome published=for_result.clone() answers=answers.get() located=located.get() /> }}
        </div>
    }
}
