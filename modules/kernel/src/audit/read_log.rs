//! Entries of what was only read (a case opened, an interface call) go on the record
//! through a queue: a background writer appends whatever has queued up as one batch
//! (one transaction on the chain's head), instead of one transaction per page view
//! that every other view waits for. A change is still recorded with [`super::record`]
//! inside its own transaction.
//!
//! An entry is written as soon as the writer is free, which under load is within
//! milliseconds. [`ReadLog::flush`] waits until everything noted before it is written:
//! a stopping process calls it after its last request; a database that is away is
//! tried again every second, and the entries wait in memory meanwhile.

use std::time::Duration;

use sea_orm::DatabaseConnection;
use tokio::sync::{mpsc, oneshot};

use super::AuditEntry;

/// Most entries written in one transaction.
const BATCH: usize = 5_000;

/// How long the writer waits before trying a failed batch again.
const RETRY_AFTER: Duration = Duration::from_secs(1);

enum Message {
    Entry(AuditEntry),
    Flush(oneshot::Sender<()>),
}

/// The queue of read entries of one process.
#[derive(Clone, Debug)]
pub struct ReadLog {
    queue: mpsc::UnboundedSender<Message>,
}

impl ReadLog {
    /// Starts the writer on `db`; it ends when every handle is dropped and the queue
    /// is written.
    pub fn start(db: DatabaseConnection) -> Self {
        let (queue, received) = mpsc::unbounded_channel();
        tokio::spawn(write(db, received));
        Self { queue }
    }

    /// Puts `entry` on the record (soon).
    pub fn note(&self, entry: AuditEntry) {
        if self.queue.send(Message::Entry(entry)).is_err() {
            tracing::error!("the audit trail's writer has stopped: a read is not on the record");
        }
    }

    /// Waits until every entry noted before is written.
    pub async fn flush(&self) {
        let (done, written) = oneshot::channel();
        if self.queue.send(Message::Flush(done)).is_ok() {
            let _ = written.await;
        }
    }
}

/// The writer: takes what has queued up, appends it, answers the flushes waiting.
async fn write(db: DatabaseConnection, mut received: mpsc::UnboundedReceiver<Message>) {
    let mut pending: Vec<AuditEntry> = Vec::new();
    let mut flushes: Vec<oneshot::Sender<()>> = Vec::new();
    let mut open = true;
    loop {
        if pending.is_empty() && flushes.is_empty() {
            if !open {
                return;
            }
            match received.recv().await {
                Some(message) => take(message, &mut pending, &mut flushes),
                None => open = false,
            }
        }
        while pending.len() < BATCH {
            match received.try_recv() {
                Ok(message) => take(message, &mut pending, &mut flushes),
                Err(mpsc::error::TryRecvError::Empty) => break,
                Err(mpsc::error::TryRecvError::Disconnected) => {
                    open = false;
                    break;
                }
            }
        }
        if !pending.is_empty() {
            if let Err(error) = super::record_all(&db, &pending).await {
                tracing::error!(%error, entries = pending.len(), "reads not yet on the record; trying again");
                tokio::time::sleep(RETRY_AFTER).await;
                continue;
            }
            pending.clear();
        }
        // A flush taken in this round came after the entries just written.
        for done in flushes.drain(..) {
            let _ = done.send(());
        }
    }
}

fn take(message: Message, pending: &mut Vec<AuditEntry>, flushes: &mut Vec<oneshot::Sender<()>>) {
    match message {
        Message::Entry(entry) => pending.push(entry),
        Message::Flush(done) => flushes.push(done),
    }
}
