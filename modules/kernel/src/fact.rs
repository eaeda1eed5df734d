//! One row of a KERN description list: a term and what it is. Pages that list a
//! thing's facts (a toilet, a rent estimate) use this one markup.

use leptos::prelude::*;

/// `<div><dt>term</dt><dd>children</dd></div>` in KERN's classes.
#[component]
pub fn Fact(
    /// What the row is about.
    #[prop(into)]
    term: String,
    /// Its value.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{term}</dt>
            <dd class="kern-description-list-item__value">{children()}</dd>
        </div>
    }
}
