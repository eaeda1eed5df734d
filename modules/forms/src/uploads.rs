//! Receiving a file: streamed chunk by chunk into the file store, its type decided by
//! its content (not its name), its size limited while it arrives, its SHA-256 recorded
//! and its name cleaned of paths and control characters.

use kernel::storage::FileStore;
use sha2::{Digest, Sha256};

use crate::{answers::FileRef, definition::Field, validate::FieldError};

/// Bytes read before the type is decided.
const SNIFF_BYTES: usize = 8192;

/// Default largest file in KiB.
pub const DEFAULT_MAX_SIZE_KB: u32 = 10_240;

/// A source of chunks (a multipart field).
#[async_trait::async_trait]
pub trait Chunks: Send {
    /// The next chunk; `None` at the end.
    async fn next_chunk(&mut self) -> Result<Option<bytes::Bytes>, String>;
}

/// A file name safe to show and store: the last path component, control characters
/// removed, at most 100 characters.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | '"' | ':' | '|' | '?' | '*'))
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "datei".into()
    } else {
        cleaned
    }
}

/// Why a file was refused (shown at the field).
fn refused(error: FieldError) -> Result<FileRef, FieldError> {
    Err(error)
}

/// Receives one file for `field` into `store`.
pub async fn receive(
    field: &Field,
    file_name: &str,
    chunks: &mut dyn Chunks,
    store: &dyn FileStore,
) -> Result<FileRef, FieldError> {
    let max_kb = field.max_size_kb.unwrap_or(DEFAULT_MAX_SIZE_KB);
    let max_bytes = u64::from(max_kb) * 1024;
    let id = uuid::Uuid::new_v4().to_string();
    let mut head: Vec<u8> = Vec::new();
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut writer = None;
    let mut media_type = String::new();
    loop {
        let chunk = match chunks.next_chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(_) => {
                if let Some(w) = writer {
                    kernel::storage::FileWriter::abort(w).await;
                }
                return refused(FieldError::FileUnreadable);
            }
        };
        size += chunk.len() as u64;
        if size > max_bytes {
            if let Some(w) = writer {
                kernel::storage::FileWriter::abort(w).await;
            }
            // Read no further: the rest of the upload is not stored anywhere.
            return refused(FieldError::FileTooLarge(max_kb));
        }
        hasher.update(&chunk);
        if writer.is_none() {
            head.extend_from_slice(&chunk);
            if head.len() < SNIFF_BYTES {
                continue;
            }
            match open(field, &head, &id, store).await {
                Ok((w, kind)) => {
                    writer = Some(w);
                    media_type = kind;
                }
                Err(error) => return refused(error),
            }
            continue;
        }
        if let Some(w) = writer.as_mut()
            && w.write(&chunk).await.is_err()
        {
            if let Some(w) = writer {
                kernel::storage::FileWriter::abort(w).await;
            }
            return refused(FieldError::FileUnreadable);
        }
    }
    if size == 0 {
        return refused(FieldError::FileEmpty);
    }
    let writer = match writer {
        Some(writer) => writer,
        // Small file: everything is in `head`.
        None => match open(field, &head, &id, store).await {
            Ok((w, kind)) => {
                media_type = kind;
                w
            }
            Err(error) => return refused(error),
        },
    };
    if writer.finish().await.is_err() {
        return refused(FieldError::FileUnreadable);
    }
    Ok(FileRef {
        id,
        name: clean_name(file_name),
        media_type,
        size,
        sha256: hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    })
}

/// Decides the type from the first bytes and, when accepted, starts the stored file
/// with them.
async fn open(
    field: &Field,
    head: &[u8],
    id: &str,
    store: &dyn FileStore,
) -> Result<(Box<dyn kernel::storage::FileWriter>, String), FieldError> {
    let kind = infer::get(head).map(|k| k.mime_type().to_owned());
    let Some(kind) = kind.filter(|k| field.accept.iter().any(|a| a == k)) else {
        return Err(FieldError::FileTypeNotAccepted);
    };
    let mut writer = store
        .writer(id)
        .await
        .map_err(|_| FieldError::FileUnreadable)?;
    if writer.write(head).await.is_err() {
        writer.abort().await;
        return Err(FieldError::FileUnreadable);
    }
    Ok((writer, kind))
}

#[cfg(test)]
mod tests {
    use super::clean_name;

    #[test]
    fn names_lose_paths_and_tricks() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_name("C:\\Users\\erika\\Zulassung.pdf"),
            "Zulassung.pdf"
        );
        assert_eq!(clean_name("a\u{0}b<script>.png"), "abscript.png");
        assert_eq!(clean_name("..."), "datei");
        assert_eq!(clean_name(".htaccess"), "htaccess");
        assert_eq!(clean_name(&"x".repeat(300)).len(), 100);
    }
}
