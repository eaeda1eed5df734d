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
    view::Published,
};

/// The calculator.
#[component]
pub fn CalculatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let start = FlatAnswers::from_params(
        |name| params.read_untracked().get(name),
        |name| params.read_untracked().get_all(name).unwrap_or_default(),
    );
    let published = Resource::new(|| (), |()| rent_index_edition());
    view! {
        <Title text=i18n.t("rentindex-title") />
        <h1 class="kern-heading-large">{i18n.phrase("rentindex-title")}</h1>
        <p class="kern-body">{i18n.phrase("rentindex-intro")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let start = start.clone();
                Suspend::new(async move {
                    match published.await {
                        Ok(published) => view! { <Calculator published start /> }.into_any(),
                        Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The form and its result: an island, so the result follows each answer in the
/// browser.
#[island]
fn Calculator(published: Published, start: FlatAnswers) -> impl IntoView {
    let i18n = use_i18n();
    let answers = RwSignal::new(start);
    let located = Resource::new(
        move || {
            let a = answers.get();
            (a.street, a.number, a.district)
        },
        |(street, number, district)| rent_index_locate(street, number, district),
    );
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
            <Transition fallback=|| ()>
                {move || {
                    let published = for_result.clone();
                    Suspend::new(async move {
                        let located = located.await.ok().flatten();
                        view! { <Outcome published answers=answers.get() located /> }
                    })
                }}
            </Transition>
        </div>
    }
}
