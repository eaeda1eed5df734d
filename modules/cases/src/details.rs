//! What the case page shows: the case, the answers as filed, the timeline and the
//! actions the person may take now.

use kernel::{AppError, text::AnswerSection};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    case::Case,
    lifecycle::Action,
    shown::{ShownDocument, ShownEvent},
};

/// Everything on the case page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetails {
    /// The case.
    pub case: Case,
    /// Filed, `DD.MM.YYYY HH:MM`.
    pub filed: String,
    /// Due, `DD.MM.YYYY`.
    pub due: String,
    /// Past its deadline.
    pub overdue: bool,
    /// The answers as filed.
    pub answers: Vec<AnswerSection>,
    /// The documents.
    pub documents: Vec<ShownDocument>,
    /// Appointments the citizen booked for the request.
    pub appointments: Vec<ShownAppointment>,
    /// What happened, oldest first.
    pub timeline: Vec<ShownEvent>,
    /// What the person may do now.
    pub actions: Vec<Action>,
    /// Departments that may be consulted.
    pub consult: Vec<String>,
    /// Changes of who works on it the caseworker may make (`take_over`, `release`).
    pub assignments: Vec<String>,
    /// Colleagues of the department the case can be handed to.
    pub colleagues: Vec<crate::inbox::Colleague>,
    /// Text of a refused post, back in its field: action and text.
    pub unsent: Option<(String, String)>,
    /// A second person confirms decisions in this case's process.
    pub four_eyes: bool,
    /// The decision waiting for confirmation is this person's own.
    pub proposed_by_me: bool,
}

/// An appointment booked for the request, as the case page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownAppointment {
    /// When it starts, `DD.MM.YYYY HH:MM`.
    pub when: String,
    /// The office's name.
    pub office: String,
    /// Its reference.
    pub reference: String,
    /// Cancelled (or moved to another time, which is listed too).
    pub cancelled: bool,
}

/// The case `id` for a caseworker of its department (or a consulted one).
#[server(endpoint = "cases/details")]
pub async fn case_for_staff(id: String) -> Result<CaseDetails, AppError> {
    use crate::{act::roles_of, lifecycle::Actor};

    let identity =
        kernel::access::authorize(&kernel::Requirement::any_role(&[kernel::Role::Caseworker]))?;
    let ctx = crate::pages::ssr::context()?;
    let processes = crate::pages::ssr::processes()?;
    let case = crate::act::find(&ctx.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let roles = roles_of(&case, &identity);
    let staff: Vec<Actor> = roles
        .into_iter()
        .filter(|r| matches!(r, Actor::Caseworker | Actor::Consulted))
        .collect();
    if staff.is_empty() {
        return Err(AppError::NotFound);
    }
    let process = processes.get().for_service(&case.service_id);
    let mut actions = Vec::new();
    for actor in &staff {
        for action in process.actions(case.state, *actor) {
            if !actions.contains(&action) {
                actions.push(action);
            }
        }
    }
    let subject = identity.subject.clone().unwrap_or_default();
    let proposed_by_me = case.proposed_by.as_deref() == Some(subject.as_str());
    if proposed_by_me {
        // Confirming is for a second person: not offered to the one who decided.
        actions.retain(|action| *action != Action::Confirm);
    }
    let i18n = kernel::i18n::use_i18n();
    let answers = match &ctx.get::<dyn kernel::intake::FiledAnswers>() {
        Some(filed) => filed
            .answers(&ctx.db, &case.submission_id, i18n)
            .await?
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let documents = crate::documents::of_case(
        &ctx.db,
        ctx.get::<dyn kernel::intake::FiledAnswers>().as_deref(),
        &case,
        true,
    )
    .await?;
    let appointments = match ctx.get::<dyn kernel::booking::RequestAppointments>() {
        Some(booked) => booked
            .for_request(&ctx, &case.submission_id)
            .await?
            .into_iter()
            .map(|a| ShownAppointment {
                when: kernel::time::minute(a.starts_at),
                office: a.office,
                reference: a.reference,
                cancelled: a.cancelled,
            })
            .collect(),
        None => Vec::new(),
    };
    let timeline = crate::timeline::timeline(&ctx.db, &case.id, true)
        .await?
        .into_iter()
        .map(ShownEvent::from)
        .collect();
    let now = chrono::Utc::now().timestamp();
    // Staff reading a case's personal data is on the record.
    ctx.reads.note(kernel::audit::AuditEntry {
        at: now,
        actor: identity.subject.clone().unwrap_or_default(),
        actor_name: identity.name.clone().unwrap_or_default(),
        action: "read".into(),
        case_id: Some(case.id.clone()),
        detail: None,
    });
    if let Some(seen) = use_context::<crate::directory::SeenStaff>() {
        crate::directory::record_staff(&ctx.db, &seen, &identity, now).await?;
    }
    let caseworker = staff.contains(&Actor::Caseworker);
    let colleagues = if caseworker && !case.state.is_final() {
        crate::directory::colleagues(&ctx.db, std::slice::from_ref(&case.department))
            .await?
            .into_iter()
            // Neither the one who has it nor oneself: taking it is "take over".
            .filter(|c| {
                case.assignee.as_deref() != Some(c.subject.as_str()) && c.subject != subject
            })
            .collect()
    } else {
        Vec::new()
    };
    let assignments = [
        crate::assign::Assignment::ToMe,
        crate::assign::Assignment::Release,
    ]
    .into_iter()
    .filter(|a| caseworker && a.applies(&case, &subject))
    .map(|a| a.as_str().to_owned())
    .collect();
    Ok(CaseDetails {
        unsent: crate::unsent::take_in_page(&case.id).await,
        assignments,
        colleagues,
        filed: kernel::time::minute(case.submitted_at),
        due: kernel::time::day(case.due_at),
        overdue: case.is_overdue(now),
        answers,
        documents,
        appointments,
        timeline,
        actions,
        consult: process.definition.consult.clone(),
        four_eyes: process.definition.four_eyes,
        proposed_by_me,
        case,
    })
}
