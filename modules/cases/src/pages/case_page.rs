//! `/bearbeitung/faelle/:id`: the case as a caseworker works on it: the facts, the
//! answers as filed, the actions allowed now (plain form posts, so they work without
//! JavaScript and with the keyboard alone), and the timeline.

use kernel::{AppError, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    details::{CaseDetails, case_for_staff},
    lifecycle::Action,
    pages::texts::{CaseError, REFUSALS, refusal, state_name},
};

/// The case page.
#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let details = Resource::new(id, case_for_staff);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match details.await {
                    Ok(details) => view! { <CaseView details /> }.into_any(),
                    Err(error) => view! { <CaseError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The notice after an action: done, or refused with the module's reason (only known
/// message keys are shown; nothing from the address is echoed).
#[component]
fn Outcome() -> impl IntoView {
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
        {done.filter(|_| query.with_untracked(|q| q.get("fehler")).is_none()).map(|_| view! {
            <div class="kern-alert kern-alert--success" role="status">
                <div class="kern-alert__header"><span class="kern-title">{i18n.t("cases-action-done")}</span></div>
            </div>
        })}
    }
}

#[component]
fn CaseView(details: CaseDetails) -> impl IntoView {
    let i18n = use_i18n();
    let case = details.case;
    let title = format!(
        "{} – {}",
        case.reference,
        case.service_title.get(i18n.locale)
    );
    view! {
        <Title text=title.clone() />
        <p class="kern-body kern-body--small"><a class="kern-link" href="/bearbeitung">{i18n.t("cases-back-to-inbox")}</a></p>
        <h1 class="kern-heading-x-large">{title}</h1>
        <Outcome />
        <dl class="portal-facts portal-section">
            <dt class="kern-label">{i18n.t("cases-column-state")}</dt>
            <dd class="kern-body" id="state">{state_name(&i18n, case.state)}</dd>
            <dt class="kern-label">{i18n.t("cases-column-applicant")}</dt>
            <dd class="kern-body">{case.applicant.clone()}</dd>
            <dt class="kern-label">{i18n.t("cases-column-assignee")}</dt>
            <dd class="kern-body">{case.assignee_name.clone().unwrap_or_else(|| i18n.t("cases-unassigned"))}</dd>
            <dt class="kern-label">{i18n.t("cases-column-filed")}</dt>
            <dd class="kern-body">{details.filed}</dd>
            <dt class="kern-label">{i18n.t("cases-column-due")}</dt>
            <dd class="kern-body">
                {details.due}
                {details.overdue.then(|| view! { " " <span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">{i18n.t("cases-overdue")}</span></span> })}
            </dd>
            {case.reason.clone().map(|reason| view! {
                <dt class="kern-label">{i18n.t("cases-reason")}</dt>
                <dd class="kern-body">{reason}</dd>
            })}
        </dl>
        <section class="portal-section" aria-labelledby="actions-heading">
            <h2 class="kern-heading-medium" id="actions-heading">{i18n.t("cases-actions")}</h2>
            {if details.actions.is_empty() {
                view! { <p class="kern-body">{i18n.t("cases-no-actions")}</p> }.into_any()
            } else {
                details.actions.iter().map(|action| view! {
                    <ActionForm id=case.id.clone() version=case.version action=*action consult=details.consult.clone() />
                }).collect_view().into_any()
            }}
        </section>
        <section class="portal-section" aria-labelledby="answers-heading">
            <h2 class="kern-heading-medium" id="answers-heading">{i18n.t("cases-answers")}</h2>
            {details.answers.into_iter().map(|section| view! {
                <h3 class="kern-heading-small">{section.title}</h3>
                <dl class="portal-facts">
                    {section.rows.into_iter().map(|(label, value)| view! {
                        <dt class="kern-label">{label}</dt>
                        <dd class="kern-body">{value}</dd>
                    }).collect_view()}
                </dl>
            }).collect_view()}
        </section>
        <section class="portal-section" aria-labelledby="timeline-heading">
            <h2 class="kern-heading-medium" id="timeline-heading">{i18n.t("cases-timeline")}</h2>
            <ol class="portal-timeline">
                {details.timeline.into_iter().map(|event| view! {
                    <li>
                        <p class="kern-body">
                            <strong>{i18n.t(&format!("cases-event-{}", event.kind.replace('_', "-")))}</strong>
                            " · "{event.at}" · "{event.actor}
                            {event.internal.then(|| view! { " " <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{i18n.t("cases-internal")}</span></span> })}
                        </p>
                        {event.body.map(|body| view! { <p class="kern-body portal-event-body">{body}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// One action as a form: a text where the action takes one, and the version the page
/// was built from, so a case changed meanwhile is not overwritten.
#[component]
fn ActionForm(id: String, version: i32, action: Action, consult: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let name = action.as_str();
    let key = name.replace('_', "-");
    let text_id = format!("text-{name}");
    let wants_text = action.takes_text();
    let needs_text = action.needs_text();
    view! {
        <form class="portal-action" method="post" action=format!("/bearbeitung/faelle/{id}/aktion")>
            <input type="hidden" name="action" value=name />
            <input type="hidden" name="version" value=version.to_string() />
            {(action == Action::Consult).then(|| view! {
                <div class="kern-form-input">
                    <label class="kern-label" for="department">{i18n.t("cases-consult-department")}</label>
                    <select class="kern-form-input__select" id="department" name="department">
                        {consult.into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {wants_text.then(|| view! {
                <div class="kern-form-input">
                    <label class="kern-label" for=text_id.clone()>
                        {i18n.t(&format!("cases-text-{key}"))}
                        {(!needs_text).then(|| format!(" ({})", i18n.t("cases-optional")))}
                    </label>
                    <textarea class="kern-form-input__input" id=text_id.clone() name="text" rows="3"
                        maxlength=crate::lifecycle::MAX_TEXT.to_string() required=needs_text></textarea>
                </div>
            })}
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.t(&format!("cases-action-{key}"))}</span>
            </button>
        </form>
    }
}
