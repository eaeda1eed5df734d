//! The retention job: every module's expired data (closed cases past their service's
//! period, drafts past their expiry) is deleted hourly, and on demand with
//! `portal retention` (`--dry-run` lists what would go, deleting nothing).

use std::time::Duration;

use kernel::{ModuleContext, retention::Expired};

use crate::auth::clock::Clock;

/// How often the job runs in a serving portal.
const PERIOD: Duration = Duration::from_secs(3600);
/// How long after start-up it first runs: not while the portal warms up.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(60);
/// How long a process keeps the job once it ran it: a little less than the period, so
/// that the next period's first process takes it again.
const LEASE: Duration = PERIOD.saturating_sub(Duration::from_secs(60));
/// The job's name in `kernel_job_lease`.
const JOB: &str = "retention";

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
pub async fn run(ctx: &ModuleContext, now: i64, dry_run: bool) -> Result<Report, kernel::AppError> {
    let mut report = Report::default();
    for (_, retention) in ctx.all::<dyn kernel::retention::Retention>() {
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

/// Runs the job when no other process has run it this period: takes the job's lease
/// for `holder` first. `None` when another process holds it.
pub async fn run_if_ours(
    ctx: &ModuleContext,
    holder: &str,
    now: i64,
) -> Result<Option<Report>, kernel::AppError> {
    let lease_until = now + LEASE.as_secs().cast_signed();
    if !kernel::sql::take_job(&ctx.db, JOB, holder, now, lease_until).await? {
        return Ok(None);
    }
    run(ctx, now, false).await.map(Some)
}

/// Runs the job every hour until the portal stops. Every process tries; the
/// lease lets one of them run it per period, whichever comes first.
pub fn spawn(ctx: ModuleContext, clock: Clock) {
    let holder = uuid::Uuid::new_v4().to_string();
    let job_ctx = ctx.clone();
    job_ctx.spawn_job(async move {
        let first = tokio::time::Instant::now() + FIRST_RUN_AFTER;
        let mut interval = tokio::time::interval_at(first, PERIOD);
        loop {
            interval.tick().await;
            let run = run_if_ours(&ctx, &holder, clock.now()).await;
            match kernel::job_runs::record("retention", run) {
                Ok(Some(report)) if report.deleted > 0 || report.failed > 0 => {
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
