//! Server functions answer every error with status 500 and the error as JSON. This
//! layer gives an [`AppError`] its own status (400, 403, 404), in one place for all
//! modules, so API clients and logs can tell bad input from a server fault.

use axum::{body::Body, extract::Request, http::StatusCode, middleware::Next, response::Response};
use kernel::AppError;

/// Header with which server functions mark an error response.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";
/// Error bodies are small; anything larger is left alone.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Middleware: maps server-function error responses to the error's status.
pub async fn apply(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status_code();
    }
    Response::from_parts(parts, Body::from(bytes))
}
