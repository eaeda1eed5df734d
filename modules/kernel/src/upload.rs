//! Files citizens and staff send: a post is read part by part, every file streamed into
//! the [`FileStore`](crate::storage::FileStore) under limits its receiver sets. Forms
//! (file fields) and cases (answers with documents, decision letters) share it.

#[cfg(feature = "ssr")]
#[doc(hidden)]
pub mod fuzzing;
#[cfg(feature = "ssr")]
mod posted;
#[cfg(feature = "ssr")]
mod receive;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub use posted::{Posted, Unreadable, limit_body, read};
#[cfg(feature = "ssr")]
pub use receive::{Chunks, clean_name, receive, sha256_hex, store_made};

/// Default largest file in KiB.
pub const DEFAULT_MAX_SIZE_KB: u32 = 10_240;

/// A received and stored file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    /// Storage id.
    pub id: String,
    /// The sanitised file name.
    pub name: String,
    /// MIME type decided from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
}

/// What a receiver accepts for one file.
#[derive(Clone, Copy, Debug)]
pub struct Limits<'a> {
    /// Largest size in KiB.
    pub max_kb: u32,
    /// Accepted MIME types, decided from the content.
    pub accept: &'a [String],
}

/// Why a file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadError {
    /// Larger than allowed (KiB).
    TooLarge(u32),
    /// Its content is not of an accepted type.
    TypeNotAccepted,
    /// Empty.
    Empty,
    /// It could not be received (the upload broke off).
    Unreadable,
    /// It arrived but could not be stored (a full or failing disk): nothing of the
    /// post is the person's fault, and trying again later will work.
    NotStored,
}

/// A file size for people: kilobytes below one megabyte, else megabytes.
pub fn size_for_people(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    }
}
