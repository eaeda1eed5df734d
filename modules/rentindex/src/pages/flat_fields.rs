//! The questions about the flat: living space, year of construction, address or
//! district, and the features, each a yes/no question with its explanation. Plain
//! markup, rendered on the server only: in the browser, the calculator reads the form
//! as a whole whenever an answer changes.

use kernel::i18n::use_i18n;
use leptos::prelude::*;

use crate::{answers::FlatAnswers, view::Published};

/// The fieldsets, answered as `start`.
#[component]
pub fn FlatFields(published: Published, start: FlatAnswers) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    let text_field = move |id: &'static str,
                           key: &'static str,
                           hint: Option<&'static str>,
                           value: String,
                           mode: &'static str| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="kern-form-input">
                <label class="kern-label" for=id>{i18n.phrase(key)}</label>
                {hint.map(|hint| view! { <div class="kern-hint" id=hint_id.clone()>{i18n.phrase(hint)}</div> })}
                <input class="kern-form-input__input" type="text" id=id name=id inputmode=mode
                    aria-describedby=hint.map(|_| hint_id.clone()) value=value maxlength="100" />
            </div>
        }
    };
    let chosen_district = start.district.clone();
    let districts = published
        .districts
        .iter()
        .map(|d| {
            let selected = *d == chosen_district;
            let label = d.clone();
            view! { <option value=d.clone() selected=selected>{label}</option> }
        })
        .collect_view();
    let features = published
        .edition
        .features
        .iter()
        .map(|feature| {
            let id = format!("ausstattung-{}", feature.id);
            let hint = format!("{id}-hint");
            let value = feature.id.clone();
            let checked = start.features.contains(&feature.id);
            view! {
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name="ausstattung"
                        value=value checked=checked aria-describedby=hint.clone() />
                    <label class="kern-label" for=id>{feature.question.get(locale).to_owned()}</label>
                    <div class="kern-hint" id=hint>{feature.explanation.get(locale).to_owned()}</div>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="kern-fieldset">
            <legend class="kern-label">{i18n.phrase("rentindex-flat")}</legend>
            <div class="kern-fieldset__body">
                {text_field("flaeche", "rentindex-space", Some("rentindex-space-hint"), start.space.clone(), "decimal")}
                {text_field("baujahr", "rentindex-year", Some("rentindex-year-hint"), start.year.clone(), "numeric")}
            </div>
        </fieldset>
        <fieldset class="kern-fieldset">
            <legend class="kern-label">{i18n.phrase("rentindex-location")}</legend>
            <div class="kern-fieldset__body">
                {text_field("strasse", "rentindex-street", None, start.street.clone(), "text")}
                {text_field("hausnummer", "rentindex-number", None, start.number.clone(), "text")}
                <div class="kern-form-input">
                    <label class="kern-label" for="bezirk">{i18n.phrase("rentindex-district")}</label>
                    <div class="kern-hint" id="bezirk-hint">{i18n.phrase("rentindex-district-hint")}</div>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="bezirk" name="bezirk" aria-describedby="bezirk-hint">
                            <option value="" selected=start.district.is_empty()>{i18n.phrase("rentindex-district-none")}</option>
                            {districts}
                        </select>
                    </div>
                </div>
            </div>
        </fieldset>
        <fieldset class="kern-fieldset">
            <legend class="kern-label">{i18n.phrase("rentindex-features")}</legend>
            <div class="kern-fieldset__body">{features}</div>
        </fieldset>
    }
}
