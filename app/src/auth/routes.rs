//! The sign-in endpoints: one entry point whatever the mode, the provider callback,
//! sign-out and back-channel logout, and the demo sign-in when it is on. The endpoints
//! that start or finish a sign-in are rate-limited per client address.

use axum::{
    extract::{Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use kernel::routes::Routes;
use tower_sessions::Session;

use super::{
    demo, oidc, rate_limit,
    signed_in::{self, sign_out},
};
use kernel::Level;

use crate::server::{AppState, http::back_or_home};

/// The routes for `state`'s settings.
pub fn routes(state: &AppState) -> kernel::start::StartResult<Routes<AppState>> {
    let limit = rate_limit::layer(&state.settings.rate_limit)?;
    let limited = Routes::new()
        .get("/auth/login", login)
        .get("/auth/callback", oidc::login::callback_handler)
        .post("/auth/demo", demo::demo_sign_in)
        .map_router(|router| router.layer(limit));
    Ok(Routes::new()
        .merge(limited)
        .post("/auth/logout", logout)
        .post("/auth/backchannel-logout", oidc::logout::backchannel))
}

/// `GET /auth/login?return_to=&level=`: to the provider, or to the persona choice in
/// demo mode.
async fn login(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<oidc::login::LoginQuery>,
) -> Response {
    match &state.oidc {
        Some(provider) => oidc::login::start(provider, &session, &state.clock, query).await,
        None => {
            let back = back_or_home(query.return_to.as_deref());
            let mut query_string = form_urlencoded::Serializer::new(String::new());
            query_string.append_pair("return_to", &back);
            // The persona choice offers only people who reach the level asked for.
            if let Some(level) = query.level.as_deref().and_then(Level::parse) {
                query_string.append_pair("level", level.as_str());
            }
            let target = format!("/anmelden?{}", query_string.finish());
            (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
        }
    }
}

/// `POST /auth/logout`: ends the portal session, then the provider session
/// (RP-initiated logout with `id_token_hint`) when there is one.
async fn logout(State(state): State<AppState>, session: Session) -> Response {
    let tokens = signed_in::current(&session).await.and_then(|s| s.provider);
    if let Err(err) = sign_out(&session).await {
        tracing::error!(error = %err, "sign-out failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let target = match (&state.oidc, tokens) {
        (Some(provider), Some(tokens)) => provider
            .end_session_url(&tokens, &state.settings.public_url)
            .await
            .unwrap_or_else(|| "/".into()),
        _ => "/".into(),
    };
    (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
}
