//! `/bearbeitung/faelle/:id`: the caseworker's workspace for one case: the facts in a
//! line, the request's answers and documents first, and beside them one compact panel
//! of the actions allowed now, notes and messages, and the timeline. Plain form
//! posts, so everything works without JavaScript and with the keyboard alone.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    details::{CaseDetails, case_for_staff},
    pages::{
        action_panel::{ActionPanel, PanelCase},
        parts::{AssignForm, CommentForm, Documents, HandOverForm, Notice, Timeline, unsent_text},
        texts::{CaseError, state_name},
    },
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

#[component]
fn CaseView(details: CaseDetails) -> impl IntoView {
    let i18n = use_i18n();
    let case = details.case;
    // The text of a refused post goes back into the form it came from.
    let unsent = details.unsent.clone();
    let text_for = move |kind: &str| unsent_text(unsent.as_ref(), kind);
    let title = format!(
        "{} – {}",
        case.reference,
        case.service_title.get(i18n.locale)
    );
    let target = format!("/bearbeitung/faelle/{}/aktion", case.id);
    let panel = PanelCase {
        target: target.clone(),
        version: case.version,
        consult: details.consult.clone(),
        four_eyes: details.four_eyes,
        unsent: details.unsent.clone(),
    };
    let nothing_to_do = details.actions.is_empty() && details.assignments.is_empty();
    view! {
        <Title text=title.clone() />
        <p class="kern-body kern-body--small"><a class="kern-link" href="/bearbeitung">{i18n.phrase("cases-back-to-inbox")}</a></p>
        <h1 class="kern-heading-large">{title}</h1>
        <Notice />
        <dl class="portal-case-facts">
            <div><dt class="kern-label">{i18n.phrase("cases-column-state")}</dt>
                <dd class="kern-body" id="state">{state_name(&i18n, case.state)}</dd></div>
            <div><dt class="kern-label">{i18n.phrase("cases-column-applicant")}</dt>
                <dd class="kern-body">{case.applicant.clone()}</dd></div>
            <div><dt class="kern-label">{i18n.phrase("cases-column-assignee")}</dt>
                <dd class="kern-body">{case.assignee_name.clone().unwrap_or_else(|| i18n.t("cases-unassigned"))}</dd></div>
            <div><dt class="kern-label">{i18n.phrase("cases-column-filed")}</dt>
                <dd class="kern-body">{details.filed}</dd></div>
            <div><dt class="kern-label">{i18n.phrase("cases-column-due")}</dt>
                <dd class="kern-body">
                    {details.due}
                    {details.overdue.then(|| view! { " " <span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">{i18n.phrase("cases-overdue")}</span></span> })}
                </dd></div>
            {case.reason.clone().map(|reason| view! {
                <div class="portal-case-facts__wide"><dt class="kern-label">{i18n.phrase("cases-reason")}</dt>
                    <dd class="kern-body">{reason}</dd></div>
            })}
        </dl>
        // The request first, the work beside it: on a wide screen two columns, on a
        // narrow one (a phone, 200 % zoom) one after the other in the same order.
        <div class="portal-workspace">
            <div class="portal-workspace__main">
                <section aria-labelledby="answers-heading">
                    <h2 class="kern-heading-medium" id="answers-heading">{i18n.phrase("cases-answers")}</h2>
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
                <section class="portal-section" aria-labelledby="documents-heading">
                    <h2 class="kern-heading-medium" id="documents-heading">{i18n.phrase("cases-documents")}</h2>
                    <Documents documents=details.documents base=format!("/bearbeitung/faelle/{}", case.id) />
                </section>
                {(!details.appointments.is_empty()).then(|| view! {
                    <section class="portal-section" aria-labelledby="case-appointments-heading">
                        <h2 class="kern-heading-medium" id="case-appointments-heading">{i18n.phrase("cases-appointments")}</h2>
                        <ul class="kern-list" id="case-appointments">
                            {details.appointments.into_iter().map(|a| view! {
                                <li class="kern-body">
                                    {format!("{} · {} · {}", a.when, a.office, a.reference)}
                                    {a.cancelled.then(|| format!(" ({})", i18n.t("cases-appointment-cancelled")))}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
            </div>
            <div class="portal-workspace__side">
                <section class="portal-panel" aria-labelledby="actions-heading">
                    <h2 class="kern-heading-medium" id="actions-heading">{i18n.phrase("cases-actions")}</h2>
                    {details.proposed_by_me.then(|| view! {
                        <div class="kern-alert kern-alert--info" role="note">
                            <div class="kern-alert__body"><p class="kern-body">{i18n.phrase("cases-four-eyes-waiting")}</p></div>
                        </div>
                    })}
                    <div class="portal-panel__row">
                        {details.assignments.iter().map(|kind| view! {
                            <AssignForm target=target.clone() version=case.version kind=kind.clone() />
                        }).collect_view()}
                    </div>
                    {if nothing_to_do {
                        view! { <p class="kern-body">{i18n.phrase("cases-no-actions")}</p> }.into_any()
                    } else if details.actions.is_empty() {
                        ().into_any()
                    } else {
                        view! { <ActionPanel case=panel actions=details.actions.clone() /> }.into_any()
                    }}
                    {(!details.colleagues.is_empty()).then(|| view! {
                        <HandOverForm target=target.clone() version=case.version colleagues=details.colleagues.clone() />
                    })}
                </section>
                {(!case.state.is_final()).then(|| view! {
                    <section class="portal-panel" aria-labelledby="comments-heading">
                        <h2 class="kern-heading-medium" id="comments-heading">{i18n.phrase("cases-comments")}</h2>
                        <CommentForm target=target.clone() kind="message" label_key="cases-message-to-citizen" button_key="cases-send-message" text=text_for("message") />
                        <CommentForm target=target.clone() kind="note" label_key="cases-note" button_key="cases-save-note" text=text_for("note") />
                    </section>
                })}
                <section class="portal-panel" aria-labelledby="timeline-heading">
                    <h2 class="kern-heading-medium" id="timeline-heading">{i18n.phrase("cases-timeline")}</h2>
                    <Timeline events=details.timeline />
                </section>
            </div>
        </div>
        <details class="portal-section portal-shortcuts">
            <summary class="kern-body">{i18n.phrase("cases-shortcuts")}</summary>
            <p class="kern-body">{i18n.phrase("cases-shortcuts-how")}</p>
        </details>
    }
}
