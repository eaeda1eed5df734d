//! `/bearbeitung/faelle/:id`: the case as a caseworker works on it: the facts, the
//! answers as filed, the actions allowed now (plain form posts, so they work without
//! JavaScript and with the keyboard alone), and the timeline.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    details::{CaseDetails, case_for_staff},
    pages::{
        parts::{
            ActionForm, AssignForm, CommentForm, Documents, HandOverForm, Notice, Timeline,
            unsent_text,
        },
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
    view! {
        <Title text=title.clone() />
        <p class="kern-body kern-body--small"><a class="kern-link" href="/bearbeitung">{i18n.t("cases-back-to-inbox")}</a></p>
        <h1 class="kern-heading-x-large">{title}</h1>
        <Notice />
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
            {details.assignments.iter().map(|kind| view! {
                <AssignForm target=format!("/bearbeitung/faelle/{}/aktion", case.id) version=case.version kind=kind.clone() />
            }).collect_view()}
            {(!details.colleagues.is_empty()).then(|| view! {
                <HandOverForm target=format!("/bearbeitung/faelle/{}/aktion", case.id) version=case.version colleagues=details.colleagues.clone() />
            })}
            {if details.actions.is_empty() && details.assignments.is_empty() {
                view! { <p class="kern-body">{i18n.t("cases-no-actions")}</p> }.into_any()
            } else {
                details.actions.iter().map(|action| view! {
                    <ActionForm target=format!("/bearbeitung/faelle/{}/aktion", case.id) version=case.version action=*action consult=details.consult.clone() text=text_for(action.as_str()) />
                }).collect_view().into_any()
            }}
        </section>
        {(!case.state.is_final()).then(|| {
            let target = format!("/bearbeitung/faelle/{}/aktion", case.id);
            view! {
                <section class="portal-section" aria-labelledby="comments-heading">
                    <h2 class="kern-heading-medium" id="comments-heading">{i18n.t("cases-comments")}</h2>
                    <CommentForm target=target.clone() kind="message" label_key="cases-message-to-citizen" button_key="cases-send-message" text=text_for("message") />
                    <CommentForm target kind="note" label_key="cases-note" button_key="cases-save-note" text=text_for("note") />
                </section>
            }
        })}
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
        <section class="portal-section" aria-labelledby="documents-heading">
            <h2 class="kern-heading-medium" id="documents-heading">{i18n.t("cases-documents")}</h2>
            <Documents documents=details.documents base=format!("/bearbeitung/faelle/{}", case.id) />
        </section>
        <section class="portal-section" aria-labelledby="timeline-heading">
            <h2 class="kern-heading-medium" id="timeline-heading">{i18n.t("cases-timeline")}</h2>
            <Timeline events=details.timeline />
        </section>
    }
}
