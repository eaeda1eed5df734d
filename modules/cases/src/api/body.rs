//! What the cases interface sends and takes.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{
    case::Case,
    lifecycle::{Action, State},
};

/// A case as listed.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseSummary {
    /// Id (not guessable).
    pub id: String,
    /// The reference the citizen was given.
    pub reference: String,
    /// The service's id.
    pub service_id: String,
    /// The service's title when filed (German).
    pub service_title: String,
    /// The responsible department.
    pub department: String,
    /// Where the case stands.
    #[schema(inline)]
    pub state: State,
    /// `approved` or `rejected` once decided (or proposed so).
    pub outcome: Option<String>,
    /// The applicant's name.
    pub applicant: String,
    /// Who works on it.
    pub assignee: Option<String>,
    /// When it was filed (RFC 3339, UTC).
    #[schema(format = DateTime)]
    pub submitted_at: String,
    /// When it is due (RFC 3339, UTC).
    #[schema(format = DateTime)]
    pub due_at: String,
    /// Whether it is past due.
    pub overdue: bool,
    /// The version an action must name.
    pub version: i32,
}

impl CaseSummary {
    /// `case` as listed at `now`.
    pub fn of(case: &Case, now: i64) -> Self {
        Self {
            id: case.id.clone(),
            reference: case.reference.clone(),
            service_id: case.service_id.clone(),
            service_title: case.service_title.de().to_owned(),
            department: case.department.clone(),
            state: case.state,
            outcome: case.outcome.map(|o| o.as_str().to_owned()),
            applicant: case.applicant.clone(),
            assignee: case.assignee_name.clone(),
            submitted_at: timestamp(case.submitted_at),
            due_at: timestamp(case.due_at),
            overdue: case.is_overdue(now),
            version: case.version,
        }
    }
}

/// Unix seconds as RFC 3339.
pub fn timestamp(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One page of cases.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseList {
    /// The cases, newest first (or oldest first when asked).
    pub items: Vec<CaseSummary>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// One case with everything a back-office system needs to process it.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseDetail {
    /// The case as listed.
    pub case: CaseSummary,
    /// The reason given with the decision.
    pub reason: Option<String>,
    /// The team within the department, from the routing rules.
    pub team: Option<String>,
    /// The department asked for its opinion.
    pub consulted: Option<String>,
    /// The service's LeiKa key, when its definition has one.
    pub leika: Option<String>,
    /// The request's data: values by field id, in the shape of the service's
    /// submission schema (`portal services export-schema <service>`).
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    /// The answers as the caseworker reads them, step by step (German).
    pub answers: Vec<AnswerStep>,
    /// The case's documents.
    pub documents: Vec<DocumentLink>,
    /// What the client may do to the case now.
    #[schema(inline)]
    pub actions: Vec<Action>,
}

/// One step of the form with its answers.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AnswerStep {
    /// The step's title.
    pub title: String,
    /// Label and answer, in form order.
    pub rows: Vec<AnswerRow>,
}

/// One answer.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AnswerRow {
    /// The question.
    pub label: String,
    /// The answer as shown.
    pub value: String,
}

/// A document of the case.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct DocumentLink {
    /// Id.
    pub id: String,
    /// File name.
    pub name: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// `request` (filed with it), `answer`, `letter`, `opinion`.
    pub kind: String,
    /// Where to download it (with the same token).
    pub href: String,
}

/// An action to take on a case.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    /// The action; which ones are possible now is in the case's `actions`.
    #[schema(inline)]
    pub action: Action,
    /// The case's `version` the decision was taken on.
    pub version: i32,
    /// Reason, question or opinion, where the action needs one (up to 4,000 characters).
    #[serde(default)]
    pub text: Option<String>,
    /// The department to consult (action `consult`).
    #[serde(default)]
    pub department: Option<String>,
}

/// A message to the citizen or an internal note.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextRequest {
    /// The text (up to 4,000 characters).
    pub text: String,
}

/// Confirms a message or note.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Written {
    /// The case's id.
    pub case_id: String,
}
