//! `/mietspiegel`: the calculator. A GET form (the result comes with the page
//! without JavaScript); in the browser, the result follows each answer at once,
//! computed by the same code from the edition, and only the address's location is
//! asked of the server.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

use super::{flat_fields::FlatFields, flat_from_query, location_of, result::Outcome};
use crate::{
    answers::FlatAnswers,
    functions::{rent_index_edition, rent_index_locate},
    packed::Packed,
    view::Located,
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
                        Ok(published) => view! {
                            <Calculator packed=Packed::of(&published, i18n.locale) start=start.clone() located>
                                <FlatFields published start />
                            </Calculator>
                        }.into_any(),
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
/// browser. Its questions (`children`) are the server's markup; the island reads the
/// whole form at each change. Only the address's location is asked of the server,
/// once the typing rests, and only the answer to the latest address counts.
#[island]
fn Calculator(
    packed: Packed,
    start: FlatAnswers,
    located: Option<Located>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let published = packed.unpack(i18n.locale);
    let answers = RwSignal::new(start);
    let located = RwSignal::new(located);
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
    let read = move |ev: leptos::ev::Event| {
        if let Some(now) = form_answers(&ev) {
            answers.set(now);
        }
    };
    view! {
        <form method="get" action="/mietspiegel" class="portal-rent-form portal-no-print"
            aria-label=i18n.t("rentindex-form-label") on:input=read on:change=read>
            {children()}
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.phrase("rentindex-compute")}</span>
            </button>
        </form>
        <div aria-live="polite">
            {move || published.clone().map(|published| view! { <Outcome published answers=answers.get() located=located.get() /> })}
        </div>
    }
}

/// The answers the form of `event` holds now (none outside the browser).
fn form_answers(event: &leptos::ev::Event) -> Option<FlatAnswers> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = event
            .current_target()?
            .dyn_into::<web_sys::HtmlFormElement>()
            .ok()?;
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
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        None
    }
}
