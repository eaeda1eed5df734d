//! Notes and messages on a case. A note is for staff only; a message goes between the
//! caseworkers and the citizen. Neither changes the state, so neither competes with a
//! decision for the case's version.

use kernel::{AppError, Identity};
use sea_orm::{ActiveValue::Set, DatabaseConnection};

use crate::{
    act::{find, roles_of, write},
    entity::case,
    lifecycle::{Actor, MAX_TEXT},
    timeline::Entry,
};

pub use crate::timeline::Comment;

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
    let entry = Entry {
        at: now,
        actor: subject,
        actor_name: identity.name.clone().unwrap_or_default(),
        kind: crate::timeline::Kind::Comment(comment),
        moved: None,
        body: Some(text.to_owned()),
        internal: comment == Comment::Note,
        documents: Vec::new(),
        reveals_letters: false,
        by_applicant: !staff,
    };
    let update = case::ActiveModel {
        updated_at: Set(now),
        ..Default::default()
    };
    write(db, id, None, update, entry).await
}
