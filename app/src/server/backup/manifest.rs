//! What a backup holds: written last, so a folder with a manifest is a complete backup.

use serde::{Deserialize, Serialize};

/// The layout this portal writes and restores.
pub const FORMAT: u32 = 1;

/// `manifest.json` of a backup folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The layout of the folder ([`FORMAT`]).
    pub format: u32,
    /// The portal release that wrote it (a restore migrates to the running release).
    pub portal_version: String,
    /// When the backup was made (RFC 3339).
    pub created_at: String,
    /// Which database the copy is of.
    pub database: DatabaseKind,
    /// Every stored file, in the backup's `files` folder.
    pub files: Vec<FileEntry>,
}

/// The database a backup was made of; it restores into the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatabaseKind {
    /// `database.sqlite`, a copy made by `VACUUM INTO`.
    Sqlite,
    /// `database.pgdump`, `pg_dump`'s custom format.
    Postgres,
}

impl std::fmt::Display for DatabaseKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        })
    }
}

impl DatabaseKind {
    /// The database copy's file name in the backup folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Sqlite => "database.sqlite",
            Self::Postgres => "database.pgdump",
        }
    }
}

/// One stored file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its id in the file store (and its name in the backup's `files` folder).
    pub id: String,
    /// Its length in bytes.
    pub size: u64,
    /// Its SHA-256, hex.
    pub sha256: String,
}
