//! A request id per request: taken from `x-request-id` when a proxy set one, otherwise
//! a new UUID; recorded on the request's tracing span and returned in the response.

use axum::http::{HeaderValue, Request};
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Span;

/// Makes a random (v4) UUID for each request without an id.
#[derive(Clone, Copy, Debug, Default)]
pub struct MakeRequestUuid;

impl MakeRequestId for MakeRequestUuid {
    fn make_request_id<B>(&mut self, _request: &Request<B>) -> Option<RequestId> {
        HeaderValue::from_str(&uuid::Uuid::new_v4().to_string())
            .ok()
            .map(RequestId::new)
    }
}

/// The span every log line of a request is written in.
pub fn span_for<B>(request: &Request<B>) -> Span {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    let span = tracing::info_span!(
        "request",
        request_id,
        method = %request.method(),
        path = request.uri().path(),
    );
    crate::server::telemetry::traces::continue_trace(&span, request.headers());
    span
}
