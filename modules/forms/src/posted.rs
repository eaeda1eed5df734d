//! Reading a step's post: URL-encoded (no file fields) or multipart (with files). File
//! parts for the step's file fields are streamed into the file store; everything else
//! becomes name/value pairs. Problems with files are reported at their field.

use std::collections::BTreeMap;

use axum::{
    extract::{FromRequest, Multipart, Request, multipart::Field as Part},
    http::header,
};
use kernel::storage::FileStore;

use crate::{
    answers::FileRef,
    definition::{FieldType, Step},
    uploads::{self, Chunks},
    validate::Problem,
};

/// What a step's post carried.
#[derive(Debug, Default)]
pub struct Posted {
    /// Form fields.
    pub pairs: Vec<(String, String)>,
    /// Newly received files per file field.
    pub files: BTreeMap<String, Vec<FileRef>>,
    /// Files that were refused.
    pub problems: Vec<Problem>,
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

/// Reads `request`. Files for the file fields of `step` go into `store`; without a
/// step or a store, files are skipped and only the text is read.
pub async fn read(
    request: Request,
    step: Option<&Step>,
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
        let file_field = step
            .into_iter()
            .flat_map(|step| step.fields.iter())
            .find(|f| f.id == name && f.kind == FieldType::File);
        match (file_name, file_field) {
            // A file input left empty sends a part without a name.
            (Some(file_name), _) if file_name.is_empty() => {}
            (Some(file_name), Some(field)) => {
                let Some(store) = store else { continue };
                match uploads::receive(field, &file_name, &mut PartChunks(&mut part), store).await {
                    Ok(file) => posted.files.entry(name).or_default().push(file),
                    Err(error) => posted.problems.push(Problem { path: name, error }),
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
