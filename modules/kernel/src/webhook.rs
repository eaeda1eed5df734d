//! The webhook outbox. Modules call [`note`] inside the transaction of the change an
//! event reports, so the change and its event exist together or not at all. The host's
//! worker gives every event to the subscriptions that want it ([`fan_out`]), sends what
//! is due ([`due`], [`claim`]) and records each attempt ([`delivered`], [`retry`],
//! [`give_up`]); department administrators read the outcome ([`log`]). Delivery is at
//! least once: a receiver tells repeats apart by the event id.

use crate::write_transaction::begin_write;
use sea_orm::{ConnectionTrait, DbErr, TransactionTrait};
use serde::{Deserialize, Serialize};

use crate::sql::statement;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// A request was filed and its case opened.
    #[serde(rename = "case.submitted")]
    CaseSubmitted,
    /// A case moved to another state.
    #[serde(rename = "case.state_changed")]
    CaseStateChanged,
    /// The citizen wrote a message (or answered a question).
    #[serde(rename = "case.message_from_citizen")]
    CaseMessageFromCitizen,
    /// An appointment was booked (confirmed).
    #[serde(rename = "appointment.booked")]
    AppointmentBooked,
    /// An appointment was moved to another time (the payload names both).
    #[serde(rename = "appointment.moved")]
    AppointmentMoved,
    /// A booked appointment was cancelled.
    #[serde(rename = "appointment.cancelled")]
    AppointmentCancelled,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 6] = [
        Self::CaseSubmitted,
        Self::CaseStateChanged,
        Self::CaseMessageFromCitizen,
        Self::AppointmentBooked,
        Self::AppointmentMoved,
        Self::AppointmentCancelled,
    ];

    /// The spelling in payloads and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CaseSubmitted => "case.submitted",
            Self::CaseStateChanged => "case.state_changed",
            Self::CaseMessageFromCitizen => "case.message_from_citizen",
            Self::AppointmentBooked => "appointment.booked",
            Self::AppointmentMoved => "appointment.moved",
            Self::AppointmentCancelled => "appointment.cancelled",
        }
    }

    /// Parses [`EventKind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// An event to tell subscribers about. The payload names things (ids, states, a
/// reference), never what a citizen wrote: receivers read that through the API.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// The department it concerns; subscriptions are per department.
    pub department: String,
    /// The case it concerns, if one.
    pub case_id: Option<String>,
    /// What the receiver gets besides the envelope.
    pub payload: serde_json::Value,
}

/// Notes `event` at `now`; returns its id (the receivers' key for de-duplication).
pub async fn note(db: &impl ConnectionTrait, event: &Event, now: i64) -> Result<String, DbErr> {
    let id = uuid::Uuid::new_v4().to_string();
    db.execute(statement(
        db,
        "INSERT INTO kernel_webhook_event (id, kind, department, case_id, payload, noted_at, \
         fanned_out) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            id.clone().into(),
            event.kind.as_str().into(),
            event.department.clone().into(),
            event.case_id.clone().into(),
            event.payload.to_string().into(),
            now.into(),
            false.into(),
        ],
    ))
    .await?;
    Ok(id)
}

/// An event not yet given to its subscriptions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unfanned {
    /// Event id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Its department.
    pub department: String,
}

/// Up to `limit` events not yet given to their subscriptions, in the order noted.
pub async fn unfanned(db: &impl ConnectionTrait, limit: u32) -> Result<Vec<Unfanned>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT id, kind, department FROM kernel_webhook_event WHERE fanned_out = $1 \
             ORDER BY seq LIMIT $2",
            vec![false.into(), i64::from(limit).into()],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Unfanned {
                id: row.try_get("", "id")?,
                kind: row.try_get("", "kind")?,
                department: row.try_get("", "department")?,
            })
        })
        .collect()
}

/// A subscription as the outbox needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The subscription's name.
    pub subscription: String,
    /// Where to send.
    pub url: String,
}

/// Gives event `event` to `targets` at `now`, once: a second worker doing the same finds
/// it given already and adds nothing.
pub async fn fan_out(
    db: &impl TransactionTrait,
    event: &Unfanned,
    targets: &[Target],
    now: i64,
) -> Result<(), DbErr> {
    let txn = begin_write(db).await?;
    let taken = txn
        .execute(statement(
            &txn,
            "UPDATE kernel_webhook_event SET fanned_out = $1 WHERE id = $2 AND fanned_out = $3",
            vec![true.into(), event.id.clone().into(), false.into()],
        ))
        .await?;
    if taken.rows_affected() == 1 {
        for target in targets {
            txn.execute(statement(
                &txn,
                "INSERT INTO kernel_webhook_delivery (event_id, subscription, department, url, \
                 created_at, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0, $5)",
                vec![
                    event.id.clone().into(),
                    target.subscription.clone().into(),
                    event.department.clone().into(),
                    target.url.clone().into(),
                    now.into(),
                ],
            ))
            .await?;
        }
    }
    txn.commit().await
}

/// A delivery due to be tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// Delivery id.
    pub id: i64,
    /// The event's id.
    pub event_id: String,
    /// Its kind.
    pub kind: String,
    /// The subscription.
    pub subscription: String,
    /// Where to send.
    pub url: String,
    /// When the event happened.
    pub noted_at: i64,
    /// The event's department.
    pub department: String,
    /// Its case.
    pub case_id: Option<String>,
    /// Its payload (JSON).
    pub payload: String,
    /// Attempts so far (before this one).
    pub attempts: i32,
}

/// Up to `limit` deliveries due at `now` and not being tried by a worker, oldest first.
pub async fn due(db: &impl ConnectionTrait, now: i64, limit: u32) -> Result<Vec<Due>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT d.id, d.event_id, e.kind, d.subscription, d.url, e.noted_at, e.department, \
             e.case_id, e.payload, d.attempts FROM kernel_webhook_delivery d \
             JOIN kernel_webhook_event e ON e.id = d.event_id \
             WHERE d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until < $1) \
             ORDER BY d.next_attempt_at, d.id LIMIT $2",
            vec![now.into(), i64::from(limit).into()],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Due {
                id: row.try_get("", "id")?,
                event_id: row.try_get("", "event_id")?,
                kind: row.try_get("", "kind")?,
                subscription: row.try_get("", "subscription")?,
                url: row.try_get("", "url")?,
                noted_at: row.try_get("", "noted_at")?,
                department: row.try_get("", "department")?,
                case_id: row.try_get("", "case_id")?,
                payload: row.try_get("", "payload")?,
                attempts: row.try_get("", "attempts")?,
            })
        })
        .collect()
}

/// Takes delivery `id` until `lease_until`; `false` when another worker has it or it
/// is no longer due. A worker that dies mid-send leaves the lease to run out.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i64,
    now: i64,
    lease_until: i64,
) -> Result<bool, DbErr> {
    crate::sql::claim_lease(db, "kernel_webhook_delivery", id, now, lease_until).await
}

/// Delivery `id` was accepted with `status` at `now`.
pub async fn delivered(
    db: &impl ConnectionTrait,
    id: i64,
    now: i64,
    status: u16,
) -> Result<(), DbErr> {
    finish(db, id, "delivered_at", now, Some(status), None).await
}

/// Delivery `id` failed (`status`, if the receiver answered, and why); try again at
/// `retry_at`.
pub async fn retry(
    db: &impl ConnectionTrait,
    id: i64,
    retry_at: i64,
    status: Option<u16>,
    error: &str,
) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "UPDATE kernel_webhook_delivery SET next_attempt_at = $1, lease_until = NULL, \
         last_status = $2, last_error = $3 WHERE id = $4",
        vec![
            retry_at.into(),
            status.map(i32::from).into(),
            short(error).into(),
            id.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Delivery `id` failed for the last time at `now`.
pub async fn give_up(
    db: &impl ConnectionTrait,
    id: i64,
    now: i64,
    status: Option<u16>,
    error: &str,
) -> Result<(), DbErr> {
    finish(db, id, "failed_at", now, status, Some(error)).await
}

async fn finish(
    db: &impl ConnectionTrait,
    id: i64,
    column: &str,
    now: i64,
    status: Option<u16>,
    error: Option<&str>,
) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        &format!(
            "UPDATE kernel_webhook_delivery SET {column} = $1, next_attempt_at = NULL, \
             lease_until = NULL, last_status = $2, last_error = $3 WHERE id = $4"
        ),
        vec![
            now.into(),
            status.map(i32::from).into(),
            error.map(short).into(),
            id.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Error texts are kept short: they are for administrators, not a log.
fn short(error: &str) -> String {
    error.chars().take(300).collect()
}

/// One delivery as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logged {
    /// The event's id.
    pub event_id: String,
    /// Its kind.
    pub kind: String,
    /// The subscription.
    pub subscription: String,
    /// The department.
    pub department: String,
    /// Where it goes.
    pub url: String,
    /// When the event happened.
    pub noted_at: i64,
    /// Attempts so far.
    pub attempts: i32,
    /// When it was accepted.
    pub delivered_at: Option<i64>,
    /// When the worker gave up.
    pub failed_at: Option<i64>,
    /// When it is tried next.
    pub next_attempt_at: Option<i64>,
    /// The receiver's last status.
    pub last_status: Option<i32>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

/// The newest `limit` deliveries of `departments`.
pub async fn log(
    db: &impl ConnectionTrait,
    departments: &[String],
    limit: u32,
) -> Result<Vec<Logged>, DbErr> {
    if departments.is_empty() {
        return Ok(Vec::new());
    }
    let places: Vec<String> = (0..departments.len())
        .map(|i| format!("${}", i + 2))
        .collect();
    let mut values: Vec<sea_orm::Value> = vec![i64::from(limit).into()];
    values.extend(departments.iter().map(|d| d.clone().into()));
    let rows = db
        .query_all(statement(
            db,
            &format!(
                "SELECT d.event_id, e.kind, d.subscription, d.department, d.url, e.noted_at, \
                 d.attempts, d.delivered_at, d.failed_at, d.next_attempt_at, d.last_status, \
                 d.last_error FROM kernel_webhook_delivery d \
                 JOIN kernel_webhook_event e ON e.id = d.event_id \
                 WHERE d.department IN ({}) ORDER BY d.created_at DESC, d.id DESC LIMIT $1",
                places.join(", ")
            ),
            values,
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Logged {
                event_id: row.try_get("", "event_id")?,
                kind: row.try_get("", "kind")?,
                subscription: row.try_get("", "subscription")?,
                department: row.try_get("", "department")?,
                url: row.try_get("", "url")?,
                noted_at: row.try_get("", "noted_at")?,
                attempts: row.try_get("", "attempts")?,
                delivered_at: row.try_get("", "delivered_at")?,
                failed_at: row.try_get("", "failed_at")?,
                next_attempt_at: row.try_get("", "next_attempt_at")?,
                last_status: row.try_get("", "last_status")?,
                last_error: row.try_get("", "last_error")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::EventKind;

    #[test]
    fn kinds_are_spelt_as_configured() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
