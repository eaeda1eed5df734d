//! Writes the archive: every stored file at its place, then the index and the JSON
//! (which say which files could not be read). Written into an unnamed temporary file,
//! so memory stays small whatever the files weigh, nothing is sent before the archive
//! is whole, and the file is gone once the download ends.

use std::{
    io::{self, Seek, Write},
    sync::Arc,
};

use kernel::storage::FileStore;
use tokio::runtime::Handle;
use tokio_util::io::SyncIoBridge;
use zip::{CompressionMethod, ZipWriter, write::SimpleFileOptions};

use super::layout::Layout;

/// The texts written beside the files, made once it is known which files are there.
pub struct Texts {
    /// `index.html`.
    pub index: String,
    /// `data.json`.
    pub json: Vec<u8>,
}

/// Name of the readable index in the archive.
pub const INDEX: &str = "index.html";
/// Name of the machine-readable copy in the archive.
pub const JSON: &str = "data.json";

/// Writes the archive of the files placed by `layout`, read from `store`, and the
/// texts `texts` makes; returns the archive, positioned at its start. Blocking: call
/// it from `spawn_blocking`.
pub fn write(
    handle: &Handle,
    store: &Arc<dyn FileStore>,
    mut layout: Layout,
    written_at: zip::DateTime,
    texts: impl FnOnce(&Layout) -> Texts,
) -> io::Result<std::fs::File> {
    let mut zip = ZipWriter::new(tempfile::tempfile()?);
    // Uploads are mostly compressed already (PDF, JPEG): stored as they are.
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(written_at)
        .large_file(true);
    for placed in layout.iter_mut().flatten().flatten() {
        let reader = match handle.block_on(store.open(&placed.storage_id)) {
            Ok(reader) => reader,
            Err(error) => {
                tracing::error!(%error, file = %placed.storage_id, "a stored file is missing from a data copy");
                placed.present = false;
                continue;
            }
        };
        zip.start_file(placed.path.as_str(), stored)?;
        io::copy(
            &mut SyncIoBridge::new_with_handle(reader, handle.clone()),
            &mut zip,
        )?;
    }
    let texts = texts(&layout);
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(written_at);
    zip.start_file(INDEX, deflated)?;
    zip.write_all(texts.index.as_bytes())?;
    zip.start_file(JSON, deflated)?;
    zip.write_all(&texts.json)?;
    let mut file = zip.finish()?;
    file.rewind()?;
    Ok(file)
}
