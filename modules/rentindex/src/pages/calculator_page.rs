//! `/mietspiegel`: the calculator. A GET form (the result comes with the page
//! without JavaScript); in the browser, the result follows each answer at once,
//! computed by the same code from the edition, and only the address's location is
//! asked of the server.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    flat_fields::FlatFields, flat_from_query, location_of, reading::read, result::Outcome,
};
use crate::{
    answers::FlatAnswers,
    functions::{rent_index_edition, rent_index_locate},
    packed::Packed,
};

/// The calculator. The page (edition, the address's location, the result) is complete
/// from the server; the island takes over the form and the result.
#[component]
pub fn CalculatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let start = flat_from_query();
    let published = Resource::new(|| (), |()| rent_index_edition());
    let located = location_of(&start);
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
                        Ok(published) => {
                            let reading = read(&published, &start, located.as_ref(), i18n);
                            let asked = published.clone();
                            view! {
                                <Calculator packed=Packed::of(&published, i18n.locale, located.as_ref())>
                                    <FlatFields published=asked.clone() start=start.clone() />
                                    <button class="kern-btn kern-btn--primary" type="submit">
                                        <span class="kern-label">{i18n.phrase("rentindex-compute")}</span>
                                    </button>
                                </Calculator>
                                <div aria-live="polite" id=OUTCOME_ID>
                                    <Outcome published reading />
                                </div>
                            }.into_any()
                        }
                        Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The result area's id: the calculator's island writes into it.
const OUTCOME_ID: &str = "rent-outcome";

/// The form's id: the calculator's island reads the answers it starts with from it.
const FORM_ID: &str = "rent-form";

/// How long the address must rest before its location is asked: not per keystroke.
const ADDRESS_SETTLES: std::time::Duration = std::time::Duration::from_millis(300);

/// The form: an island, so the result follows each answer in the browser. Its
/// questions and button (`children`) and the result area are the server's markup; the island
/// reads the whole form at the start and at each change and writes the result into that
/// area. Only the address's location is asked of the server, once the typing rests, and
/// only the answer to the latest address counts. Its one prop carries the edition and
/// the location of the address the page came with.
#[island]
fn Calculator(packed: Packed, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let (published, located) = packed.unpack(i18n.locale).unzip();
    let published = StoredValue::new(published);
    let answers = RwSignal::new(page_answers().unwrap_or_default());
    let located = RwSignal::new(located.flatten());
    let asked = StoredValue::new(0_u64);
    let address = Memo::new(move |_| answers.with(FlatAnswers::address));
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
    // The result follows the answers and the location; the first one came with the
    // page.
    Effect::new(move |first: Option<()>| {
        let (answers, located) = (answers.get(), located.get());
        if first.is_some() {
            published.with_value(|published| {
                if let Some(published) = published {
                    show_outcome(&read(published, &answers, located.as_ref(), i18n));
                }
            });
        }
    });
    let read_form = move |ev: leptos::ev::Event| {
        if let Some(now) = form_answers(&ev) {
            answers.set(now);
        }
    };
    view! {
        <form method="get" action="/mietspiegel" class="portal-rent-form portal-no-print" id=FORM_ID
            aria-label=i18n.t("rentindex-form-label") on:input=read_form on:change=read_form>
            {children()}
        </form>
    }
}

/// Writes `reading` into the page's result area.
fn show_outcome(reading: &super::reading::Reading) {
    #[cfg(feature = "hydrate")]
    if let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(OUTCOME_ID))
    {
        super::live_result::show(&area, reading);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = reading;
}

/// The answers the form of `event` holds now (none outside the browser).
fn form_answers(event: &leptos::ev::Event) -> Option<FlatAnswers> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        answers_of(event.current_target()?.dyn_into().ok()?)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        None
    }
}

/// The answers the page's form holds (none outside the browser): what the island
/// starts with.
fn page_answers() -> Option<FlatAnswers> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = web_sys::window()?.document()?.get_element_by_id(FORM_ID)?;
        answers_of(form.dyn_into().ok()?)
    }
    #[cfg(not(feature = "hydrate"))]
    None
}

/// The answers `form` holds.
#[cfg(feature = "hydrate")]
fn answers_of(form: web_sys::HtmlFormElement) -> Option<FlatAnswers> {
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    Some(FlatAnswers::from_params(
        |name| data.get(name).as_string(),
        |name| {
            data.get_all(name)
                .iter()
                .filter_map(|value| value.as_string())
                .collect()
        },
    ))
}
