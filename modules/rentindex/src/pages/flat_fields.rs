//! The questions about the flat: living space, year of construction, address or
//! district, and the features, each a yes/no question with its explanation.

use kernel::i18n::use_i18n;
use leptos::prelude::*;

use crate::{answers::FlatAnswers, view::Published};

/// The fieldsets; every change goes into `answers` (in the browser, at once).
#[component]
pub fn FlatFields(published: Published, answers: RwSignal<FlatAnswers>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    let start = answers.get_untracked();
    let text_field = move |id: &'static str,
                           key: &'static str,
                           hint: Option<&'static str>,
                           value: String,
                           mode: &'static str,
                           set: fn(&mut FlatAnswers, String)| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="kern-form-input">
                <label class="kern-label" for=id>{i18n.phrase(key)}</label>
                {hint.map(|hint| view! { <div class="kern-hint" id=hint_id.clone()>{i18n.phrase(hint)}</div> })}
                <input class="kern-form-input__input" type="text" id=id name=id inputmode=mode
                    aria-describedby=hint.map(|_| hint_id.clone()) value=value maxlength="100"
                    on:input=move |ev| answers.update(|a| set(a, event_target_value(&ev))) />
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
            let toggled = feature.id.clone();
            let checked = start.features.contains(&feature.id);
            view! {
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name="ausstattung"
                        value=value checked=checked aria-describedby=hint.clone()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            answers.update(|a| {
                                if on {
                                    a.features.insert(toggled.clone());
                                } else {
                                    a.features.remove(&toggled);
                                }
                            });
                        } />
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
                {text_field("flaeche", "rentindex-space", Some("rentindex-space-hint"), start.space.clone(), "decimal", |a, v| a.space = v)}
                {text_field("baujahr", "rentindex-year", Some("rentindex-year-hint"), start.year.clone(), "numeric", |a, v| a.year = v)}
            </div>
        </fieldset>
        <fieldset class="kern-fieldset">
            <legend class="kern-label">{i18n.phrase("rentindex-location")}</legend>
            <div class="kern-fieldset__body">
                {text_field("strasse", "rentindex-street", None, start.street.clone(), "text", |a, v| a.street = v)}
                {text_field("hausnummer", "rentindex-number", None, start.number.clone(), "text", |a, v| a.number = v)}
                <div class="kern-form-input">
                    <label class="kern-label" for="bezirk">{i18n.phrase("rentindex-district")}</label>
                    <div class="kern-hint" id="bezirk-hint">{i18n.phrase("rentindex-district-hint")}</div>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="bezirk" name="bezirk" aria-describedby="bezirk-hint"
                            on:change=move |ev| answers.update(|a| a.district = event_target_value(&ev))>
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
