//! The e-mail outbox. Modules call [`enqueue`] inside the transaction of the change a
//! mail reports, so the change and its mail exist together or not at all; the host's
//! worker sends what is due ([`due`], [`claim`]) and records the outcome ([`sent`],
//! [`retry`], [`give_up`]). A row keeps a template and its arguments, never a written
//! text: mails carry no answers of a request, only what a template shows (a reference
//! and a link), written in the recipient's language when sent.

use sea_orm::{ConnectionTrait, DbErr};

use crate::{Locale, sql::statement};

/// The argument whose value is an appointment's calendar file (RFC 5545): the mail
/// carries it as an attachment rather than in its text.
pub const CALENDAR_ARGUMENT: &str = "calendar";

/// A mail to be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    /// Address of the recipient.
    pub to: String,
    /// Their language.
    pub locale: Locale,
    /// Fluent key of the subject; `<template>-body` is the key of the text.
    pub template: String,
    /// Fluent arguments. A `path` argument (`/antraege/…`) is also given to the texts
    /// as `link`, the full address on the portal; so is each space-separated path of a
    /// `<name>_path` argument, as `<name>_link`. A [`CALENDAR_ARGUMENT`] is attached.
    pub args: Vec<(String, String)>,
    /// What it is about (`case:<id>`), so that deleting that deletes its mails.
    pub about: Option<String>,
}

/// A mail waiting in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queued {
    /// Row id.
    pub id: i64,
    /// Unique part of its `Message-ID`, the same for every attempt, so a receiver
    /// can tell a repeated delivery.
    pub message_id: String,
    /// The mail.
    pub mail: Mail,
    /// Attempts so far, this one included once claimed.
    pub attempts: i32,
}

/// A row as the development mail page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Row id.
    pub id: i64,
    /// Recipient.
    pub to: String,
    /// Template.
    pub template: String,
    /// Written (Unix seconds).
    pub created_at: i64,
    /// Sent (Unix seconds), if yet.
    pub sent_at: Option<i64>,
    /// Attempts so far.
    pub attempts: i32,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

/// Puts `mail` into the outbox, due at once.
pub async fn enqueue(db: &impl ConnectionTrait, mail: &Mail, now: i64) -> Result<(), DbErr> {
    let args = serde_json::to_string(&mail.args).map_err(|e| DbErr::Custom(e.to_string()))?;
    db.execute(statement(
        db,
        "INSERT INTO kernel_mail (message_id, recipient, locale, template, args, about, \
         created_at, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $7)",
        vec![
            uuid::Uuid::new_v4().simple().to_string().into(),
            mail.to.clone().into(),
            mail.locale.code().into(),
            mail.template.clone().into(),
            args.into(),
            mail.about.clone().into(),
            now.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Up to `limit` mails due at `now` and not being sent by a worker, oldest first.
pub async fn due(db: &impl ConnectionTrait, now: i64, limit: u32) -> Result<Vec<Queued>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT id, message_id, recipient, locale, template, args, about, attempts \
             FROM kernel_mail WHERE next_attempt_at <= $1 \
             AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_attempt_at, id LIMIT $2",
            vec![now.into(), i64::from(limit).into()],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            let args: String = row.try_get("", "args")?;
            let locale: String = row.try_get("", "locale")?;
            Ok(Queued {
                id: row.try_get("", "id")?,
                message_id: row.try_get("", "message_id")?,
                attempts: row.try_get("", "attempts")?,
                mail: Mail {
                    to: row.try_get("", "recipient")?,
                    locale: Locale::parse(&locale).unwrap_or_default(),
                    template: row.try_get("", "template")?,
                    args: serde_json::from_str(&args).unwrap_or_default(),
                    about: row.try_get("", "about")?,
                },
            })
        })
        .collect()
}

/// Takes mail `id` for sending until `lease_until`; `false` when another worker has
/// it or it is no longer due. A worker that dies mid-send leaves the lease to run out,
/// and the mail is sent again then.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i64,
    now: i64,
    lease_until: i64,
) -> Result<bool, DbErr> {
    crate::sql::claim_lease(db, "kernel_mail", id, now, lease_until).await
}

/// Mail `id` was accepted by the mail server at `now`.
pub async fn sent(db: &impl ConnectionTrait, id: i64, now: i64) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "UPDATE kernel_mail SET sent_at = $1, next_attempt_at = NULL, lease_until = NULL, \
         last_error = NULL WHERE id = $2",
        vec![now.into(), id.into()],
    ))
    .await?;
    Ok(())
}

/// Mail `id` failed with `error`; it is tried again at `retry_at`.
pub async fn retry(
    db: &impl ConnectionTrait,
    id: i64,
    retry_at: i64,
    error: &str,
) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "UPDATE kernel_mail SET next_attempt_at = $1, lease_until = NULL, last_error = $2 \
         WHERE id = $3",
        vec![retry_at.into(), short(error).into(), id.into()],
    ))
    .await?;
    Ok(())
}

/// Mail `id` can never be sent (the server refused the address for good); it stays
/// listed with `error`.
pub async fn give_up(db: &impl ConnectionTrait, id: i64, error: &str) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "UPDATE kernel_mail SET next_attempt_at = NULL, lease_until = NULL, last_error = $1 \
         WHERE id = $2",
        vec![short(error).into(), id.into()],
    ))
    .await?;
    Ok(())
}

/// Deletes the mails about `about` (sent or not), returning how many.
pub async fn forget(db: &impl ConnectionTrait, about: &str) -> Result<u64, DbErr> {
    let done = db
        .execute(statement(
            db,
            "DELETE FROM kernel_mail WHERE about = $1",
            vec![about.into()],
        ))
        .await?;
    Ok(done.rows_affected())
}

/// The columns of a [`Listed`] row.
const LISTED_COLUMNS: &str = "id, recipient, template, created_at, sent_at, attempts, last_error";

/// The newest `limit` mails, newest first.
pub async fn newest(db: &impl ConnectionTrait, limit: u32) -> Result<Vec<Listed>, DbErr> {
    listed(
        db,
        &format!("SELECT {LISTED_COLUMNS} FROM kernel_mail ORDER BY id DESC LIMIT $1"),
        vec![i64::from(limit).into()],
    )
    .await
}

/// The mails about `about` (sent or not), oldest first.
pub async fn about(db: &impl ConnectionTrait, about: &str) -> Result<Vec<Listed>, DbErr> {
    listed(
        db,
        &format!("SELECT {LISTED_COLUMNS} FROM kernel_mail WHERE about = $1 ORDER BY id"),
        vec![about.into()],
    )
    .await
}

async fn listed(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<Listed>, DbErr> {
    let rows = db.query_all(statement(db, sql, values)).await?;
    rows.iter()
        .map(|row| {
            Ok(Listed {
                id: row.try_get("", "id")?,
                to: row.try_get("", "recipient")?,
                template: row.try_get("", "template")?,
                created_at: row.try_get("", "created_at")?,
                sent_at: row.try_get("", "sent_at")?,
                attempts: row.try_get("", "attempts")?,
                last_error: row.try_get("", "last_error")?,
            })
        })
        .collect()
}

/// Error texts are kept short: they are for operators, not a log.
fn short(error: &str) -> String {
    error.chars().take(500).collect()
}

/// The pause before attempt `attempts + 1`: `base` seconds, doubled after every
/// failure, at most an hour.
pub fn backoff(base: u32, attempts: i32) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(20);
    (i64::from(base.max(1)) << doublings).min(3600)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(30, 1), 30);
        assert_eq!(backoff(30, 2), 60);
        assert_eq!(backoff(30, 4), 240);
        assert_eq!(backoff(30, 40), 3600);
        assert_eq!(backoff(0, 1), 1);
        assert_eq!(backoff(1, 0), 1);
    }
}
