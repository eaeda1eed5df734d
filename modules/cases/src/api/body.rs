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
    #[schema(examples("3f6c2a1e-8b4d-4e7f-9c0a-5d1b2e3f4a6b"))]
    pub id: String,
    /// The reference the citizen was given.
    #[schema(examples("BPA-2026-000123"))]
    pub reference: String,
    /// The service's id.
    #[schema(examples("bewohnerparkausweis"))]
    pub service_id: String,
    /// The service's title when filed (German).
    #[schema(examples("Bewohnerparkausweis beantragen"))]
    pub service_title: String,
    /// The responsible department.
    #[schema(examples("kvr"))]
    pub department: String,
    /// Where the case stands.
    #[schema(inline)]
    pub state: State,
    /// `approved` or `rejected` once decided (or proposed so).
    #[schema(examples("approved"))]
    pub outcome: Option<String>,
    /// The applicant's name.
    #[schema(examples("Erika Mustermann"))]
    pub applicant: String,
    /// Who works on it.
    #[schema(examples("Max Huber"))]
    pub assignee: Option<String>,
    /// When it was filed (RFC 3339, UTC).
    #[schema(format = DateTime, examples("2026-12-01T09:30:00Z"))]
    pub submitted_at: String,
    /// When it is due (RFC 3339, UTC).
    #[schema(format = DateTime, examples("2026-12-15T09:30:00Z"))]
    pub due_at: String,
    /// Whether it is past due.
    #[schema(examples(false))]
    pub overdue: bool,
    /// The version an action must name.
    #[schema(examples(3))]
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
    #[schema(examples("1764581400_3f6c2a1e-8b4d-4e7f-9c0a-5d1b2e3f4a6b"))]
    pub next: Option<String>,
}

/// One case with everything a back-office system needs to process it.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseDetail {
    /// The case as listed.
    pub case: CaseSummary,
    /// The reason given with the decision.
    #[schema(examples("Alle Voraussetzungen sind erfüllt."))]
    pub reason: Option<String>,
    /// The team within the department, from the routing rules.
    #[schema(examples("parkausweise-nord"))]
    pub team: Option<String>,
    /// The department asked for its opinion.
    #[schema(examples("baureferat"))]
    pub consulted: Option<String>,
    /// The service's LeiKa key, when its definition has one.
    #[schema(examples("urn:de:fim:leika:leistung:99108001000000"))]
    pub leika: Option<String>,
    /// The request's data: values by field id, in the shape of the service's
    /// submission schema (`portal services export-schema <service>`).
    #[schema(schema_with = request_data)]
    pub data: serde_json::Value,
    /// The answers as the caseworker reads them, step by step (German).
    pub answers: Vec<AnswerStep>,
    /// The case's documents.
    pub documents: Vec<DocumentLink>,
    /// What the client may do to the case now.
    #[schema(inline)]
    pub actions: Vec<Action>,
}

/// The schema of [`CaseDetail::data`]: an object whose members each service's
/// submission schema names (a derived `Value` would carry no example).
fn request_data() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::Object)
        .description(Some(
            "The request's data: values by field id, in the shape of the service's \
             submission schema (`portal services export-schema <service>`).",
        ))
        .examples([serde_json::json!({
            "given_name": "Erika",
            "family_name": "Mustermann",
            "plate": "M-AB 1234"
        })])
        .build()
}

/// One step of the form with its answers.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AnswerStep {
    /// The step's title.
    #[schema(examples("Ihr Fahrzeug"))]
    pub title: String,
    /// Label and answer, in form order.
    pub rows: Vec<AnswerRow>,
}

/// One answer.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AnswerRow {
    /// The question.
    #[schema(examples("Amtliches Kennzeichen"))]
    pub label: String,
    /// The answer as shown.
    #[schema(examples("M-AB 1234"))]
    pub value: String,
}

/// A document of the case.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct DocumentLink {
    /// Id.
    #[schema(examples("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))]
    pub id: String,
    /// File name.
    #[schema(examples("zulassungsbescheinigung.pdf"))]
    pub name: String,
    /// Media type.
    #[schema(examples("application/pdf"))]
    pub media_type: String,
    /// Size in bytes.
    #[schema(examples(184320))]
    pub size: u64,
    /// `request` (filed with it), `answer`, `letter`, `opinion`.
    #[schema(examples("request"))]
    pub kind: String,
    /// Where to download it (with the same token).
    #[schema(examples(
        "/api/v1/cases/3f6c2a1e-8b4d-4e7f-9c0a-5d1b2e3f4a6b/documents/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    ))]
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
    #[schema(examples(3))]
    pub version: i32,
    /// Reason, question or opinion, where the action needs one (up to 4,000 characters).
    #[serde(default)]
    #[schema(examples("Bitte reichen Sie die Zulassungsbescheinigung Teil I nach."))]
    pub text: Option<String>,
    /// The department to consult (action `consult`).
    #[serde(default)]
    #[schema(examples("baureferat"))]
    pub department: Option<String>,
}

/// A message to the citizen or an internal note.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextRequest {
    /// The text (up to 4,000 characters).
    #[schema(examples("Ihr Ausweis liegt ab Montag zur Abholung bereit."))]
    pub text: String,
}

/// Confirms a message or note.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Written {
    /// The case's id.
    #[schema(examples("3f6c2a1e-8b4d-4e7f-9c0a-5d1b2e3f4a6b"))]
    pub case_id: String,
}
