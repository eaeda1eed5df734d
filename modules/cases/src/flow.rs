//! `POST /bearbeitung/faelle/{id}/aktion`: an action from the case page's forms. The
//! answer is always a redirect back to the case, with a notice of what happened.

use std::sync::Arc;

use axum::{
    Extension, Form, Router,
    extract::{DefaultBodyLimit, Path, State},
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use kernel::{AppError, Identity};
use serde::Deserialize;

use crate::{
    act::{Command, act},
    lifecycle::Action,
    loader::Processes,
};

/// Largest action post: a text of 4000 characters (up to 4 bytes each), encoded.
const BODY_LIMIT: usize = 64 * 1024;

#[derive(Clone)]
struct Flow {
    db: sea_orm::DatabaseConnection,
    processes: Arc<std::sync::OnceLock<Arc<Processes>>>,
}

/// The posted form.
#[derive(Deserialize)]
struct Posted {
    action: String,
    version: i32,
    #[serde(default)]
    text: String,
    #[serde(default)]
    department: Option<String>,
}

/// The module's action routes.
pub fn router(
    db: sea_orm::DatabaseConnection,
    processes: Arc<std::sync::OnceLock<Arc<Processes>>>,
) -> Router {
    Router::new()
        .route("/bearbeitung/faelle/{id}/aktion", post(take_action))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(Flow { db, processes })
}

async fn take_action(
    State(flow): State<Flow>,
    Path(id): Path<String>,
    Extension(identity): Extension<Identity>,
    Form(posted): Form<Posted>,
) -> Response {
    let page = format!("/bearbeitung/faelle/{id}");
    let Some(action) = Action::parse(&posted.action) else {
        return Redirect::to(&format!("{page}?fehler=cases-error-not-allowed#fehler"))
            .into_response();
    };
    let Some(case) = crate::act::find(&flow.db, &id).await.ok().flatten() else {
        return not_found();
    };
    let process = match flow.processes.get() {
        Some(processes) => processes.for_service(&case.service_id),
        None => crate::process::Process::default_for(&case.service_id),
    };
    let command = Command {
        action,
        version: posted.version,
        text: posted.text,
        department: posted.department,
    };
    let now = chrono::Utc::now().timestamp();
    match act(&flow.db, &process, &id, &identity, &command, now).await {
        Ok(_) => Redirect::to(&format!("{page}?erledigt={}", action.as_str())).into_response(),
        Err(AppError::NotFound) => not_found(),
        Err(AppError::BadRequest(key) | AppError::Conflict(key)) => {
            Redirect::to(&format!("{page}?fehler={key}#fehler")).into_response()
        }
        Err(other) => (
            axum::http::StatusCode::from_u16(other.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
            other.to_string(),
        )
            .into_response(),
    }
}

fn not_found() -> Response {
    (axum::http::StatusCode::NOT_FOUND, "not found").into_response()
}
