//! A select box in KERN's markup: the label, and the select inside KERN's wrapper,
//! which draws its border and arrow. Without the wrapper a select looks like plain
//! text (WCAG 1.4.11, non-text contrast), so the portal's selects use this one.

use leptos::prelude::*;

/// A labelled select box; `children` are its `<option>`s.
#[component]
pub fn SelectField(
    /// The select's id (the label points to it).
    #[prop(into)]
    id: String,
    /// The form field name.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A choice is needed to send the form.
    #[prop(optional)]
    required: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="kern-form-input">
            <label class="kern-label" for=id.clone()>{label}</label>
            <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id=id name=name required=required>
                    {children()}
                </select>
            </div>
        </div>
    }
}
