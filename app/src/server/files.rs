//! Where uploads and documents live: a folder (`files_dir`, shared by every process on
//! one volume) or a bucket of an S3-compatible object store (`[object_store]`), so that
//! portal processes need no shared folder at all.

pub mod bucket;

use std::sync::Arc;

use kernel::storage::{FileStore, LocalFileStore};

use super::settings::Settings;

/// The store the settings ask for.
pub fn store(settings: &Settings) -> kernel::start::StartResult<Arc<dyn FileStore>> {
    Ok(match &settings.object_store.bucket {
        Some(_) => Arc::new(bucket::BucketFileStore::new(&settings.object_store)?),
        None => Arc::new(LocalFileStore::new(settings.files_dir())),
    })
}
