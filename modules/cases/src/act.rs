//! Acting on a case: every transition is checked on the server (who may take it, from
//! which state), written with the version the person saw, so of two caseworkers
//! deciding at once one wins and the other is told, and recorded on the timeline in
//! the same transaction.

use kernel::write_transaction::begin_write;
use kernel::{AppError, Identity, Role};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use crate::{
    case::Case,
    deadline,
    entity::case,
    lifecycle::{Action, Actor, MAX_TEXT, Outcome, State},
    loader::Processes,
    process::Process,
    timeline::Entry,
};

/// What someone wants done to a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    /// The action.
    pub action: Action,
    /// The version of the case the person saw.
    pub version: i32,
    /// Reason, request, answer or opinion, as the action needs.
    pub text: String,
    /// The department to consult.
    pub department: Option<String>,
    /// Documents already received for it (answers, a decision letter, an opinion).
    pub files: Vec<kernel::upload::StoredFile>,
}

/// Who `identity` is to `case`, for `action`: the first role the process lets take it,
/// or any role they hold (so a refusal can say why); `None` when the case is none of
/// their business, which callers answer with "not found".
pub fn actor_for(
    case: &Case,
    identity: &Identity,
    process: &Process,
    action: Action,
) -> Option<Actor> {
    let roles = roles_of(case, identity);
    roles
        .iter()
        .copied()
        .find(|actor| process.next(case.state, action, *actor).is_some())
        .or_else(|| roles.first().copied())
}

/// Every role `identity` has towards `case`.
pub fn roles_of(case: &Case, identity: &Identity) -> Vec<Actor> {
    let mut roles = Vec::new();
    let staff = identity.has_role(Role::Caseworker);
    if staff && identity.departments.contains(&case.department) {
        roles.push(Actor::Caseworker);
    }
    if staff
        && case
            .consulted
            .as_ref()
            .is_some_and(|d| identity.departments.contains(d))
    {
        roles.push(Actor::Consulted);
    }
    if identity.subject.as_deref() == Some(case.owner.as_str()) {
        roles.push(Actor::Citizen);
    }
    roles
}

/// The case `id`, if it exists.
pub async fn find(db: &DatabaseConnection, id: &str) -> Result<Option<Case>, AppError> {
    match case::Entity::find_by_id(id.to_owned()).one(db).await? {
        Some(row) => Ok(Some(Case::try_from(row)?)),
        None => Ok(None),
    }
}

/// The id of the case opened for submission `submission_id`.
pub async fn case_for_submission(
    db: &DatabaseConnection,
    submission_id: &str,
) -> Result<Option<String>, AppError> {
    Ok(case::Entity::find()
        .filter(case::Column::SubmissionId.eq(submission_id))
        .one(db)
        .await?
        .map(|row| row.id))
}

fn refuse(key: &str) -> AppError {
    AppError::BadRequest(key.to_owned())
}

/// The text a command needs: required for some actions, never too long.
fn checked_text(command: &Command) -> Result<Option<String>, AppError> {
    let text = command.text.trim();
    if text.chars().count() > MAX_TEXT {
        return Err(refuse("cases-error-text-too-long"));
    }
    if command.action.needs_text() && text.is_empty() {
        return Err(refuse("cases-error-text-required"));
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// Writes `update` to case `id` if it is still at `version` (any version with `None`),
/// and appends `entry` to its timeline, in one transaction. A case changed meanwhile
/// is refused as "changed".
pub(crate) async fn write(
    db: &DatabaseConnection,
    id: &str,
    version: Option<i32>,
    update: case::ActiveModel,
    entry: Entry,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let mut query = case::Entity::update_many()
        .set(update)
        .filter(case::Column::Id.eq(id));
    if let Some(version) = version {
        query = query.filter(case::Column::Version.eq(version));
    }
    if query.exec(&txn).await?.rows_affected == 0 {
        txn.rollback().await?;
        return Err(AppError::Conflict("cases-error-changed".into()));
    }
    crate::record::append(entry, &txn, id).await?;
    txn.commit().await?;
    Ok(())
}

/// Takes `command` on case `id` for `identity` at `now`, by the process of the case's
/// service among `processes`; returns the changed case.
pub async fn act(
    db: &DatabaseConnection,
    processes: &Processes,
    id: &str,
    identity: &Identity,
    command: &Command,
    now: i64,
) -> Result<Case, AppError> {
    let subject = identity.subject.clone().ok_or(AppError::SignInRequired)?;
    let case = find(db, id).await?.ok_or(AppError::NotFound)?;
    let process = &processes.for_service(&case.service_id);
    let actor = actor_for(&case, identity, process, command.action).ok_or(AppError::NotFound)?;
    if case.version != command.version {
        return Err(AppError::Conflict("cases-error-changed".into()));
    }
    let to = process
        .next(case.state, command.action, actor)
        .ok_or_else(|| AppError::Conflict("cases-error-not-allowed".into()))?;
    let text = checked_text(command)?;
    let documents = match command.action.document_kind() {
        Some(kind) => command.files.iter().map(|f| (kind, f.clone())).collect(),
        None if command.files.is_empty() => Vec::new(),
        None => return Err(refuse("cases-error-no-files-here")),
    };
    let name = identity.name.clone().unwrap_or_default();

    let mut update = case::ActiveModel {
        state: Set(to.as_str().to_owned()),
        version: Set(case.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    let (due_at, paused_since) =
        deadline::after_move(case.state, to, case.due_at, case.paused_since, now);
    update.due_at = Set(due_at);
    update.paused_since = Set(paused_since);
    let mut internal = false;
    match command.action {
        Action::Claim => {
            update.assignee = Set(Some(subject.clone()));
            update.assignee_name = Set(Some(name.clone()));
        }
        Action::Approve | Action::Reject => {
            let outcome = Outcome::of_decision(command.action).unwrap_or(Outcome::Rejected);
            update.outcome = Set(Some(outcome.as_str().to_owned()));
            update.reason = Set(text.clone());
            if to == State::AwaitingConfirmation {
                // A proposal: only staff see it until a second person confirms.
                update.proposed_by = Set(Some(subject.clone()));
                internal = true;
            }
        }
        Action::Confirm => {
            if case.proposed_by.as_deref() == Some(subject.as_str()) {
                return Err(refuse("cases-error-four-eyes"));
            }
            update.proposed_by = Set(None);
        }
        Action::SendBack => {
            update.outcome = Set(None);
            update.reason = Set(None);
            update.proposed_by = Set(None);
            internal = true;
        }
        Action::Consult => {
            let department = command.department.clone().unwrap_or_default();
            if !process.definition.consult.contains(&department) {
                return Err(refuse("cases-error-unknown-department"));
            }
            update.consulted = Set(Some(department));
            internal = true;
        }
        Action::GiveOpinion => {
            update.consulted = Set(None);
            internal = true;
        }
        Action::Reopen => {
            update.outcome = Set(None);
            update.reason = Set(None);
        }
        Action::RequestInformation | Action::Answer | Action::Close | Action::Withdraw => {}
    }

    let body = match command.action {
        Action::Consult => command.department.clone().map(|d| match &text {
            Some(question) => format!("{d}: {question}"),
            None => d,
        }),
        _ => text,
    };
    let entry = Entry {
        at: now,
        actor: subject,
        actor_name: name,
        kind: crate::timeline::Kind::Action(command.action),
        moved: Some((Some(case.state), to)),
        body,
        internal,
        documents,
        reveals_letters: command.action == Action::Confirm,
        by_applicant: actor == Actor::Citizen,
    };
    write(db, id, Some(case.version), update, entry).await?;
    find(db, id).await?.ok_or(AppError::NotFound)
}
