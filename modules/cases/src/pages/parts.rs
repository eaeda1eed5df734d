//! Parts both case pages use: the notice after an action, an action as a form, and
//! the timeline.

use kernel::{AppError, i18n::use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    lifecycle::{Action, LETTER},
    pages::texts::{REFUSALS, refusal},
    shown::{ShownDocument, ShownEvent},
};

/// The notice after an action: done, or refused with the module's reason (only known
/// message keys are shown; nothing from the address is echoed).
#[component]
pub fn Notice() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let done = query.with_untracked(|q| q.get("erledigt"));
    let refused = query.with_untracked(|q| q.get("fehler"));
    let refused = refused
        .filter(|key| REFUSALS.contains(&key.as_str()))
        .map(|key| refusal(&i18n, &AppError::BadRequest(key)));
    view! {
        {refused.map(|message| view! {
            <div class="kern-alert kern-alert--danger" role="alert" id="fehler" tabindex="-1">
                <div class="kern-alert__header"><span class="kern-title">{message}</span></div>
            </div>
        })}
        {done.filter(|_| query.with_untracked(|q| q.get("fehler")).is_none()).map(|what| view! {
            <div class="kern-alert kern-alert--success" role="status">
                <div class="kern-alert__header"><span class="kern-title">{done_message(&i18n, &what)}</span></div>
            </div>
        })}
    }
}

/// What an action did, in words (`cases-done-<action>`); a general "done" for those
/// without their own text. Only a key is built from the address, nothing is echoed.
fn done_message(i18n: &kernel::I18n, what: &str) -> String {
    let known = what.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    known
        .then(|| i18n.try_t(&format!("cases-done-{}", what.replace('_', "-"))))
        .flatten()
        .unwrap_or_else(|| i18n.t("cases-action-done"))
}

/// Column headers of a table, one per text key.
#[component]
pub fn ColumnHeads(keys: &'static [&'static str]) -> impl IntoView {
    let i18n = use_i18n();
    keys.iter()
        .map(|key| view! { <th class="kern-table__header" scope="col">{i18n.t(key)}</th> })
        .collect_view()
}

/// What happened to a case, oldest first.
#[component]
pub fn Timeline(events: Vec<ShownEvent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
    <ol class="portal-timeline">
        {events.into_iter().map(|event| view! {
            <li>
                <p class="kern-body">
                    <strong>{i18n.t(&format!("cases-event-{}", event.kind.replace('_', "-")))}</strong>
                    " · "{event.at}" · "{event.actor}
                    {event.internal.then(|| view! { " " <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{i18n.phrase("cases-internal")}</span></span> })}
                </p>
                {event.body.map(|body| view! { <p class="kern-body portal-event-body">{body}</p> })}
            </li>
        }).collect_view()}
    </ol>
    }
}

/// The text of a refused post, `(action, text)`, if it was for the form of `kind`.
pub fn unsent_text(unsent: Option<&(String, String)>, kind: &str) -> Option<String> {
    unsent
        .filter(|(action, _)| action == kind)
        .map(|(_, text)| text.clone())
}

/// One action as a form (the citizen's answer): a text where the action takes one,
/// and the version the page was built from, so a case changed meanwhile is not
/// overwritten. Caseworkers have all their actions in one panel (`action_panel`).
#[component]
pub fn ActionForm(
    target: String,
    version: i32,
    action: Action,
    /// Text written before, when the last post was refused.
    text: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = action.as_str();
    let key = name.replace('_', "-");
    let text_id = format!("text-{name}");
    let wants_text = action.takes_text();
    let needs_text = action.needs_text();
    let documents = action.document_kind();
    let enctype = documents.map(|_| "multipart/form-data");
    view! {
        <form class="portal-action" method="post" action=target enctype=enctype>
            <input type="hidden" name="action" value=name />
            <input type="hidden" name="version" value=version.to_string() />
            {wants_text.then(|| view! {
                <div class="kern-form-input">
                    <label class="kern-label" for=text_id.clone()>
                        {i18n.t(&format!("cases-text-{key}"))}
                        {(!needs_text).then(|| format!(" ({})", i18n.t("cases-optional")))}
                    </label>
                    <textarea class="kern-form-input__input" id=text_id.clone() name="text" rows="3"
                        maxlength=crate::lifecycle::MAX_TEXT.to_string() required=needs_text>{text.clone()}</textarea>
                </div>
            })}
            {documents.map(|kind| view! { <DocumentInputs action=name kind /> })}
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.t(&format!("cases-action-{key}"))}</span>
            </button>
        </form>
    }
}

/// The file inputs of an action that brings documents: evidence or an opinion as PDF
/// or pictures, or a decision letter as PDF (uploaded, or generated by the portal).
#[component]
pub fn DocumentInputs(action: &'static str, kind: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let files_id = format!("files-{action}");
    let hint_id = format!("files-{action}-hint");
    if kind == LETTER {
        let generate_id = format!("generate-{action}");
        return view! {
            <div class="kern-form-input">
                <label class="kern-label" for=files_id.clone()>{i18n.phrase("cases-letter-upload")}</label>
                <div class="kern-hint" id=hint_id.clone()>{i18n.phrase("cases-letter-hint")}</div>
                <input class="kern-form-input__input" type="file" id=files_id name=crate::pages::LETTER_PART
                    accept=".pdf,application/pdf" aria-describedby=hint_id />
            </div>
            <div class="kern-form-check">
                <input class="kern-form-check__checkbox" type="checkbox" id=generate_id.clone() name=crate::pages::GENERATE_LETTER value="ja" />
                <label class="kern-label" for=generate_id>{i18n.phrase("cases-letter-generate")}</label>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="kern-form-input">
            <label class="kern-label" for=files_id.clone()>
                {i18n.phrase("cases-documents-upload")}" ("{i18n.t("cases-optional")}")"
            </label>
            <div class="kern-hint" id=hint_id.clone()>{i18n.phrase("cases-documents-hint")}</div>
            <input class="kern-form-input__input" type="file" id=files_id name=crate::pages::DOCUMENTS_PART multiple=true
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby=hint_id />
        </div>
    }
    .into_any()
}

/// The documents of a case, each a download link under `base`.
#[component]
pub fn Documents(documents: Vec<ShownDocument>, base: String) -> impl IntoView {
    let i18n = use_i18n();
    if documents.is_empty() {
        return view! { <p class="kern-body">{i18n.phrase("cases-documents-none")}</p> }.into_any();
    }
    view! {
        <ul class="portal-documents">
            {documents.into_iter().map(|document| view! {
                <li class="kern-body">
                    <a class="kern-link" href=format!("{base}/dateien/{}", document.id) download=document.name.clone()>
                        {document.name.clone()}
                    </a>
                    " · "{i18n.t(&format!("cases-document-{}", document.kind))}
                    " · "{kernel::upload::size_for_people(document.size)}
                    " · "{document.at}
                    {document.internal.then(|| view! { " " <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{i18n.phrase("cases-internal")}</span></span> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A note or message as a form: `label_key` names the text field, `button_key` the
/// button.
#[component]
pub fn CommentForm(
    target: String,
    kind: &'static str,
    label_key: &'static str,
    button_key: &'static str,
    /// Text written before, when the last post was refused.
    text: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text_id = format!("text-{kind}");
    view! {
        <form class="portal-action" method="post" action=target>
            <input type="hidden" name="action" value=kind />
            <div class="kern-form-input">
                <label class="kern-label" for=text_id.clone()>{i18n.t(label_key)}</label>
                <textarea class="kern-form-input__input" id=text_id name="text" rows="3"
                    maxlength=crate::lifecycle::MAX_TEXT.to_string() required=true>{text}</textarea>
            </div>
            <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{i18n.t(button_key)}</span>
            </button>
        </form>
    }
}

/// Taking a case over or giving it back, as a form with the version seen.
#[component]
pub fn AssignForm(target: String, version: i32, kind: String) -> impl IntoView {
    let i18n = use_i18n();
    let label = i18n.t(&format!("cases-assign-{}", kind.replace('_', "-")));
    view! {
        <form class="portal-action" method="post" action=target>
            <input type="hidden" name="action" value=kind />
            <input type="hidden" name="version" value=version.to_string() />
            <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{label}</span>
            </button>
        </form>
    }
}

/// Handing the case to a named colleague of the department, as a form with the
/// version seen.
#[component]
pub fn HandOverForm(
    target: String,
    version: i32,
    colleagues: Vec<crate::inbox::Colleague>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="portal-action" method="post" action=target>
            <input type="hidden" name="action" value="assign" />
            <input type="hidden" name="version" value=version.to_string() />
            <kernel::select::SelectField id="an" name="an" label=i18n.t("cases-assign-to") required=true>
                {colleagues.into_iter().map(|c| view! { <option value=c.subject>{c.name}</option> }).collect_view()}
            </kernel::select::SelectField>
            <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{i18n.phrase("cases-assign-assign")}</span>
            </button>
        </form>
    }
}
