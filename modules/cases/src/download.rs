//! `GET /bearbeitung/faelle/{id}/dateien/{file}` (staff of the case) and
//! `GET /vorgaenge/{id}/dateien/{file}` (its citizen): a document, streamed from the
//! file store once the case and the document are found to be the person's business.
//! Anything else is "not found", so ids cannot be probed.

use std::sync::Arc;

use axum::{
    Extension,
    body::Body,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use kernel::{Identity, intake::FiledAnswers, routes::Routes, storage::FileStore};

use crate::{act::roles_of, lifecycle::Actor};

#[derive(Clone)]
struct Downloads {
    db: sea_orm::DatabaseConnection,
    files: Arc<dyn FileStore>,
    filed: Option<Arc<dyn FiledAnswers>>,
    /// Whether this router serves staff (or the citizen).
    staff: bool,
}

/// The download routes of caseworkers and of citizens (the host protects each).
pub fn routers(
    db: sea_orm::DatabaseConnection,
    files: Arc<dyn FileStore>,
    filed: Option<Arc<dyn FiledAnswers>>,
) -> (Routes, Routes) {
    let router = |pages: &str, staff: bool| {
        Routes::new()
            .get(&format!("{pages}/{{id}}/dateien/{{file}}"), download)
            .with_state(Downloads {
                db: db.clone(),
                files: files.clone(),
                filed: filed.clone(),
                staff,
            })
    };
    (
        router("/bearbeitung/faelle", true),
        router("/vorgaenge", false),
    )
}

async fn download(
    State(downloads): State<Downloads>,
    Path((id, file_id)): Path<(String, String)>,
    Extension(identity): Extension<Identity>,
) -> Response {
    match serve(&downloads, &id, &file_id, &identity).await {
        Ok(Some(response)) => response,
        Ok(None) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Err(error) => {
            tracing::error!(%error, case = %id, "a document could not be served");
            (error.status_code(), "document unavailable").into_response()
        }
    }
}

async fn serve(
    downloads: &Downloads,
    id: &str,
    file_id: &str,
    identity: &Identity,
) -> Result<Option<Response>, kernel::AppError> {
    let Some(case) = crate::act::find(&downloads.db, id).await? else {
        return Ok(None);
    };
    let roles = roles_of(&case, identity);
    let allowed = if downloads.staff {
        roles.contains(&Actor::Caseworker) || roles.contains(&Actor::Consulted)
    } else {
        roles.contains(&Actor::Citizen)
    };
    if !allowed {
        return Ok(None);
    }
    if !downloads.staff {
        let filed = downloads.filed.as_deref();
        match crate::documents::require_filing_level(&downloads.db, filed, identity, &case).await {
            Ok(()) => {}
            Err(kernel::AppError::LevelRequired(level)) => {
                // Signed in lower than the service asked for: up to that level, then back.
                let here = format!(
                    "/vorgaenge/{}/dateien/{}",
                    kernel::url::segment(id),
                    kernel::url::segment(file_id)
                );
                let to = kernel::access::sign_in_url(&here, Some(level));
                return Ok(Some(axum::response::Redirect::to(&to).into_response()));
            }
            Err(other) => return Err(other),
        }
    }
    respond(
        &downloads.db,
        downloads.files.as_ref(),
        downloads.filed.as_deref(),
        &case,
        file_id,
        downloads.staff,
    )
    .await
}

/// The download of document `file_id` of `case` for someone already found to be
/// allowed (`staff`: every document, otherwise the citizen's); `None` when the case
/// has no such document for them.
pub(crate) async fn respond(
    db: &sea_orm::DatabaseConnection,
    files: &dyn FileStore,
    filed: Option<&dyn FiledAnswers>,
    case: &crate::case::Case,
    file_id: &str,
    staff: bool,
) -> Result<Option<Response>, kernel::AppError> {
    let Some(document) = crate::documents::find(db, filed, case, file_id, staff).await? else {
        return Ok(None);
    };
    let reader = files.open(&document.id).await.map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            tracing::error!(%error, file = %document.id, "a stored document is missing");
            kernel::AppError::Internal
        } else {
            // A store that fails or does not answer now may well answer later.
            tracing::error!(%error, file = %document.id, "the file store failed");
            kernel::AppError::Unavailable
        }
    })?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(reader));
    Ok(Some(
        (
            [
                (header::CONTENT_TYPE, document.media_type),
                (header::CONTENT_LENGTH, document.size.to_string()),
                (header::CONTENT_DISPOSITION, disposition(&document.name)),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            body,
        )
            .into_response(),
    ))
}

/// `attachment` with the name for old clients (ASCII only) and in full (RFC 6266 and
/// RFC 8187), so no name can break out of the header.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn names_cannot_break_the_header() {
        assert_eq!(
            disposition("Bescheid Müller \"neu\".pdf"),
            "attachment; filename=\"Bescheid M_ller _neu_.pdf\"; \
             filename*=UTF-8''Bescheid%20M%C3%BCller%20%22neu%22.pdf"
        );
    }
}
