//! Keeping the service index current: a background task reads the search outbox after
//! its position, asks each changed document's module for its current version and
//! replaces it in the index, a batch at a time. A change to the public catalogue moves
//! the process's content version on (pages stored for every visitor are outdated).

use std::{collections::BTreeMap, sync::Arc, time::Duration};

use kernel::{
    AppError, ModuleContext,
    search::SearchSource,
    search_outbox::{self, Change, EVERYTHING},
};

use crate::{follower::Follower, service_index::ServiceIndex};

/// How often the outbox is read: a change is searchable within about this long.
pub const POLL: Duration = Duration::from_millis(200);

/// Changes read and applied at once.
pub const BATCH: u64 = 1000;

/// How often outbox rows older than the kept days are deleted.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// The ids per module in `changes`, each once; `None` for a module whose documents
/// all changed.
pub fn by_module(changes: &[Change]) -> BTreeMap<&str, Option<Vec<String>>> {
    let mut modules: BTreeMap<&str, Option<Vec<String>>> = BTreeMap::new();
    for change in changes {
        let entry = modules
            .entry(change.module.as_str())
            .or_insert_with(|| Some(Vec::new()));
        match entry {
            Some(_) if change.id == EVERYTHING => *entry = None,
            Some(ids) if !ids.contains(&change.id) => ids.push(change.id.clone()),
            _ => {}
        }
    }
    modules
}

/// Applies the next batch of changes to the service index; how many were read.
pub async fn step(
    ctx: &ModuleContext,
    sources: &[(&'static str, Arc<dyn SearchSource>)],
    index: &ServiceIndex,
    follower: &mut Follower,
) -> Result<usize, AppError> {
    let changes = search_outbox::after(&ctx.db, follower.position(), BATCH).await?;
    let public_change = follower
        .unread(&changes)
        .any(|change| sources.iter().any(|(id, _)| *id == change.module));
    for (module, ids) in by_module(&changes) {
        let Some((_, source)) = sources.iter().find(|(id, _)| *id == module) else {
            continue;
        };
        let documents = match &ids {
            Some(ids) => source.documents_of(ctx, ids).await?,
            None => source.documents(ctx).await?,
        };
        index
            .replace(module, ids.as_deref(), &documents)
            .map_err(AppError::internal)?;
    }
    follower.advance(&changes, std::time::Instant::now());
    follower.report("services");
    if public_change {
        // After the index: a page rendered anew finds the change in search too.
        ctx.content.changed();
    }
    Ok(changes.len())
}

/// Follows the outbox from `position` until the portal stops; prunes rows older than
/// `keep_days` every hour.
pub fn spawn(
    ctx: ModuleContext,
    sources: Vec<(&'static str, Arc<dyn SearchSource>)>,
    index: Arc<ServiceIndex>,
    position: i64,
    keep_days: u32,
) {
    let job_ctx = ctx.clone();
    job_ctx.spawn_job(async move {
        let mut follower = Follower::new(position);
        let mut pruned = tokio::time::Instant::now();
        loop {
            let stepped = step(&ctx, &sources, &index, &mut follower).await;
            match kernel::job_runs::record("service_search_index", stepped) {
                // A full batch: more are waiting.
                Ok(read) if read as u64 == BATCH => continue,
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "service search index not updated"),
            }
            if pruned.elapsed() >= PRUNE_EVERY {
                pruned = tokio::time::Instant::now();
                let before = chrono::Utc::now().timestamp() - i64::from(keep_days) * 86_400;
                if let Err(error) = search_outbox::prune(&ctx.db, before).await {
                    tracing::warn!(%error, "search outbox not pruned");
                }
            }
            tokio::time::sleep(POLL).await;
        }
    });
}
