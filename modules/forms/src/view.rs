//! What the form pages read: a step with its answers and problems, the answers to
//! check before sending, and the receipt. Only for the draft's owner; everyone else
//! gets "not found".

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    answers::Answers,
    definition::{ServiceDefinition, Step, Text},
    validate::Problem,
};

/// One step page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    /// Draft id.
    pub draft: String,
    /// Service title.
    pub service: Text,
    /// Position of this step (0-based) and number of steps.
    pub index: usize,
    /// Number of steps.
    pub count: usize,
    /// The step's definition.
    pub step: Step,
    /// The previous step's id, for the back link.
    pub previous: Option<String>,
    /// The answers so far (only fields shown).
    pub answers: Answers,
    /// Problems of the last refused post of this step.
    pub problems: Vec<Problem>,
    /// Ids of fields filled from the sign-in that cannot be changed.
    pub locked: Vec<String>,
    /// The service's form has changed since the draft began; the draft keeps its
    /// version.
    pub outdated: bool,
    /// The definition version of the draft, for the checks in the browser.
    pub definition: ServiceDefinition,
    /// Today, as the server judges dates.
    pub today: chrono::NaiveDate,
    /// Fields of this step hidden by their condition (those the page can reveal itself
    /// only after hydration stay shown).
    pub hidden: Vec<String>,
}

/// The check-your-answers page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    /// Draft id.
    pub draft: String,
    /// Service title.
    pub service: Text,
    /// Every step.
    pub steps: Vec<Step>,
    /// The answers that will be sent (only fields shown).
    pub answers: Answers,
}

/// The confirmation page and printable receipt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    /// Reference number.
    pub reference: String,
    /// Service title.
    pub service: Text,
    /// Id of the department responsible for it.
    pub department: String,
    /// When it was sent, `DD.MM.YYYY HH:MM` (German time).
    pub submitted: String,
    /// The steps of the version it was filed under.
    pub steps: Vec<Step>,
    /// The answers as sent.
    pub answers: Answers,
    /// Where to book the appointment the service asks for after filing, if it asks for
    /// one and appointments can be booked.
    pub appointment_href: Option<String>,
}

/// Step `step` of `draft`.
#[server(endpoint = "forms/step")]
pub async fn draft_step(draft: String, step: String) -> Result<StepView, AppError> {
    let (identity, mut draft, definition) = ssr::load(&draft).await?;
    let mut index = definition
        .steps
        .iter()
        .position(|s| s.id == step)
        .ok_or(AppError::NotFound)?;
    if index > draft.furthest_step {
        // A later step opened by its address (a bookmark, a link from another tab):
        // steps are filled in order, so on to the first one not finished yet.
        leptos_axum::redirect(&crate::flow::resume_url(&draft, &definition));
        index = draft
            .furthest_step
            .min(definition.steps.len().saturating_sub(1));
    }
    ssr::restore_unsent(&identity, &mut draft, &definition.steps[index]).await?;
    let outdated = crate::services::ssr::state()?
        .published()
        .versions
        .get(&draft.service_id)
        .is_some_and(|current| current.id != draft.version_id);
    let today = crate::formats::today();
    let step_def = definition.steps[index].clone();
    let locked = crate::prefill::locked(
        &step_def.fields,
        identity.name.as_deref(),
        &identity.profile,
    );
    Ok(StepView {
        draft: draft.id.clone(),
        service: definition.title.clone(),
        index,
        count: definition.steps.len(),
        previous: index.checked_sub(1).map(|i| definition.steps[i].id.clone()),
        answers: crate::validate::visible_answers(&definition, &draft.answers, today),
        problems: match draft.problems {
            Some((at, problems)) if at == index => problems,
            _ => Vec::new(),
        },
        step: step_def,
        locked,
        outdated,
        hidden: crate::validate::hidden_fields(&definition, index, &draft.answers, today),
        definition: definition.as_ref().clone(),
        today,
    })
}

/// The answers of `draft` to check before sending.
#[server(endpoint = "forms/review")]
pub async fn draft_review(draft: String) -> Result<ReviewView, AppError> {
    let (_, draft, definition) = ssr::load(&draft).await?;
    if draft.furthest_step < definition.steps.len() {
        // Opened by its address before the last step: on to the first step not
        // finished yet, as for a later step.
        leptos_axum::redirect(&crate::flow::resume_url(&draft, &definition));
        return Err(AppError::NotFound);
    }
    let today = crate::formats::today();
    Ok(ReviewView {
        draft: draft.id.clone(),
        service: definition.title.clone(),
        answers: crate::validate::visible_answers(&definition, &draft.answers, today),
        steps: definition.steps.clone(),
    })
}

/// The receipt of submission `id`.
#[server(endpoint = "forms/receipt")]
pub async fn submission_receipt(id: String) -> Result<Receipt, AppError> {
    let identity = kernel::access::authorize(&kernel::Requirement::signed_in())?;
    let ctx = crate::services::ssr::context()?;
    let owner = identity.subject.clone().unwrap_or_default();
    let submission = crate::drafts::find_submission(&ctx.db, &id, &owner)
        .await?
        .ok_or(AppError::NotFound)?;
    let definition = crate::services::ssr::state()?
        .definition(&ctx.db, submission.version_id)
        .await?;
    kernel::access::require_level(&identity, definition.level)?;
    Ok(Receipt {
        reference: submission.reference,
        service: definition.title.clone(),
        department: definition.department.clone(),
        submitted: crate::formats::local_time(submission.submitted_at)
            .format("%d.%m.%Y %H:%M")
            .to_string(),
        steps: definition.steps.clone(),
        answers: submission.answers,
        appointment_href: definition.appointment.as_deref().and_then(|service| {
            ctx.get::<dyn kernel::booking::BookingPages>()
                .map(|pages| pages.href_for_request(service, &submission.id))
        }),
    })
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::sync::Arc;

    use kernel::{AppError, Identity, Requirement, access::authorize};

    use crate::{
        definition::ServiceDefinition,
        drafts::{self, Draft},
        services::ssr::{context, state},
    };

    /// Puts answers posted while the session had ended into the draft (see
    /// `unsent`); they are shown, not yet checked.
    pub async fn restore_unsent(
        identity: &Identity,
        draft: &mut Draft,
        step: &crate::definition::Step,
    ) -> Result<(), AppError> {
        let Ok(session) = leptos_axum::extract::<tower_sessions::Session>().await else {
            return Ok(());
        };
        let Some(pairs) = crate::unsent::take(&session, &draft.id, &step.id).await else {
            return Ok(());
        };
        let mut posted = crate::answers::read_step(step, &pairs, &draft.answers);
        crate::prefill::enforce(
            &step.fields,
            &mut posted,
            identity.name.as_deref(),
            &identity.profile,
        );
        for field in &step.fields {
            draft.answers.remove(&field.id);
        }
        draft.answers.extend(posted);
        let ctx = context()?;
        drafts::save(&ctx.db, draft, chrono::Utc::now().timestamp()).await?;
        Ok(())
    }

    /// The signed-in owner's draft `id` and its definition.
    pub async fn load(id: &str) -> Result<(Identity, Draft, Arc<ServiceDefinition>), AppError> {
        let identity = authorize(&Requirement::signed_in())?;
        let ctx = context()?;
        let owner = identity.subject.clone().unwrap_or_default();
        let now = chrono::Utc::now().timestamp();
        let draft = drafts::find(&ctx.db, id, &owner, now)
            .await?
            .ok_or(AppError::NotFound)?;
        let definition = state()?.definition(&ctx.db, draft.version_id).await?;
        kernel::access::require_level(&identity, definition.level)?;
        Ok((identity, draft, definition))
    }
}
