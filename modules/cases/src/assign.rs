//! Who works on a case: a caseworker of its department takes it over (from nobody or
//! a colleague), hands it to a named colleague of the department, or gives it back to
//! the department's pool. Like a transition, it names the version seen, so two people
//! changing the same case at once do not both succeed.

use kernel::{AppError, Identity};
use sea_orm::{ActiveValue::Set, DatabaseConnection};

use crate::{
    act::{find, roles_of, write},
    case::Case,
    entity::case,
    lifecycle::{Actor, State},
    timeline::Entry,
};

/// A change of who works on the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assignment {
    /// The caseworker takes the case over.
    ToMe,
    /// A colleague of the department (their subject) gets it.
    To(String),
    /// Nobody works on it any more.
    Release,
}

impl Assignment {
    /// The spelling in forms and on the timeline.
    pub fn as_str(&self) -> &'static str {
        match self {
            Assignment::ToMe => "take_over",
            Assignment::To(_) => "assign",
            Assignment::Release => "release",
        }
    }

    /// What the timeline records of it.
    pub fn kind(&self) -> crate::timeline::Kind {
        use crate::timeline::Kind;
        match self {
            Assignment::ToMe => Kind::TakeOver,
            Assignment::To(_) => Kind::Assign,
            Assignment::Release => Kind::Release,
        }
    }

    /// Parses [`Assignment::as_str`]; handing over needs the colleague (`to`).
    pub fn parse(text: &str, to: Option<&str>) -> Option<Self> {
        match (text, to) {
            ("take_over", _) => Some(Assignment::ToMe),
            ("release", _) => Some(Assignment::Release),
            ("assign", Some(to)) if !to.is_empty() => Some(Assignment::To(to.to_owned())),
            _ => None,
        }
    }

    /// Whether it makes sense for `case` and the caseworker `subject` now: a case
    /// still to be claimed is claimed, not taken over; a finished one stays as it is.
    /// Handing over also works for a case nobody claimed yet.
    pub fn applies(&self, case: &Case, subject: &str) -> bool {
        let running = !case.state.is_final();
        let open = running && case.state != State::Submitted;
        match self {
            Assignment::ToMe => open && case.assignee.as_deref() != Some(subject),
            Assignment::To(to) => running && case.assignee.as_deref() != Some(to.as_str()),
            Assignment::Release => open && case.assignee.is_some(),
        }
    }
}

/// Changes who works on case `id`, for the caseworker `identity` at `now`.
pub async fn assign(
    db: &DatabaseConnection,
    id: &str,
    identity: &Identity,
    version: i32,
    assignment: &Assignment,
    now: i64,
) -> Result<(), AppError> {
    let subject = identity.subject.clone().ok_or(AppError::SignInRequired)?;
    let case = find(db, id).await?.ok_or(AppError::NotFound)?;
    if !roles_of(&case, identity).contains(&Actor::Caseworker) {
        return Err(AppError::NotFound);
    }
    if case.version != version {
        return Err(AppError::Conflict("cases-error-changed".into()));
    }
    if !assignment.applies(&case, &subject) {
        return Err(AppError::Conflict("cases-error-not-allowed".into()));
    }
    let name = identity.name.clone().unwrap_or_default();
    let (assignee, assignee_name) = match assignment {
        Assignment::ToMe => (Some(subject.clone()), Some(name.clone())),
        Assignment::To(to) => {
            let department = std::slice::from_ref(&case.department);
            let colleague = crate::directory::colleagues(db, department)
                .await?
                .into_iter()
                .find(|c| &c.subject == to)
                .ok_or_else(|| AppError::BadRequest("cases-error-unknown-colleague".into()))?;
            (Some(colleague.subject), Some(colleague.name))
        }
        Assignment::Release => (None, None),
    };
    let entry = Entry {
        at: now,
        actor: subject,
        actor_name: name,
        kind: assignment.kind(),
        moved: None,
        body: matches!(assignment, Assignment::To(_))
            .then(|| assignee_name.clone())
            .flatten(),
        internal: true,
        documents: Vec::new(),
        reveals_letters: false,
        by_applicant: false,
    };
    let update = case::ActiveModel {
        assignee: Set(assignee),
        assignee_name: Set(assignee_name),
        version: Set(case.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    write(db, id, Some(case.version), update, entry).await
}
