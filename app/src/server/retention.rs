//! The retention job: every module's expired data (closed cases past their service's
//! period, drafts past their expiry) is deleted hourly, and on demand with
//! `portal retention` (`--dry-run` lists what would go, deleting nothing).

use std::time::Duration;

use kernel::{ModuleContext, retention::Expired};

use crate::{auth::clock::Clock, registry::Modules};

/// How often the job runs in a serving portal.
const PERIOD: Duration = Duration::from_secs(3600);
/// How long after start-up it first runs: not while the portal warms up.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(60);

/// What a run found and did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Everything that had expired.
    pub expired: Vec<Expired>,
    /// How many of them were deleted (none in a dry run).
    pub deleted: usize,
    /// How many could not be deleted now (tried again next run).
    pub failed: usize,
}

/// Lists what has expired at `now` and, unless `dry_run`, deletes it.
pub async fn run(
    ctx: &ModuleContext,
    modules: &Modules,
    now: i64,
    dry_run: bool,
) -> Result<Report, kernel::AppError> {
    let mut report = Report::default();
    for retention in modules.0.iter().filter_map(|m| m.retention()) {
        let expired = retention.expired(ctx, now).await?;
        if !dry_run {
            for item in &expired {
                match retention.delete(ctx, item, now).await {
                    Ok(true) => report.deleted += 1,
                    Ok(false) => {}
                    Err(err) => {
                        tracing::warn!(kind = item.kind, id = %item.id, error = %err, "retention: not deleted");
                        report.failed += 1;
                    }
                }
            }
        }
        report.expired.extend(expired);
    }
    Ok(report)
}

/// Runs the job every hour for as long as the process runs. Every process may run it:
/// an item two processes delete at once goes once, the other finds it gone.
pub fn spawn(ctx: ModuleContext, modules: Modules, clock: Clock) {
    tokio::spawn(async move {
        let first = tokio::time::Instant::now() + FIRST_RUN_AFTER;
        let mut interval = tokio::time::interval_at(first, PERIOD);
        loop {
            interval.tick().await;
            match run(&ctx, &modules, clock.now(), false).await {
                Ok(report) if report.deleted > 0 || report.failed > 0 => {
                    tracing::info!(
                        deleted = report.deleted,
                        failed = report.failed,
                        "retention run"
                    );
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "retention run failed"),
            }
        }
    });
}
