//! The open interface `/api/v1` for back-office systems: the modules' endpoints behind
//! one gate (bearer tokens, rate limits, audit), problem details for every error, and
//! the OpenAPI document at `/api/v1/openapi.json`.

pub mod document;
mod gate;
mod public_limit;
mod token;

use std::sync::Arc;

use axum::{extract::DefaultBodyLimit, response::IntoResponse};
use kernel::{
    api::{BASE_PATH, Problem, ProblemKind},
    routes::Routes,
    start::{Context, StartResult},
};

use crate::server::AppState;

/// Largest request body the interface takes (messages and notes are short texts).
const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// The routes under [`BASE_PATH`].
pub fn routes(state: &AppState) -> StartResult<Routes> {
    let settings = &state.settings;
    let issuer = if settings.api.issuer_url.is_empty() {
        settings.oidc.issuer_url.clone()
    } else {
        settings.api.issuer_url.clone()
    };
    let audience = audience(settings);
    let gate = gate::Gate::new(
        &settings.api,
        &issuer,
        &audience,
        state.ctx.reads.clone(),
        state.clock.clone(),
    )
    .context("the interface's token gate")?;
    let guarded = state
        .modules
        .parts()
        .iter()
        .fold(Routes::new(), |routes, (_, parts)| {
            routes.merge(parts.api_routes(&state.ctx))
        })
        .map_router(|router| {
            router.route_layer(axum::middleware::from_fn_with_state(
                Arc::new(gate),
                gate::apply,
            ))
        });
    // Public facts (free appointment times): no token, a rate per client address.
    let public = state
        .modules
        .parts()
        .iter()
        .fold(Routes::new(), |routes, (_, parts)| {
            routes.merge(parts.public_api_routes(&state.ctx))
        })
        .map_router(|router| {
            router.route_layer(axum::middleware::from_fn_with_state(
                public_limit::PublicLimit::new(settings),
                public_limit::apply,
            ))
        });
    let document = Arc::new(
        document::document(&state.modules)
            .to_pretty_json()
            .context("the interface's OpenAPI document")?,
    );
    let api = Routes::new()
        .get("/openapi.json", move || {
            let document = Arc::clone(&document);
            async move {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    document.as_str().to_owned(),
                )
            }
        })
        .merge(guarded)
        .merge(public)
        .map_router(|router| {
            router
                .fallback(|| async { Problem::new(ProblemKind::NotFound).into_response() })
                .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        });
    Ok(Routes::new().nest(BASE_PATH, api))
}

/// The audience the interface's tokens must name.
pub fn audience(settings: &crate::server::Settings) -> String {
    if settings.api.audience.is_empty() {
        format!("{}/api", settings.public_url.trim_end_matches('/'))
    } else {
        settings.api.audience.clone()
    }
}
