//! The rules of a field in its edit form: one input per rule its kind can be given,
//! filled with what the field has now. Numbers are typed as text (a comma before the
//! decimals is taken), so the server is the one judge and says what it refused.

use kernel::i18n::use_i18n;
use leptos::prelude::*;

use crate::design_rules::{RuleInput, RuleValue};

/// The rules of the field at `place` (`<step>.<field>`), as a group of its form;
/// nothing for a kind without rules.
#[component]
pub fn RuleInputs(place: String, rules: Vec<RuleValue>) -> impl IntoView {
    let i18n = use_i18n();
    if rules.is_empty() {
        return None;
    }
    let inputs = rules
        .into_iter()
        .map(|rule| {
            let id = format!("f{place}-{}", rule.key);
            let label = i18n.phrase(&format!("designer-rule-{}", rule.key));
            let hint_key = format!("designer-rule-{}-hint", rule.key);
            let hint_id = format!("{id}-hint");
            let hint = i18n.try_t(&hint_key).is_some().then(|| {
                view! { <div class="kern-hint" id=hint_id.clone()>{i18n.phrase(&hint_key)}</div> }
            });
            let described = hint.is_some().then(|| hint_id.clone());
            match rule.input {
                // The hint stands under the box and its label, not squeezed beside them.
                RuleInput::Flag => view! {
                    <div>
                        <div class="kern-form-check">
                            <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name=rule.key
                                value="1" checked=rule.value == "1" aria-describedby=described />
                            <label class="kern-label" for=id>{label}</label>
                        </div>
                        {hint}
                    </div>
                }
                .into_any(),
                RuleInput::OneOf => {
                    let options = rule
                        .choices
                        .iter()
                        .map(|choice| {
                            let caption = i18n.t(&format!("designer-rule-{}-{choice}", rule.key));
                            view! { <option value=choice.clone() selected=*choice == rule.value>{caption}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="kern-form-input">
                            <label class="kern-label" for=id.clone()>{label}</label>
                            {hint}
                            <div class="kern-form-input__select-wrapper">
                                <select class="kern-form-input__select" id=id name=rule.key aria-describedby=described>
                                    <option value="" selected=rule.value.is_empty()>{i18n.t("designer-rule-none")}</option>
                                    {options}
                                </select>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                input => {
                    let mode = match input {
                        RuleInput::Count => Some("numeric"),
                        RuleInput::Decimal => Some("decimal"),
                        _ => None,
                    };
                    view! {
                        <div class="kern-form-input">
                            <label class="kern-label" for=id.clone()>{label}</label>
                            {hint}
                            <input class="kern-form-input__input" type="text" id=id name=rule.key
                                value=rule.value inputmode=mode aria-describedby=described />
                        </div>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    Some(view! {
        <fieldset class="kern-fieldset portal-rules">
            <legend class="kern-label">{i18n.phrase("designer-rules")}</legend>
            <input type="hidden" name="regeln" value="1" />
            {inputs}
        </fieldset>
    })
}
