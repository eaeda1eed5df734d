//! `/vorgaenge/:id`: a citizen follows their request: where it stands, the question
//! to answer, the decision with its reason, the history, and withdrawing while that
//! is allowed.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    citizen::{CitizenCase, case_for_citizen},
    lifecycle::{Action, Outcome},
    pages::parts::{ActionForm, CommentForm, Documents, Notice, Timeline, unsent_text},
};

/// What the citizen's case page says when it cannot be shown.
const CITIZEN_ERROR: kernel::error_page::ErrorTexts = kernel::error_page::ErrorTexts {
    not_found: "cases-not-found",
    failed: "cases-error-general",
    back_href: "/antraege",
    back: "cases-back-to-mine",
};

/// The signed-in citizen's case named by the address, shown by `show`, or the error
/// page; `show` answers `None` where its page does not apply to the case.
#[component]
fn CitizenCaseFrame(show: fn(CitizenCase) -> Option<AnyView>) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let case = Resource::new(id, case_for_citizen);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match case.await.and_then(|case| show(case).ok_or(kernel::AppError::NotFound)) {
                    Ok(page) => page,
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=CITIZEN_ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The citizen's case page.
#[component]
pub fn CitizenCasePage() -> impl IntoView {
    view! { <CitizenCaseFrame show=|case| Some(view! { <CitizenView case /> }.into_any()) /> }
}

#[component]
fn CitizenView(case: CitizenCase) -> impl IntoView {
    let i18n = use_i18n();
    let title = case.service.get(i18n.locale).to_owned();
    let target = format!("/vorgaenge/{}/aktion", case.id);
    // The text of a refused post goes back into the form it came from.
    let unsent = case.unsent.clone();
    let text_for = move |kind: &str| unsent_text(unsent.as_ref(), kind);
    let (withdraw, answers): (Vec<Action>, Vec<Action>) = case
        .actions
        .iter()
        .copied()
        .partition(|action| *action == Action::Withdraw);
    let may_withdraw = !withdraw.is_empty();
    view! {
        <Title text=format!("{} – {title}", case.reference) />
        <p class="kern-body kern-body--small"><a class="kern-link" href="/antraege">{i18n.phrase("cases-back-to-mine")}</a></p>
        <h1 class="kern-heading-x-large">{title}</h1>
        <Notice />
        <dl class="portal-facts portal-section">
            <dt class="kern-label">{i18n.phrase("cases-column-reference")}</dt>
            <dd class="kern-body">{case.reference.clone()}</dd>
            <dt class="kern-label">{i18n.phrase("cases-column-state")}</dt>
            <dd class="kern-body" id="state">{case.state}</dd>
            <dt class="kern-label">{i18n.phrase("cases-column-filed")}</dt>
            <dd class="kern-body">{case.filed}</dd>
        </dl>
        {case.decision.map(|(outcome, reason)| {
            let (kind, key) = match outcome {
                Outcome::Approved => ("success", "cases-decision-approved"),
                Outcome::Rejected => ("warning", "cases-decision-rejected"),
            };
            view! {
                <div class=format!("kern-alert kern-alert--{kind}") role="status">
                    <div class="kern-alert__header"><h2 class="kern-title">{i18n.t(key)}</h2></div>
                    {reason.map(|reason| view! { <div class="kern-alert__body"><p class="kern-body portal-event-body">{reason}</p></div> })}
                </div>
            }
        })}
        {case.question.map(|question| view! {
            <section class="portal-section" aria-labelledby="question-heading">
                <h2 class="kern-heading-medium" id="question-heading">{i18n.phrase("cases-question")}</h2>
                <p class="kern-body portal-event-body">{question}</p>
            </section>
        })}
        {(!answers.is_empty()).then(|| view! {
            <section class="portal-section" aria-labelledby="actions-heading">
                <h2 class="kern-heading-medium" id="actions-heading">{i18n.phrase("cases-your-actions")}</h2>
                {answers.iter().map(|action| view! {
                    <ActionForm target=target.clone() version=case.version action=*action text=text_for(action.as_str()) />
                }).collect_view()}
            </section>
        })}
        {case.open.then(|| view! {
            <section class="portal-section" aria-labelledby="message-heading">
                <h2 class="kern-heading-medium" id="message-heading">{i18n.phrase("cases-write-to-us")}</h2>
                <CommentForm target=target.clone() kind="message" label_key="cases-message-to-office" button_key="cases-send-message" text=text_for("message") />
            </section>
        })}
        <section class="portal-section" aria-labelledby="documents-heading">
            <h2 class="kern-heading-medium" id="documents-heading">{i18n.phrase("cases-documents")}</h2>
            <Documents documents=case.documents base=format!("/vorgaenge/{}", case.id) />
        </section>
        <section class="portal-section" aria-labelledby="timeline-heading">
            <h2 class="kern-heading-medium" id="timeline-heading">{i18n.phrase("cases-timeline")}</h2>
            <Timeline events=case.timeline />
        </section>
        // Last and not a button that acts at once: withdrawing cannot be undone, so it
        // leads to a page that asks first.
        {may_withdraw.then(|| view! {
            <section class="portal-section" aria-labelledby="withdraw-heading">
                <h2 class="kern-heading-medium" id="withdraw-heading">{i18n.phrase("cases-withdraw-heading")}</h2>
                <p class="kern-body">{i18n.phrase("cases-withdraw-intro")}</p>
                <a class="kern-btn kern-btn--secondary" href=withdraw_page(&case.id)>
                    <span class="kern-label">{i18n.phrase("cases-action-withdraw")}</span>
                </a>
            </section>
        })}
    }
}

/// The page that asks before a request is withdrawn.
pub fn withdraw_page(id: &str) -> String {
    format!("/vorgaenge/{id}/zurueckziehen")
}

/// `/vorgaenge/:id/zurueckziehen`: what withdrawing means, and the one button that
/// does it; without JavaScript as with.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    view! {
        <CitizenCaseFrame show=|case| case.actions.contains(&Action::Withdraw)
            .then(|| view! { <ConfirmWithdraw case /> }.into_any()) />
    }
}

#[component]
fn ConfirmWithdraw(case: CitizenCase) -> impl IntoView {
    let i18n = use_i18n();
    let title = i18n.t("cases-withdraw-title");
    let service = case.service.get(i18n.locale).to_owned();
    let back = format!("/vorgaenge/{}", case.id);
    view! {
        <Title text=format!("{title} – {}", case.reference) />
        <p class="kern-body kern-body--small"><a class="kern-link" href=back.clone()>{i18n.phrase("cases-withdraw-back")}</a></p>
        <h1 class="kern-heading-x-large">{title}</h1>
        <Notice />
        <dl class="portal-facts portal-section">
            <dt class="kern-label">{i18n.phrase("cases-column-reference")}</dt>
            <dd class="kern-body">{case.reference.clone()}</dd>
            <dt class="kern-label">{i18n.phrase("cases-column-service")}</dt>
            <dd class="kern-body">{service}</dd>
        </dl>
        <div class="kern-alert kern-alert--warning" role="note">
            <div class="kern-alert__body"><p class="kern-body">{i18n.phrase("cases-withdraw-consequence")}</p></div>
        </div>
        <form class="portal-action portal-section" method="post" action=format!("/vorgaenge/{}/aktion", case.id)>
            <input type="hidden" name="action" value=Action::Withdraw.as_str() />
            <input type="hidden" name="version" value=case.version.to_string() />
            <input type="hidden" name=crate::pages::CONFIRMED value="ja" />
            <div class="kern-form-input">
                <label class="kern-label" for="text-withdraw">
                    {i18n.phrase("cases-text-withdraw")}" ("{i18n.t("cases-optional")}")"
                </label>
                <textarea class="kern-form-input__input" id="text-withdraw" name="text" rows="3"
                    maxlength=crate::lifecycle::MAX_TEXT.to_string()></textarea>
            </div>
            <div class="portal-actions">
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.phrase("cases-withdraw-confirm")}</span>
                </button>
                <a class="kern-btn kern-btn--secondary" href=back>
                    <span class="kern-label">{i18n.phrase("cases-withdraw-keep")}</span>
                </a>
            </div>
        </form>
    }
}
