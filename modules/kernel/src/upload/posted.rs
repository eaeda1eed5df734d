//! Reading a post: URL-encoded (no files) or multipart (with files). File parts the
//! receiver wants are streamed into the file store; everything else becomes name/value
//! pairs. Problems with files are reported by the part's name.

use std::collections::BTreeMap;

use super::{Chunks, Limits, StoredFile, UploadError, receive};
use crate::storage::FileStore;
use axum::{
    extract::{FromRequest, Multipart, Request, multipart::Field as Part},
    http::header,
};

/// What a post carried.
#[derive(Debug, Default)]
pub struct Posted {
    /// Form fields.
    pub pairs: Vec<(String, String)>,
    /// Received files per part name.
    pub files: BTreeMap<String, Vec<StoredFile>>,
    /// Files that were refused, by part name.
    pub problems: Vec<(String, UploadError)>,
}

/// Why a post could not be read at all: its status (413 when too large, 400 or 415
/// otherwise) and the reason.
#[derive(Debug)]
pub struct Unreadable(pub axum::http::StatusCode, pub String);

struct PartChunks<'a, 'b>(&'a mut Part<'b>);

#[async_trait::async_trait]
impl Chunks for PartChunks<'_, '_> {
    async fn next_chunk(&mut self) -> Result<Option<bytes::Bytes>, String> {
        self.0.chunk().await.map_err(|e| e.to_string())
    }
}

/// `request` with its body cut off after `max` bytes: reading more answers 413, as the
/// route's own limit does. For a route whose limit is set for its largest case (a step
/// with uploads) when this request can only be small.
pub fn limit_body(request: Request, max: usize) -> Request {
    request.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, max)))
}

/// Reads `request`. A file part goes into `store` when `wants` gives limits for its
/// name; other files are skipped unread, and without a store only the text is read.
pub async fn read<'a>(
    request: Request,
    wants: impl Fn(&str) -> Option<Limits<'a>>,
    store: Option<&dyn FileStore>,
) -> Result<Posted, Unreadable> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let axum::Form(pairs) = axum::Form::<Vec<(String, String)>>::from_request(request, &())
            .await
            .map_err(|e| Unreadable(e.status(), e.body_text()))?;
        return Ok(Posted {
            pairs,
            ..Posted::default()
        });
    }
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| Unreadable(e.status(), e.body_text()))?;
    let mut posted = Posted::default();
    while let Some(mut part) = multipart
        .next_field()
        .await
        .map_err(|e| Unreadable(e.status(), e.body_text()))?
    {
        let name = part.name().unwrap_or_default().to_owned();
        let file_name = part.file_name().map(str::to_owned);
        let limits = file_name.as_ref().and_then(|_| wants(&name));
        match (file_name, limits) {
            // A file input left empty sends a part without a name.
            (Some(file_name), _) if file_name.is_empty() => {}
            (Some(file_name), Some(limits)) => {
                let Some(store) = store else { continue };
                match receive(limits, &file_name, &mut PartChunks(&mut part), store).await {
                    Ok(file) => posted.files.entry(name).or_default().push(file),
                    Err(error) => posted.problems.push((name, error)),
                }
            }
            // A file for a field that takes none is not read, let alone stored.
            (Some(_), None) => {}
            (None, _) => {
                let value = part
                    .text()
                    .await
                    .map_err(|e| Unreadable(e.status(), e.body_text()))?;
                posted.pairs.push((name, value));
            }
        }
    }
    Ok(posted)
}
