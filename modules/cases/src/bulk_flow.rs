//! `POST /bearbeitung/sammelaktion`: a bulk action on the cases selected in the inbox
//! (`fall=<id>:<version>`, repeated). Answers with a redirect to the result page.

use axum::{
    Extension, Form,
    extract::{DefaultBodyLimit, State},
    response::{IntoResponse, Redirect, Response},
};
use kernel::{AppError, Identity, routes::Routes};

use crate::{
    act::{Command, act},
    assign::{Assignment, assign},
    bulk::{BulkAction, MAX_SELECTED},
    inbox::InboxFilter,
    lifecycle::Action,
    loader::LoadedProcesses,
};

/// The result page.
pub const RESULTS: &str = "/bearbeitung/ergebnis";

#[derive(Clone)]
struct Bulk {
    db: sea_orm::DatabaseConnection,
    processes: LoadedProcesses,
}

/// The bulk action route (the host lets caseworkers only).
pub fn router(db: sea_orm::DatabaseConnection, processes: LoadedProcesses) -> Routes {
    Routes::new()
        .post(crate::pages::BULK_PATH, bulk)
        .map_router(|router| router.layer(DefaultBodyLimit::max(64 * 1024)))
        .with_state(Bulk { db, processes })
}

async fn bulk(
    State(bulk): State<Bulk>,
    Extension(identity): Extension<Identity>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    // The inbox view to return to, rebuilt from its parameters so nothing else passes.
    let back: Vec<(String, String)> =
        form_urlencoded::parse(field("zurueck").unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let back =
        InboxFilter::from_pairs(back.iter().map(|(k, v)| (k.as_str(), v.as_str()))).to_query();
    let selected: Vec<(&str, i32)> = pairs
        .iter()
        .filter(|(k, _)| k == "fall")
        .filter_map(|(_, v)| {
            let (id, version) = v.split_once(':')?;
            Some((id, version.parse().ok()?))
        })
        .take(MAX_SELECTED)
        .collect();
    let action = field("aktion").and_then(BulkAction::parse);
    let Some(action) = action.filter(|_| !selected.is_empty()) else {
        return Redirect::to(&format!("/bearbeitung?{back}")).into_response();
    };
    let now = chrono::Utc::now().timestamp();
    let mut done = Vec::new();
    let mut refused = Vec::new();
    for (id, version) in selected {
        let outcome = match action {
            BulkAction::Claim | BulkAction::Close => {
                let command = Command {
                    action: if action == BulkAction::Claim {
                        Action::Claim
                    } else {
                        Action::Close
                    },
                    version,
                    text: String::new(),
                    department: None,
                    files: Vec::new(),
                };
                act(&bulk.db, bulk.processes.get(), id, &identity, &command, now)
                    .await
                    .map(|_| ())
            }
            BulkAction::TakeOver | BulkAction::Assign | BulkAction::Release => {
                match Assignment::parse(action.as_str(), field("an")) {
                    Some(assignment) => {
                        assign(&bulk.db, id, &identity, version, &assignment, now).await
                    }
                    None => Err(AppError::BadRequest("cases-error-unknown-colleague".into())),
                }
            }
        };
        match outcome {
            Ok(()) => done.push(id.to_owned()),
            Err(AppError::BadRequest(key) | AppError::Conflict(key)) => {
                refused.push(format!("{id}~{key}"));
            }
            Err(AppError::NotFound) => refused.push(format!("{id}~cases-error-not-found")),
            Err(other) => {
                tracing::error!(error = %other, case = %id, "a bulk action failed");
                refused.push(format!("{id}~cases-error-general"));
            }
        }
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("aktion", action.as_str())
        .append_pair("ok", &done.join(","))
        .append_pair("fehler", &refused.join(","))
        .append_pair("zurueck", &back);
    Redirect::to(&format!("{RESULTS}?{}", query.finish())).into_response()
}
