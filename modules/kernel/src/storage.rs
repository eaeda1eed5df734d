//! Where uploaded files live: a trait, so a city can put them into object storage (the
//! portal's bucket store); the default keeps them in a folder under `data_dir`. Files
//! are written in chunks as they arrive (an upload is never held in memory) and appear
//! only once finished.

use std::{
    fmt, io,
    path::{Path, PathBuf},
};

use async_trait::async_trait;
use tokio::io::AsyncWriteExt;

/// A file being written.
#[async_trait]
pub trait FileWriter: Send {
    /// Appends `chunk`.
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()>;
    /// Makes the file visible under its id.
    async fn finish(self: Box<Self>) -> io::Result<()>;
    /// Throws the partial file away.
    async fn abort(self: Box<Self>);
}

/// A store of files by id. Ids are made by the portal (UUIDs), never taken from a
/// request, so they cannot name anything outside the store.
#[async_trait]
pub trait FileStore: Send + Sync + fmt::Debug {
    /// Starts writing file `id`.
    async fn writer(&self, id: &str) -> io::Result<Box<dyn FileWriter>>;
    /// The content of file `id`.
    async fn read(&self, id: &str) -> io::Result<Vec<u8>>;
    /// File `id` to read as a stream (downloads are never held in memory).
    async fn open(&self, id: &str) -> io::Result<Box<dyn tokio::io::AsyncRead + Send + Unpin>>;
    /// Deletes file `id` (no error when it does not exist).
    async fn delete(&self, id: &str) -> io::Result<()>;
    /// The ids of every finished file, sorted (for backups).
    async fn list(&self) -> io::Result<Vec<String>>;
}

/// Whether `id` can name a file in any store: 1 to 64 ASCII letters, digits and dashes
/// (never a path, whatever a store does with slashes and dots).
pub fn valid_file_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Files in a local folder, spread over subfolders by the first two characters.
#[derive(Clone, Debug)]
pub struct LocalFileStore {
    root: PathBuf,
}

impl LocalFileStore {
    /// A store in `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, id: &str) -> io::Result<PathBuf> {
        if !valid_file_id(id) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "bad file id"));
        }
        Ok(self.root.join(&id[..2.min(id.len())]).join(id))
    }
}

struct LocalWriter {
    file: tokio::fs::File,
    partial: PathBuf,
    target: PathBuf,
}

#[async_trait]
impl FileWriter for LocalWriter {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        self.file.write_all(chunk).await
    }

    async fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.file.flush().await?;
        self.file.sync_all().await?;
        tokio::fs::rename(&self.partial, &self.target).await
    }

    async fn abort(self: Box<Self>) {
        drop(self.file);
        let _ = tokio::fs::remove_file(&self.partial).await;
    }
}

async fn ensure_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(parent) => tokio::fs::create_dir_all(parent).await,
        None => Ok(()),
    }
}

#[async_trait]
impl FileStore for LocalFileStore {
    async fn writer(&self, id: &str) -> io::Result<Box<dyn FileWriter>> {
        let target = self.path(id)?;
        ensure_parent(&target).await?;
        let partial = target.with_extension("part");
        let file = tokio::fs::File::create(&partial).await?;
        Ok(Box::new(LocalWriter {
            file,
            partial,
            target,
        }))
    }

    async fn read(&self, id: &str) -> io::Result<Vec<u8>> {
        tokio::fs::read(self.path(id)?).await
    }

    async fn open(&self, id: &str) -> io::Result<Box<dyn tokio::io::AsyncRead + Send + Unpin>> {
        Ok(Box::new(tokio::fs::File::open(self.path(id)?).await?))
    }

    async fn delete(&self, id: &str) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(id)?).await {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        }
    }

    async fn list(&self) -> io::Result<Vec<String>> {
        let mut ids = Vec::new();
        let mut folders = match tokio::fs::read_dir(&self.root).await {
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(ids),
            other => other?,
        };
        while let Some(folder) = folders.next_entry().await? {
            if !folder.file_type().await?.is_dir() {
                continue;
            }
            let mut files = tokio::fs::read_dir(folder.path()).await?;
            while let Some(file) = files.next_entry().await? {
                // Partial files end in `.part`, which no id has.
                let name = file.file_name().to_string_lossy().into_owned();
                if valid_file_id(&name) {
                    ids.push(name);
                }
            }
        }
        ids.sort();
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_appear_when_finished_and_ids_cannot_escape() {
        let dir = std::env::temp_dir().join(format!("portal-store-{}", std::process::id()));
        let store = LocalFileStore::new(&dir);
        let mut writer = store.writer("ab12-cd").await.unwrap();
        writer.write(b"hello ").await.unwrap();
        assert!(
            store.read("ab12-cd").await.is_err(),
            "not visible before finish"
        );
        writer.write(b"world").await.unwrap();
        let unfinished = store.writer("ab99-ef").await.unwrap();
        assert!(
            store.list().await.unwrap().is_empty(),
            "nothing finished yet"
        );
        unfinished.abort().await;
        writer.finish().await.unwrap();
        assert_eq!(store.read("ab12-cd").await.unwrap(), b"hello world");
        assert_eq!(store.list().await.unwrap(), ["ab12-cd"]);
        store.delete("ab12-cd").await.unwrap();
        store.delete("ab12-cd").await.unwrap();
        for bad in ["../etc/passwd", "a/b", "", "x.y"] {
            assert!(store.writer(bad).await.is_err(), "{bad}");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
