//! The open interface's public part (free appointment times and the like) answers
//! anyone without a token, so one client address may call it only so often: a rate
//! per address (an IPv6 client by its /64, as the host reads it into
//! [`ClientNetwork`]), `api.public_per_minute` with `api.public_burst` at once; `0`
//! switches the limit off (behind a proxy that limits).

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use kernel::{
    api::{Problem, ProblemKind},
    client::{ClientNetwork, PerClient},
};

use crate::server::Settings;

/// The limit per client address.
#[derive(Clone)]
pub struct PublicLimit(Option<Arc<PerClient>>);

impl PublicLimit {
    /// The limit of `settings`.
    pub fn new(settings: &Settings) -> Self {
        Self(
            PerClient::per_minute(settings.api.public_per_minute, settings.api.public_burst)
                .map(Arc::new),
        )
    }
}

/// Middleware: lets a call through, or answers 429 with `Retry-After`.
pub async fn apply(State(limit): State<PublicLimit>, request: Request, next: Next) -> Response {
    let client = request.extensions().get::<ClientNetwork>().copied();
    if limit.0.as_ref().is_some_and(|limit| !limit.allows(client)) {
        let mut response = Problem::new(ProblemKind::TooManyRequests)
            .with_detail("too many calls from this address; try again in a minute")
            .into_response();
        response
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("60"));
        return response;
    }
    next.run(request).await
}
