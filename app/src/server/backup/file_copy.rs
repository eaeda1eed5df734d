//! Stored files into a backup folder and back, streamed in chunks with their SHA-256
//! computed on the way (no file is held in memory whole).

use std::path::Path;

use kernel::{
    start::{Context, StartResult, bail},
    storage::{FileStore, valid_file_id},
};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

use super::manifest::FileEntry;

/// Bytes read at a time.
const CHUNK: usize = 256 * 1024;

/// Copies every file of `store` into `folder`; returns what was copied.
pub async fn copy_out(store: &dyn FileStore, folder: &Path) -> StartResult<Vec<FileEntry>> {
    let mut copied = Vec::new();
    for id in store.list().await.context("cannot list the stored files")? {
        let reader = match store.open(&id).await {
            Ok(reader) => reader,
            // Deleted since the list was made (a draft's file removed): not part of
            // the database copy either.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
            Err(err) => return Err(err).with_context(|| format!("cannot read file {id}")),
        };
        let mut out = tokio::fs::File::create(folder.join(&id))
            .await
            .with_context(|| format!("cannot write file {id} into the backup"))?;
        let (size, sha256) = pipe(reader, async |chunk: &[u8]| out.write_all(chunk).await)
            .await
            .with_context(|| format!("cannot copy file {id}"))?;
        out.sync_all().await.context("cannot write the backup")?;
        copied.push(FileEntry { id, size, sha256 });
    }
    Ok(copied)
}

/// Puts every file of `entries` from `folder` into `store`, each checked on the way.
pub async fn copy_in(store: &dyn FileStore, folder: &Path, entries: &[FileEntry]) -> StartResult {
    for entry in entries {
        let reader = open_entry(folder, entry).await?;
        let mut writer = store
            .writer(&entry.id)
            .await
            .with_context(|| format!("cannot store file {}", entry.id))?;
        let copied = pipe(reader, async |chunk: &[u8]| writer.write(chunk).await).await;
        match copied {
            Ok((_, sha256)) if sha256 == entry.sha256 => writer
                .finish()
                .await
                .with_context(|| format!("cannot store file {}", entry.id))?,
            Ok(_) => {
                writer.abort().await;
                bail!(
                    "file {} of the backup is damaged: its content differs from the manifest",
                    entry.id
                );
            }
            Err(err) => {
                writer.abort().await;
                return Err(err).with_context(|| format!("cannot store file {}", entry.id));
            }
        }
    }
    Ok(())
}

async fn open_entry(folder: &Path, entry: &FileEntry) -> StartResult<tokio::fs::File> {
    if !valid_file_id(&entry.id) {
        bail!(
            "the manifest names a file `{}` that no store holds",
            entry.id
        );
    }
    tokio::fs::File::open(folder.join(&entry.id))
        .await
        .with_context(|| format!("file {} of the backup is missing", entry.id))
}

/// Reads `reader` to its end, handing each chunk to `sink`; returns the length and the
/// SHA-256 (hex) of what passed.
async fn pipe(
    mut reader: impl AsyncRead + Unpin,
    mut sink: impl AsyncFnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<(u64, String)> {
    let mut buffer = vec![0; CHUNK];
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    loop {
        let read = reader.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        sink(&buffer[..read]).await?;
        size += read as u64;
    }
    Ok((size, format!("{:x}", hasher.finalize())))
}
