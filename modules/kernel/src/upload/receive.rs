//! Receiving a file: streamed chunk by chunk into the file store, its type decided by
//! its content (not its name), its size limited while it arrives, its SHA-256 recorded
//! and its name cleaned of paths and control characters.

use sha2::{Digest, Sha256};

use super::{Limits, StoredFile, UploadError};
use crate::storage::{FileStore, FileWriter};

/// Bytes read before the type is decided.
const SNIFF_BYTES: usize = 8192;

/// A source of chunks (a multipart field).
#[async_trait::async_trait]
pub trait Chunks: Send {
    /// The next chunk; `None` at the end.
    async fn next_chunk(&mut self) -> Result<Option<bytes::Bytes>, String>;
}

/// Invisible characters that change how a name reads: bidirectional overrides and
/// isolates (`Rechnung\u{202E}fdp.exe` shows as `Rechnungexe.pdf`), zero-width and
/// joining characters, soft hyphens, byte order marks (Unicode's format characters).
fn is_format_character(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A file name safe to show and store: the last path component, control and format
/// characters removed, at most 100 characters.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| {
            !c.is_control()
                && !is_format_character(*c)
                && !matches!(c, '<' | '>' | '"' | ':' | '|' | '?' | '*')
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "datei".into()
    } else {
        cleaned
    }
}

/// `name` with the extension of the type its content was found to be, in place of
/// whatever the sender wrote: a PDF sent as `Nachweis.hta` is kept as `Nachweis.pdf`,
/// so no download is ever offered under another program's extension.
pub fn named_by_type(name: &str, extension: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    format!("{stem}.{extension}")
}

fn refused(error: UploadError) -> Result<StoredFile, UploadError> {
    Err(error)
}

/// Receives one file within `limits` into `store`.
pub async fn receive(
    limits: Limits<'_>,
    file_name: &str,
    chunks: &mut dyn Chunks,
    store: &dyn FileStore,
) -> Result<StoredFile, UploadError> {
    let max_kb = limits.max_kb;
    let max_bytes = u64::from(max_kb) * 1024;
    let id = uuid::Uuid::new_v4().to_string();
    let mut head: Vec<u8> = Vec::new();
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut writer = None;
    let mut media_type = String::new();
    let mut extension = "";
    loop {
        let chunk = match chunks.next_chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(_) => {
                if let Some(w) = writer {
                    FileWriter::abort(w).await;
                }
                return refused(UploadError::Unreadable);
            }
        };
        size += chunk.len() as u64;
        if size > max_bytes {
            if let Some(w) = writer {
                FileWriter::abort(w).await;
            }
            // Read no further: the rest of the upload is not stored anywhere.
            return refused(UploadError::TooLarge(max_kb));
        }
        hasher.update(&chunk);
        if writer.is_none() {
            head.extend_from_slice(&chunk);
            if head.len() < SNIFF_BYTES {
                continue;
            }
            match open(limits, &head, &id, store).await {
                Ok((w, kind, ext)) => {
                    writer = Some(w);
                    media_type = kind;
                    extension = ext;
                }
                Err(error) => return refused(error),
            }
            continue;
        }
        if let Some(w) = writer.as_mut()
            && let Err(error) = w.write(&chunk).await
        {
            if let Some(w) = writer {
                FileWriter::abort(w).await;
            }
            return refused(not_stored(error));
        }
    }
    if size == 0 {
        return refused(UploadError::Empty);
    }
    let writer = match writer {
        Some(writer) => writer,
        // Small file: everything is in `head`.
        None => match open(limits, &head, &id, store).await {
            Ok((w, kind, ext)) => {
                media_type = kind;
                extension = ext;
                w
            }
            Err(error) => return refused(error),
        },
    };
    if let Err(error) = writer.finish().await {
        return refused(not_stored(error));
    }
    Ok(StoredFile {
        id,
        name: named_by_type(&clean_name(file_name), extension),
        media_type,
        size,
        sha256: hex(&hasher.finalize()),
    })
}

/// Stores `bytes` the portal made itself (e.g. a generated letter) as `name`.
pub async fn store_made(
    store: &dyn FileStore,
    name: &str,
    media_type: &str,
    bytes: &[u8],
) -> std::io::Result<StoredFile> {
    let id = uuid::Uuid::new_v4().to_string();
    let mut writer = store.writer(&id).await?;
    if let Err(error) = writer.write(bytes).await {
        writer.abort().await;
        return Err(error);
    }
    writer.finish().await?;
    Ok(StoredFile {
        id,
        name: clean_name(name),
        media_type: media_type.to_owned(),
        size: bytes.len() as u64,
        sha256: sha256_hex(bytes),
    })
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decides the type from the first bytes and, when accepted, starts the stored file
/// with them.
async fn open(
    limits: Limits<'_>,
    head: &[u8],
    id: &str,
    store: &dyn FileStore,
) -> Result<(Box<dyn FileWriter>, String, &'static str), UploadError> {
    let Some(found) = infer::get(head).filter(|k| limits.accept.iter().any(|a| a == k.mime_type()))
    else {
        return Err(UploadError::TypeNotAccepted);
    };
    let (kind, extension) = (found.mime_type().to_owned(), found.extension());
    let mut writer = store.writer(id).await.map_err(not_stored)?;
    if let Err(error) = writer.write(head).await {
        writer.abort().await;
        return Err(not_stored(error));
    }
    Ok((writer, kind, extension))
}

/// A file the store could not take (a full disk, most likely), logged for operators.
fn not_stored(error: std::io::Error) -> UploadError {
    tracing::error!(%error, "an upload could not be stored");
    UploadError::NotStored
}

#[cfg(test)]
mod tests {
    use super::{clean_name, named_by_type};

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
        // Reversed text and invisible joiners are gone.
        assert_eq!(clean_name("Rechnung\u{202E}fdp.exe"), "Rechnungfdp.exe");
        assert_eq!(clean_name("a\u{200B}b\u{2066}c\u{FEFF}.pdf"), "abc.pdf");
    }

    #[test]
    fn the_extension_follows_the_content() {
        assert_eq!(named_by_type("Nachweis.hta", "pdf"), "Nachweis.pdf");
        assert_eq!(named_by_type("Foto", "jpg"), "Foto.jpg");
        assert_eq!(named_by_type("scan.2026.PNG", "png"), "scan.2026.png");
        assert_eq!(named_by_type("datei", "pdf"), "datei.pdf");
    }
}
