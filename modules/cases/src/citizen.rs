//! A case as its citizen follows it: where it stands in plain language, what was
//! asked and decided, the history without internal steps, and what they may do.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    lifecycle::{Action, Outcome},
    shown::{ShownDocument, ShownEvent},
};

/// Everything on the citizen's case page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenCase {
    /// Case id.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Service title.
    pub service: kernel::Text,
    /// State in plain language.
    pub state: String,
    /// Filed, `DD.MM.YYYY HH:MM`.
    pub filed: String,
    /// The decision, once made and confirmed.
    pub decision: Option<(Outcome, Option<String>)>,
    /// The question to answer, while the case waits for the citizen.
    pub question: Option<String>,
    /// What happened, oldest first (nothing internal).
    pub timeline: Vec<ShownEvent>,
    /// Their documents and the published letters.
    pub documents: Vec<ShownDocument>,
    /// What the citizen may do now.
    pub actions: Vec<Action>,
    /// The version the page shows.
    pub version: i32,
    /// Still open: the citizen can write to the office.
    pub open: bool,
    /// Text of a refused post, back in its field: action and text.
    pub unsent: Option<(String, String)>,
}

/// Case `id` of the signed-in citizen.
#[server(endpoint = "cases/mine")]
pub async fn case_for_citizen(id: String) -> Result<CitizenCase, AppError> {
    use crate::lifecycle::{Actor, State};

    let identity = kernel::access::authorize(&kernel::Requirement::signed_in())?;
    let ctx = crate::pages::ssr::context()?;
    let processes = crate::pages::ssr::processes()?;
    let case = crate::act::find(&ctx.db, &id)
        .await?
        .filter(|case| identity.subject.as_deref() == Some(case.owner.as_str()))
        .ok_or(AppError::NotFound)?;
    crate::documents::require_filing_level(
        &ctx.db,
        ctx.get::<dyn kernel::intake::FiledAnswers>().as_deref(),
        &identity,
        &case,
    )
    .await?;
    let process = processes.get().for_service(&case.service_id);
    let i18n = kernel::i18n::use_i18n();
    let events = crate::timeline::timeline(&ctx.db, &case.id, false).await?;
    let question = (case.state == State::WaitingForCitizen)
        .then(|| {
            events
                .iter()
                .rev()
                .find(|e| e.kind == crate::timeline::Kind::Action(Action::RequestInformation))
                .and_then(|e| e.body.clone())
        })
        .flatten();
    let decided = matches!(case.state, State::Decided | State::Closed);
    let documents = crate::documents::of_case(
        &ctx.db,
        ctx.get::<dyn kernel::intake::FiledAnswers>().as_deref(),
        &case,
        false,
    )
    .await?;
    Ok(CitizenCase {
        state: crate::tracker::citizen_state(&i18n, &process, case.state),
        filed: kernel::time::minute(case.submitted_at),
        decision: case
            .outcome
            .filter(|_| decided)
            .map(|outcome| (outcome, case.reason.clone())),
        question,
        timeline: events.into_iter().map(ShownEvent::from).collect(),
        documents,
        actions: process.actions(case.state, Actor::Citizen),
        version: case.version,
        open: !case.state.is_final(),
        unsent: crate::unsent::take_in_page(&case.id).await,
        service: case.service_title,
        reference: case.reference,
        id: case.id,
    })
}
