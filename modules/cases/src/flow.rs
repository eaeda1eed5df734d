//! `POST /bearbeitung/faelle/{id}/aktion` (caseworkers) and `POST /vorgaenge/{id}/aktion`
//! (citizens): an action from a case page's forms. The answer is a redirect back to the
//! page, with a notice of what happened.

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
    assign::{Assignment, assign},
    comment::{Comment, comment},
    lifecycle::Action,
    loader::LoadedProcesses,
};

/// Largest action post: a text of 4000 characters (up to 4 bytes each), encoded.
const BODY_LIMIT: usize = 64 * 1024;

#[derive(Clone)]
struct Flow {
    db: sea_orm::DatabaseConnection,
    processes: LoadedProcesses,
    /// Where the case pages of this router live.
    pages: &'static str,
}

/// The posted form.
#[derive(Deserialize)]
struct Posted {
    action: String,
    /// The case version the page showed (actions only; notes and messages need none).
    #[serde(default)]
    version: i32,
    #[serde(default)]
    text: String,
    #[serde(default)]
    department: Option<String>,
}

/// The action routes of caseworkers and of citizens (the host protects each).
pub fn routers(db: sea_orm::DatabaseConnection, processes: LoadedProcesses) -> (Router, Router) {
    let router = |pages: &'static str| {
        Router::new()
            .route(&format!("{pages}/{{id}}/aktion"), post(take_action))
            .layer(DefaultBodyLimit::max(BODY_LIMIT))
            .with_state(Flow {
                db: db.clone(),
                processes: processes.clone(),
                pages,
            })
    };
    (router("/bearbeitung/faelle"), router("/vorgaenge"))
}

async fn take_action(
    State(flow): State<Flow>,
    Path(id): Path<String>,
    Extension(identity): Extension<Identity>,
    Form(posted): Form<Posted>,
) -> Response {
    let page = format!("{}/{id}", flow.pages);
    if let Some(kind) = Comment::parse(&posted.action) {
        let now = chrono::Utc::now().timestamp();
        let done = comment(&flow.db, &id, &identity, kind, &posted.text, now).await;
        return answer(&page, kind.as_str(), done);
    }
    if let Some(assignment) = Assignment::parse(&posted.action) {
        let now = chrono::Utc::now().timestamp();
        let done = assign(&flow.db, &id, &identity, posted.version, assignment, now).await;
        return answer(&page, assignment.as_str(), done);
    }
    let Some(action) = Action::parse(&posted.action) else {
        return Redirect::to(&format!("{page}?fehler=cases-error-not-allowed#fehler"))
            .into_response();
    };
    let command = Command {
        action,
        version: posted.version,
        text: posted.text,
        department: posted.department,
    };
    let now = chrono::Utc::now().timestamp();
    let done = act(
        &flow.db,
        flow.processes.get(),
        &id,
        &identity,
        &command,
        now,
    )
    .await;
    answer(&page, action.as_str(), done.map(|_| ()))
}

/// Back to `page` with what happened: done, refused with a message key, or an error.
fn answer(page: &str, what: &str, done: Result<(), AppError>) -> Response {
    match done {
        Ok(()) => Redirect::to(&format!("{page}?erledigt={what}")).into_response(),
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
