//! Notes and messages on a case. A note is for staff only; a message goes between the
//! caseworkers and the citizen. Neither changes the state, so neither competes with a
//! decision for the case's version.

use kernel::{AppError, Identity};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::{
    act::{find, roles_of},
    entity::{case, event},
    lifecycle::{Actor, MAX_TEXT},
};

/// What kind of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comment {
    /// Internal note: staff of the case's department (and a consulted one) only.
    Note,
    /// Message between the caseworkers and the citizen.
    Message,
}

impl Comment {
    /// The spelling in forms and on the timeline.
    pub fn as_str(self) -> &'static str {
        match self {
            Comment::Note => "note",
            Comment::Message => "message",
        }
    }

    /// Parses [`Comment::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [Comment::Note, Comment::Message]
            .into_iter()
            .find(|c| c.as_str() == text)
    }
}

/// Adds `text` as a `comment` to case `id` for `identity` at `now`.
pub async fn comment(
    db: &DatabaseConnection,
    id: &str,
    identity: &Identity,
    comment: Comment,
    text: &str,
    now: i64,
) -> Result<(), AppError> {
    let subject = identity.subject.clone().ok_or(AppError::SignInRequired)?;
    let case = find(db, id).await?.ok_or(AppError::NotFound)?;
    let roles = roles_of(&case, identity);
    if roles.is_empty() {
        return Err(AppError::NotFound);
    }
    let staff = roles
        .iter()
        .any(|r| matches!(r, Actor::Caseworker | Actor::Consulted));
    if comment == Comment::Note && !staff {
        return Err(AppError::NotFound);
    }
    if case.state.is_final() {
        return Err(AppError::Conflict("cases-error-not-allowed".into()));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::BadRequest("cases-error-text-required".into()));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(AppError::BadRequest("cases-error-text-too-long".into()));
    }
    let txn = db.begin().await?;
    case::Entity::update_many()
        .set(case::ActiveModel {
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(case::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    event::Entity::insert(event::ActiveModel {
        case_id: Set(id.to_owned()),
        at: Set(now),
        actor: Set(subject),
        actor_name: Set(identity.name.clone().unwrap_or_default()),
        kind: Set(comment.as_str().to_owned()),
        from_state: Set(None),
        to_state: Set(None),
        body: Set(Some(text.to_owned())),
        internal: Set(comment == Comment::Note),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}
