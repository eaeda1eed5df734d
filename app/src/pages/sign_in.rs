//! `/anmelden`: the demo sign-in page (choose a persona). It exists only while the
//! demo sign-in is on; with an identity provider, `/auth/login` goes there instead.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use kernel::Level;

use crate::{
    i18n::page_i18n,
    pages::{NotFound, account::level_key},
    personas::PERSONAS,
    shell_info::load_shell_info,
};

/// The persona choice in demo mode, the not-found page otherwise.
#[component]
pub fn SignInPage() -> impl IntoView {
    let info = Resource::new(|| (), |()| load_shell_info());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(info) if info.demo_login => view! { <PersonaChoice /> }.into_any(),
                    _ => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Choose a persona; each button posts the form.
#[component]
fn PersonaChoice() -> impl IntoView {
    let i18n = page_i18n();
    let query = use_query_map();
    let return_to = move || query.read().get("return_to").unwrap_or_else(|| "/".into());
    let level = query
        .read_untracked()
        .get("level")
        .as_deref()
        .and_then(Level::parse);
    let offered = PERSONAS
        .iter()
        .filter(|persona| level.is_none_or(|level| persona.level >= level));
    view! {
        <Title text=i18n.t("shell-sign-in-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-sign-in-title")}</h1>
        <div class="kern-alert kern-alert--info" role="note">
            <div class="kern-alert__header">
                <span class="kern-title">{i18n.phrase("shell-sign-in-demo-note")}</span>
            </div>
        </div>
        {level.map(|level| view! {
            <p class="kern-body portal-section">
                {i18n.t_args("shell-sign-in-level-needed", &[("level", i18n.t(level_key(Some(level))).into())])}
            </p>
        })}
        <form class="portal-section" method="post" action="/auth/demo">
            <input type="hidden" name="return_to" value=return_to />
            <fieldset class="kern-fieldset">
                <legend class="kern-label">{i18n.phrase("shell-sign-in-choose")}</legend>
                <ul class="portal-persona-list">
                    {offered.map(|persona| view! {
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
