//! `/anmelden`: the demo sign-in page (choose a persona). Identity-provider sign-in
//! will start here too.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{i18n::page_i18n, personas::PERSONAS};

/// Choose a persona; each button posts the form.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = page_i18n();
    let query = use_query_map();
    let return_to = move || query.read().get("return_to").unwrap_or_else(|| "/".into());
    view! {
        <Title text=i18n.t("shell-sign-in-title") />
        <h1 class="kern-heading-x-large">{i18n.t("shell-sign-in-title")}</h1>
        <div class="kern-alert kern-alert--info" role="note">
            <div class="kern-alert__header">
                <span class="kern-title">{i18n.t("shell-sign-in-demo-note")}</span>
            </div>
        </div>
        <form class="portal-section" method="post" action="/auth/demo">
            <input type="hidden" name="return_to" value=return_to />
            <fieldset class="kern-fieldset">
                <legend class="kern-label">{i18n.t("shell-sign-in-choose")}</legend>
                <ul class="portal-persona-list">
                    {PERSONAS.iter().map(|persona| view! {
                        <li>
                            <button class="kern-btn kern-btn--secondary" type="submit" name="persona" value=persona.key>
                                <span class="kern-label">{i18n.t(persona.description)}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </fieldset>
        </form>
    }
}
