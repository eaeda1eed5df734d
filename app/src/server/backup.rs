//! `portal backup DIR` and `portal restore DIR`: a consistent copy of the database
//! (SQLite's `VACUUM INTO`, PostgreSQL's `pg_dump`), then every stored file with its
//! SHA-256, and last a manifest that marks the backup complete. A restore goes into an
//! empty database and puts every file back after checking its digest, so the restored
//! portal has the same cases, files and audit chain; each process builds its search
//! indexes from the database when it starts.

pub mod database_copy;
pub mod file_copy;
pub mod manifest;

use std::path::Path;

use kernel::start::{Context, StartResult, bail};

use self::manifest::{FORMAT, Manifest};
use super::{Settings, database, files};

/// The manifest's name in a backup folder.
const MANIFEST: &str = "manifest.json";
/// The folder of the files in a backup folder.
const FILES: &str = "files";

/// Writes a backup of the portal `settings` describe into `dir` (new or empty).
pub async fn backup(settings: &Settings, dir: &Path) -> StartResult<Manifest> {
    let empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => true,
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", dir.display())),
    };
    if !empty {
        bail!(
            "{} is not empty: a backup goes into a new folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir.join(FILES))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let db = database::connect(settings).await?;
    // The database first: every file it names was finished before it named it, so the
    // files copied afterwards include them all.
    let database = database_copy::snapshot(settings, &db, dir).await?;
    let store = files::store(settings)?;
    let copied = file_copy::copy_out(store.as_ref(), &dir.join(FILES)).await?;
    let manifest = Manifest {
        format: FORMAT,
        portal_version: env!("CARGO_PKG_VERSION").into(),
        created_at: chrono::Utc::now().to_rfc3339(),
        database,
        files: copied,
    };
    let text = serde_json::to_vec_pretty(&manifest).context("the manifest")?;
    std::fs::write(dir.join(MANIFEST), text).context("cannot write the manifest")?;
    Ok(manifest)
}

/// Restores the backup in `dir` into the empty database and file store `settings`
/// describe.
pub async fn restore(settings: &Settings, dir: &Path) -> StartResult<Manifest> {
    let text = std::fs::read(dir.join(MANIFEST)).with_context(|| {
        format!(
            "{} holds no complete backup (its {MANIFEST} is missing)",
            dir.display()
        )
    })?;
    let manifest: Manifest = serde_json::from_slice(&text).context("the manifest is damaged")?;
    if manifest.format != FORMAT {
        bail!(
            "the backup has format {}; this portal restores format {FORMAT}",
            manifest.format
        );
    }
    // The files first, each checked as it is put back: a damaged file or a failing
    // store stops the restore before the database is written, so it can simply be run
    // again (with a sound backup; files already put back are written anew).
    drop(database_copy::empty_target(settings, manifest.database).await?);
    let store = files::store(settings)?;
    file_copy::copy_in(store.as_ref(), &dir.join(FILES), &manifest.files).await?;
    database_copy::restore(settings, manifest.database, dir).await?;
    Ok(manifest)
}
