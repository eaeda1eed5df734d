//! Keeping the case index current: rebuilding it from the cases module when it is
//! missing, unreadable, of an older schema or behind what the outbox still holds;
//! following the outbox while the portal serves; taking over a generation that
//! `portal search reindex` made current meanwhile.

use std::{path::Path, sync::Arc, time::Instant};

use kernel::{
    AppError, ModuleContext,
    case_search::{CASES, CaseSource},
    search_outbox::{self, EVERYTHING},
};

use crate::{
    case_index::{Build, CaseIndex, Generation, OpenError, current_name, remove_others},
    follower::Follower,
    indexer::{BATCH, POLL},
};

/// Cases read from the database per batch while rebuilding.
const REBUILD_BATCH: u64 = 1000;

/// The folder of the case index.
pub fn root(ctx: &ModuleContext) -> std::path::PathBuf {
    ctx.data_dir.join("search").join("cases")
}

/// Builds a new generation of every case and makes it current; it is current to the
/// outbox position read before the first case. The old generation's files stay for
/// the process still using it, which removes them once it has taken over the new one.
pub async fn rebuild(
    ctx: &ModuleContext,
    source: &dyn CaseSource,
    root: &Path,
    compound_parts: &[String],
) -> Result<Generation, AppError> {
    let started = Instant::now();
    let position = search_outbox::latest(&ctx.db).await?;
    let mut build = Build::start(root, compound_parts, position).map_err(AppError::internal)?;
    let mut after: Option<String> = None;
    loop {
        let cases = source
            .cases_after(ctx, after.as_deref(), REBUILD_BATCH)
            .await?;
        let Some(last) = cases.last() else { break };
        after = Some(last.id.clone());
        build.add(&cases).map_err(AppError::internal)?;
    }
    let added = build.added();
    let generation = build.finish().map_err(AppError::internal)?;
    tracing::info!(
        cases = added,
        generation = %generation.name,
        seconds = started.elapsed().as_secs_f64(),
        "case search index built"
    );
    Ok(generation)
}

/// The generation on disk if it can serve, else a new one.
pub async fn open_or_rebuild(
    ctx: &ModuleContext,
    source: &dyn CaseSource,
    root: &Path,
    compound_parts: &[String],
) -> Result<Generation, AppError> {
    let why = match Generation::open(root, compound_parts) {
        Ok(generation) => {
            let oldest = search_outbox::oldest(&ctx.db).await?;
            if oldest.is_none_or(|oldest| oldest <= generation.position() + 1) {
                remove_others(root, &generation.name);
                return Ok(generation);
            }
            "the outbox no longer holds every change since it was written".to_owned()
        }
        Err(OpenError::Missing) => "there is none yet".to_owned(),
        Err(error) => error.to_string(),
    };
    tracing::warn!(reason = %why, "rebuilding the case search index");
    drop_current(root);
    let generation = rebuild(ctx, source, root, compound_parts).await?;
    remove_others(root, &generation.name);
    Ok(generation)
}

/// Forgets which generation is current (its files go with the next rebuild).
fn drop_current(root: &Path) {
    let _ = std::fs::remove_file(root.join("CURRENT"));
}

/// Applies the next batch of outbox changes to the current generation; how many
/// changes were read.
async fn step(
    ctx: &ModuleContext,
    source: &dyn CaseSource,
    index: &CaseIndex,
    follower: &mut Follower,
    rebuild_needed: &mut bool,
) -> Result<usize, AppError> {
    let generation = index
        .generation()
        .ok_or_else(|| AppError::internal("no case index"))?;
    let changes = search_outbox::after(&ctx.db, follower.position(), BATCH).await?;
    let mut ids: Vec<String> = Vec::new();
    for change in changes.iter().filter(|c| c.module == CASES) {
        if change.id == EVERYTHING {
            *rebuild_needed = true;
        } else if !ids.contains(&change.id) {
            ids.push(change.id.clone());
        }
    }
    follower.advance(&changes, Instant::now());
    if !ids.is_empty() {
        let cases = source.cases(ctx, &ids).await?;
        generation
            .apply(&ids, &cases, follower.position())
            .map_err(AppError::internal)?;
    }
    follower.report("cases");
    Ok(changes.len())
}

/// Follows the outbox until the portal stops.
pub fn spawn(
    ctx: ModuleContext,
    source: Arc<dyn CaseSource>,
    index: Arc<CaseIndex>,
    compound_parts: Vec<String>,
) {
    let job_ctx = ctx.clone();
    job_ctx.spawn_job(async move {
        let root = root(&ctx);
        let mut follower = Follower::new(index.generation().map_or(0, |g| g.position()));
        loop {
            let in_use = index.generation().map(|g| g.name.clone());
            // Again at every look: the monitoring may have started after the index.
            if let Some(name) = &in_use {
                crate::case_index::report_generation(name);
            }
            let on_disk = current_name(&root);
            if on_disk.is_some() && on_disk != in_use {
                // `portal search reindex` made a new generation current.
                match Generation::open(&root, &compound_parts) {
                    Ok(generation) => {
                        tracing::info!(generation = %generation.name, "case search index replaced");
                        follower = Follower::new(generation.position());
                        let name = generation.name.clone();
                        index.set(generation);
                        remove_others(&root, &name);
                    }
                    Err(error) => tracing::warn!(%error, "new case search index not taken over"),
                }
            }
            let mut rebuild_needed = false;
            let stepped = step(
                &ctx,
                source.as_ref(),
                &index,
                &mut follower,
                &mut rebuild_needed,
            )
            .await;
            match kernel::job_runs::record("case_search_index", stepped) {
                Ok(read) if read as u64 == BATCH && !rebuild_needed => continue,
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "case search index not updated"),
            }
            if rebuild_needed {
                match rebuild(&ctx, source.as_ref(), &root, &compound_parts).await {
                    Ok(generation) => {
                        follower = Follower::new(generation.position());
                        let name = generation.name.clone();
                        index.set(generation);
                        remove_others(&root, &name);
                    }
                    Err(error) => tracing::warn!(%error, "case search index not rebuilt"),
                }
            }
            tokio::time::sleep(POLL).await;
        }
    });
}
