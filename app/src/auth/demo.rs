//! Demo sign-in for the quick start: choose a persona instead of signing in at an
//! identity provider. On only when `demo_login` is set; the demo banner is on every
//! page then.

use std::sync::Arc;

use axum::{
    Form, Router,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use serde::Deserialize;
use tower_sessions::Session;

use super::clock::Clock;

use super::signed_in::{sign_in, sign_out};
use crate::server::{AppState, Settings, http::local_path};

/// The sign-in and sign-out endpoints (plain form posts, so they work without JS).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/demo", post(demo_sign_in))
        .route("/auth/logout", post(sign_out_now))
}

#[derive(Debug, Deserialize)]
struct DemoForm {
    persona: String,
    return_to: Option<String>,
}

async fn demo_sign_in(
    State(settings): State<Arc<Settings>>,
    State(clock): State<Clock>,
    session: Session,
    Form(form): Form<DemoForm>,
) -> Response {
    if !settings.demo_login {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some(identity) = crate::personas::identity(&form.persona) else {
        return (
            StatusCode::BAD_REQUEST,
            "unknown persona / unbekannte Persona",
        )
            .into_response();
    };
    if let Err(err) = sign_in(&session, identity, &clock).await {
        tracing::error!(error = %err, "demo sign-in failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let target = form
        .return_to
        .as_deref()
        .and_then(local_path)
        .unwrap_or_else(|| "/".into());
    (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
}

async fn sign_out_now(session: Session) -> Response {
    if let Err(err) = sign_out(&session).await {
        tracing::error!(error = %err, "sign-out failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response()
}
