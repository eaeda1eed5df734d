//! `/termine/auswahl?leistung=…`: how many people, and which services to combine in
//! the same visit.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{functions::appointment_choice, view::Choice};

/// What "use my location" says here: the offices nearest first, or the postcode.
const LOCATION: kernel::location::LocationTexts = kernel::location::LocationTexts {
    button: "appointments-location-use",
    waiting: "appointments-location-waiting",
    got: "appointments-location-got",
    refused: "appointments-location-refused",
};

/// The choice of people and combined services.
#[component]
pub fn ChoicePage() -> impl IntoView {
    let query = use_query_map();
    let id = move || query.read().get("leistung").unwrap_or_default();
    let request = query.read_untracked().get("antrag");
    let choice = Resource::new(id, appointment_choice);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let request = request.clone();
                Suspend::new(async move {
                match choice.await {
                    Ok(choice) => view! { <ChoiceForm choice request=request.clone() /> }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })
            }}
        </Suspense>
    }
}

#[component]
fn ChoiceForm(choice: Choice, request: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let persons = (1..=choice.most_persons)
        .map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> })
        .collect_view();
    let combinable = (!choice.combinable.is_empty()).then(|| {
        view! {
            <fieldset class="kern-fieldset">
                <legend class="kern-label">{i18n.phrase("appointments-combine")}</legend>
                <div class="kern-fieldset__body">
                    {choice.combinable.into_iter().map(|s| {
                        let id = format!("kombi-{}", s.id);
                        view! {
                            <div class="kern-form-check">
                                <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name="leistung" value=s.id />
                                <label class="kern-label" for=id lang=s.lang>{s.name}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    });
    view! {
        <Title text=choice.service.name.clone() />
        <h1 class="kern-heading-x-large" lang=choice.service.lang.clone()>{choice.service.name.clone()}</h1>
        <form method="get" action="/termine/buero" class="portal-form">
            <input type="hidden" name="leistung" value=choice.service.id.clone() />
            {request.map(|r| view! { <input type="hidden" name="antrag" value=r /> })}
            <div class="kern-form-input">
                <label class="kern-label" for="personen">{i18n.phrase("appointments-persons-label")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="personen" name="personen">{persons}</select>
                </div>
            </div>
            {combinable}
            <div class="kern-form-input">
                <label class="kern-label" for="nahe">{i18n.phrase("appointments-near-label")}</label>
                <div class="kern-hint" id="nahe-hinweis">{i18n.phrase("appointments-near-hint")}</div>
                <input class="kern-form-input__input" type="text" id="nahe" name="nahe" inputmode="numeric" autocomplete="postal-code" maxlength="5" aria-describedby="nahe-hinweis" />
            </div>
            <kernel::location::UseLocation texts=LOCATION />
            <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{i18n.phrase("appointments-find-offices")}</span></button>
        </form>
        <p class="kern-body"><a class="kern-link" href="/termine">{i18n.phrase("appointments-back-to-start")}</a></p>
    }
}
