//! The outbox worker: every couple of seconds it takes the due mails, claims each
//! (so several portal processes never send one twice at the same time), sends it and
//! records the outcome. A failed mail waits longer after every failure.

use std::time::Duration;

use kernel::mail;
use sea_orm::{DatabaseConnection, DbErr};

use super::{Composer, Transport, transport::SendError};
use crate::{auth::clock::Clock, server::Settings};

/// How often the worker looks for due mails.
const POLL: Duration = Duration::from_secs(1);
/// Mails taken per look.
const BATCH: u32 = 50;
/// How long a claimed mail is left to its worker before another may try it.
const LEASE_SECS: i64 = 120;

/// Starts the worker for `settings` on `db`, with the time of `clock`.
/// Stops when `stop` is cancelled.
pub fn spawn(
    db: DatabaseConnection,
    settings: &Settings,
    clock: Clock,
    stop: tokio_util::sync::CancellationToken,
) -> kernel::start::StartResult {
    let transport = Transport::from_settings(settings)?;
    let composer = Composer::new(settings)?;
    let retry_base = settings.mail.retry_base_seconds;
    tokio::spawn(async move {
        loop {
            let pass = deliver_due(&db, &transport, &composer, &clock, retry_base).await;
            if let Err(err) = kernel::job_runs::record("mail", pass) {
                tracing::warn!(error = %err, "mail outbox: cannot read the outbox");
            }
            tokio::select! {
                () = stop.cancelled() => return,
                () = tokio::time::sleep(POLL) => {}
            }
        }
    });
    Ok(())
}

/// Sends every mail due now; returns how many were sent.
pub async fn deliver_due(
    db: &DatabaseConnection,
    transport: &Transport,
    composer: &Composer,
    clock: &Clock,
    retry_base: u32,
) -> Result<usize, DbErr> {
    let mut sent = 0;
    loop {
        let batch = mail::due(db, clock.now(), BATCH).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for queued in batch {
            let now = clock.now();
            if !mail::claim(db, queued.id, now, now + LEASE_SECS).await? {
                continue;
            }
            let outcome = match composer.message(&queued) {
                Ok(message) => transport.send(queued.id, &message).await,
                Err(err) => Err(SendError::Permanent(err)),
            };
            match outcome {
                Ok(()) => {
                    mail::sent(db, queued.id, clock.now()).await?;
                    sent += 1;
                }
                Err(SendError::Transient(err)) => {
                    let attempts = queued.attempts + 1;
                    let retry_at = clock.now() + mail::backoff(retry_base, attempts);
                    tracing::warn!(mail = queued.id, attempts, error = %err, "mail not sent, will retry");
                    mail::retry(db, queued.id, retry_at, &err).await?;
                    // The server is likely down for the rest of the batch too.
                    return Ok(sent);
                }
                Err(SendError::Permanent(err)) => {
                    tracing::error!(mail = queued.id, error = %err, "mail cannot be sent");
                    mail::give_up(db, queued.id, &err).await?;
                }
            }
        }
    }
}
