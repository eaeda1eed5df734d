//! The caseworker's actions as one compact panel: choose the action, then write its
//! text and add its letter or documents, then carry it out. One plain form post, so it
//! works without JavaScript; the style sheet shows only the parts the chosen action
//! uses (where the browser can tell, else all of them), and each frequent action has
//! an access key.

use kernel::i18n::use_i18n;
use leptos::prelude::*;

use crate::{
    lifecycle::{Action, LETTER},
    pages::parts::DocumentInputs,
};

/// The access key of `action`, where it is one caseworkers take often.
pub fn access_key(action: Action) -> Option<&'static str> {
    match action {
        Action::Claim => Some("u"),
        Action::RequestInformation => Some("r"),
        Action::Approve => Some("g"),
        Action::Reject => Some("a"),
        Action::Confirm => Some("b"),
        Action::Close => Some("s"),
        _ => None,
    }
}

/// Alt and a letter choose the action with that access key. Browsers give access
/// keys different modifiers (Alt+Shift in Firefox) and do not all handle them; once
/// the page is live this does the same everywhere. Without JavaScript the browser's
/// own access keys remain.
#[island]
fn ShortcutKeys() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        use wasm_bindgen::JsCast;
        let handle = window_event_listener(leptos::ev::keydown, |event| {
            if !event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            // The key's place, not its character: Alt changes characters on some
            // keyboards.
            let Some(letter) = event.code().strip_prefix("Key").map(str::to_lowercase) else {
                return;
            };
            let selector =
                format!(r#".portal-action-panel input[name="action"][accesskey="{letter}"]"#);
            let Some(input) = document()
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            event.prevent_default();
            input.set_checked(true);
            let _ = input.focus();
        });
        on_cleanup(move || handle.remove());
    });
}

/// The fluent key part of `action` (`request-information`).
fn key_of(action: Action) -> String {
    action.as_str().replace('_', "-")
}

/// What the panel works on.
#[derive(Clone, Debug)]
pub struct PanelCase {
    /// Where the form posts.
    pub target: String,
    /// The case version the page shows.
    pub version: i32,
    /// Departments that may be consulted.
    pub consult: Vec<String>,
    /// A second person confirms decisions.
    pub four_eyes: bool,
    /// The action and text of a refused post, to fill in again.
    pub unsent: Option<(String, String)>,
}

/// The actions allowed now, as one form.
#[component]
pub fn ActionPanel(case: PanelCase, actions: Vec<Action>) -> impl IntoView {
    let i18n = use_i18n();
    let unsent_action = case.unsent.as_ref().map(|(action, _)| action.clone());
    let unsent_text = case
        .unsent
        .as_ref()
        .filter(|(action, _)| Action::parse(action).is_some_and(|a| actions.contains(&a)))
        .map(|(_, text)| text.clone());
    // With only one action there is nothing to choose.
    let only = (actions.len() == 1).then(|| actions[0]);
    let chosen = move |action: Action| {
        only == Some(action) || unsent_action.as_deref() == Some(action.as_str())
    };
    let decides = actions
        .iter()
        .any(|a| crate::lifecycle::Outcome::of_decision(*a).is_some());
    let takes_text = actions.iter().any(|a| a.takes_text());
    // One set of inputs per kind of document: approving and rejecting share the letter.
    let mut documents: Vec<(Action, &'static str)> = Vec::new();
    for action in &actions {
        if let Some(kind) = action.document_kind()
            && !documents.iter().any(|(_, k)| *k == kind)
        {
            documents.push((*action, kind));
        }
    }
    let enctype = (!documents.is_empty()).then_some("multipart/form-data");
    let consult = actions.contains(&Action::Consult).then_some(case.consult);
    view! {
        <form class="portal-action-panel" method="post" action=case.target enctype=enctype>
            <ShortcutKeys />
            <input type="hidden" name="version" value=case.version.to_string() />
            {(case.four_eyes && decides).then(|| view! {
                <div class="kern-alert kern-alert--info" role="note">
                    <div class="kern-alert__body"><p class="kern-body">{i18n.phrase("cases-four-eyes-before")}</p></div>
                </div>
            })}
            <fieldset class="kern-fieldset">
                <legend class="kern-label">{i18n.phrase("cases-choose-action")}</legend>
                <div class="kern-fieldset__body">
                    {actions.iter().map(|action| {
                        let id = format!("aktion-{}", action.as_str());
                        let key = access_key(*action);
                        let shortcut = key.map(|k| view! {
                            " " <span class="portal-shortcut">{format!("(Alt+{})", k.to_uppercase())}</span>
                        });
                        view! {
                            <div class="kern-form-check">
                                <input class="kern-form-check__radio" type="radio" name="action" id=id.clone()
                                    value=action.as_str() required=true checked=chosen(*action)
                                    accesskey=key aria-keyshortcuts=key.map(|k| format!("Alt+{}", k.to_uppercase())) />
                                <label class="kern-label" for=id>{i18n.t(&format!("cases-action-{}", key_of(*action)))}{shortcut}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            {consult.map(|departments| view! {
                <div class="portal-for portal-for--consult">
                    <kernel::select::SelectField id="department" name="department" label=i18n.t("cases-consult-department")>
                        {departments.into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                    </kernel::select::SelectField>
                </div>
            })}
            {takes_text.then(|| view! {
                <div class="kern-form-input portal-for portal-for--text">
                    <label class="kern-label" for="text-action">
                        <span class="portal-text-label portal-text-label--any">{i18n.phrase("cases-text-any")}</span>
                        {actions.iter().filter(|a| a.takes_text()).map(|action| view! {
                            <span class=format!("portal-text-label portal-text-label--{}", action.as_str())>
                                {i18n.t(&format!("cases-text-{}", key_of(*action)))}
                                {(!action.needs_text()).then(|| format!(" ({})", i18n.t("cases-optional")))}
                            </span>
                        }).collect_view()}
                    </label>
                    <textarea class="kern-form-input__input" id="text-action" name="text" rows="5"
                        maxlength=crate::lifecycle::MAX_TEXT.to_string()>{unsent_text}</textarea>
                </div>
            })}
            {documents.into_iter().map(|(action, kind)| view! {
                <div class=format!("portal-for portal-for--{kind}")>
                    <DocumentInputs action=if kind == LETTER { "decision" } else { action.as_str() } kind />
                </div>
            }).collect_view()}
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.phrase("cases-carry-out")}</span>
            </button>
        </form>
    }
}
