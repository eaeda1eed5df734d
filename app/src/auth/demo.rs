//! Demo sign-in for the quick start: choose a persona instead of signing in at an
//! identity provider. On only when `auth.mode = "demo"`; the demo banner is on every
//! page then.

use std::sync::Arc;

use axum::{
    Form,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::clock::Clock;

use super::signed_in::sign_in;
use crate::server::{Settings, http::back_or_home};

/// The posted sign-in form.
#[derive(Debug, Deserialize)]
pub struct DemoForm {
    persona: String,
    return_to: Option<String>,
}

/// `POST /auth/demo`: signs in as the chosen persona (plain form post, works without JS).
pub async fn demo_sign_in(
    State(settings): State<Arc<Settings>>,
    State(clock): State<Clock>,
    session: Session,
    Form(form): Form<DemoForm>,
) -> Response {
    if !settings.demo_login() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some(identity) = crate::personas::identity(&form.persona) else {
        return (
            StatusCode::BAD_REQUEST,
            "unknown persona / unbekannte Persona",
        )
            .into_response();
    };
    if let Err(err) = sign_in(&session, identity, None, &clock).await {
        tracing::error!(error = %err, "demo sign-in failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let target = back_or_home(form.return_to.as_deref());
    (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
}
