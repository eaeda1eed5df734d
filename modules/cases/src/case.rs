//! A case as pages and the API see it.

use serde::{Deserialize, Serialize};

use crate::lifecycle::{Outcome, State};

/// One case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Id (not guessable).
    pub id: String,
    /// The reference the citizen was given.
    pub reference: String,
    /// The submission it came from.
    pub submission_id: String,
    /// Service id.
    pub service_id: String,
    /// Service title when filed.
    pub service_title: kernel::Text,
    /// Responsible department.
    pub department: String,
    /// Team within the department, from the routing rules.
    pub team: Option<String>,
    /// The citizen's subject.
    pub owner: String,
    /// The citizen's name.
    pub applicant: String,
    /// Subject of the caseworker working on it.
    pub assignee: Option<String>,
    /// Their name.
    pub assignee_name: Option<String>,
    /// Where it stands.
    pub state: State,
    /// How it was decided (or is proposed to be, awaiting confirmation).
    pub outcome: Option<Outcome>,
    /// The reason given with the decision.
    pub reason: Option<String>,
    /// Who proposed the decision awaiting confirmation.
    pub proposed_by: Option<String>,
    /// The department asked for its opinion.
    pub consulted: Option<String>,
    /// Change counter; an action names the version it saw.
    pub version: i32,
    /// Filed (Unix seconds).
    pub submitted_at: i64,
    /// Last change.
    pub updated_at: i64,
    /// Due (moved back by the time spent waiting for the citizen).
    pub due_at: i64,
    /// Since when the deadline pauses.
    pub paused_since: Option<i64>,
}

impl Case {
    /// Whether the case is overdue at `now`.
    pub fn is_overdue(&self, now: i64) -> bool {
        crate::deadline::is_overdue(self.state, self.due_at, now)
    }
}

#[cfg(feature = "ssr")]
impl TryFrom<crate::entity::case::Model> for Case {
    type Error = sea_orm::DbErr;

    fn try_from(row: crate::entity::case::Model) -> Result<Self, Self::Error> {
        let unknown = |what: &str, value: &str| {
            sea_orm::DbErr::Custom(format!("case {}: unknown {what} \"{value}\"", row.id))
        };
        let state = State::parse(&row.state).ok_or_else(|| unknown("state", &row.state))?;
        let outcome = match &row.outcome {
            Some(text) => Some(Outcome::parse(text).ok_or_else(|| unknown("outcome", text))?),
            None => None,
        };
        let service_title = serde_json::from_str(&row.service_title)
            .map_err(|e| sea_orm::DbErr::Custom(format!("case {}: {e}", row.id)))?;
        Ok(Self {
            id: row.id,
            reference: row.reference,
            submission_id: row.submission_id,
            service_title,
            service_id: row.service_id,
            department: row.department,
            team: row.team,
            owner: row.owner,
            applicant: row.applicant,
            assignee: row.assignee,
            assignee_name: row.assignee_name,
            state,
            outcome,
            reason: row.reason,
            proposed_by: row.proposed_by,
            consulted: row.consulted,
            version: row.version,
            submitted_at: row.submitted_at,
            updated_at: row.updated_at,
            due_at: row.due_at,
            paused_since: row.paused_since,
        })
    }
}
