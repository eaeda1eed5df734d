//! Retention: what the portal may keep only for a while (closed cases after their
//! service's retention period, drafts after their expiry) is deleted by a scheduled
//! job. Each module that keeps such data lists what has expired and deletes one item
//! at a time; the host's job runs them all, and a dry run lists the same items the
//! real run would delete.

use async_trait::async_trait;

use crate::{AppError, ModuleContext};

/// Something whose retention period is over.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Expired {
    /// What it is (`case`, `draft`).
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Non-personal words for the list: a reference number and a service.
    pub label: String,
    /// Since when it may be deleted (Unix seconds).
    pub since: i64,
}

/// A module's data that expires.
#[async_trait]
pub trait Retention: Send + Sync {
    /// Everything that has expired at `now`, oldest first.
    async fn expired(&self, ctx: &ModuleContext, now: i64) -> Result<Vec<Expired>, AppError>;

    /// Deletes `item` with everything that belongs to it (files, messages, mails),
    /// unless it changed since it was listed and has not expired any more; returns
    /// whether it went.
    async fn delete(&self, ctx: &ModuleContext, item: &Expired, now: i64)
    -> Result<bool, AppError>;
}
