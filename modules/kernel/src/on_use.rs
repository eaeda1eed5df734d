//! Islands that come to life only when used. The browser app is loaded for a page at
//! once where the page has an island outside this wrapper; where its only islands are
//! inside one (the header's search field on a service page), it is loaded when the
//! person first moves into one of them, so reading a page costs no WebAssembly.

use leptos::prelude::*;

/// Marks `children` (islands) to be taken over on first use: focus or a press inside.
#[component]
pub fn OnUse(children: Children) -> impl IntoView {
    view! { <div class="portal-on-use" data-hydrate="on-use">{children()}</div> }
}
