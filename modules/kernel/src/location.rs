//! "Use my location" in a GET form: only where JavaScript runs (the button comes with
//! the browser app, so a page without it offers its address or postcode field alone),
//! and only when the person presses it and the browser's permission prompt allows it.
//! The position goes into the form as `standort`, rounded to about 100 metres, for the
//! page to order places by distance; it is not stored.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Where the asking stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "the browser's answers set the others")
)]
enum Asking {
    /// Not asked yet.
    Not,
    /// Waiting for the browser.
    Waiting,
    /// The position is in the form.
    Got,
    /// Refused or unavailable.
    Refused,
}

/// The fluent keys of the button and of what the status line says.
#[derive(Clone, Copy, Debug)]
pub struct LocationTexts {
    /// The button.
    pub button: &'static str,
    /// While the browser asks.
    pub waiting: &'static str,
    /// Once the position is in the form (what the page will do with it).
    pub got: &'static str,
    /// When it is refused or unavailable (what to do instead).
    pub refused: &'static str,
}

/// The button, the hidden `standort` field once there is a position, and a status line
/// read out by screen readers.
#[component]
pub fn UseLocation(texts: LocationTexts) -> impl IntoView {
    view! {
        <LocationButton button=texts.button.to_owned() waiting=texts.waiting.to_owned()
            got=texts.got.to_owned() refused=texts.refused.to_owned() />
    }
}

/// [`UseLocation`] in the browser: an island, given the fluent keys of its texts.
#[island]
fn LocationButton(button: String, waiting: String, got: String, refused: String) -> impl IntoView {
    let i18n = use_i18n();
    let (running, set_running) = signal(false);
    let (position, set_position) = signal(None::<String>);
    let (asking, set_asking) = signal(Asking::Not);
    // Effects run in the browser only: the button appears where it can work.
    Effect::new(move |_| set_running.set(true));
    let status = move || match asking.get() {
        Asking::Not => String::new(),
        Asking::Waiting => i18n.t(&waiting),
        Asking::Got => i18n.t(&got),
        Asking::Refused => i18n.t(&refused),
    };
    view! {
        {move || position.get().map(|p| view! { <input type="hidden" name="standort" value=p /> })}
        <Show when=move || running.get()>
            <div class="kern-form-input">
                <button class="kern-btn kern-btn--secondary" type="button" id="standort-knopf"
                    on:click=move |_| {
                        set_asking.set(Asking::Waiting);
                        ask(set_position, set_asking);
                    }>
                    <span class="kern-label">{i18n.phrase(&button)}</span>
                </button>
                <p class="kern-body" role="status" id="standort-status">{status.clone()}</p>
            </div>
        </Show>
    }
}

/// `lat,lon` rounded to three decimals (about 100 metres): enough to order offices.
#[cfg_attr(
    not(any(feature = "hydrate", test)),
    expect(dead_code, reason = "browser only")
)]
fn rounded(lat: f64, lon: f64) -> String {
    format!("{lat:.3},{lon:.3}")
}

/// Asks the browser for the position; the answer lands in `position` and `asking`.
#[cfg(feature = "hydrate")]
fn ask(position: WriteSignal<Option<String>>, asking: WriteSignal<Asking>) {
    use wasm_bindgen::{JsCast, closure::Closure};

    let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        asking.set(Asking::Refused);
        return;
    };
    let got = Closure::once_into_js(move |found: web_sys::Position| {
        let coords = found.coords();
        position.set(Some(rounded(coords.latitude(), coords.longitude())));
        asking.set(Asking::Got);
    });
    let refused = Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
        asking.set(Asking::Refused);
    });
    if geolocation
        .get_current_position_with_error_callback(
            got.unchecked_ref(),
            Some(refused.unchecked_ref()),
        )
        .is_err()
    {
        asking.set(Asking::Refused);
    }
}

/// On the server there is nothing to ask (the button is not rendered there).
#[cfg(not(feature = "hydrate"))]
fn ask(_position: WriteSignal<Option<String>>, _asking: WriteSignal<Asking>) {}

#[cfg(test)]
mod tests {
    use super::rounded;

    #[test]
    fn a_position_is_rounded_to_about_a_hundred_metres() {
        assert_eq!(rounded(48.137_449, 11.575_512), "48.137,11.576");
    }
}
