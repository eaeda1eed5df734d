//! Answers to a signed-in person may show their data (drafts, cases, the account, the
//! inbox): no cache keeps them, not the browser's for the next person at a shared
//! computer, not a proxy's. An answer that chose its own caching (a hashed asset, a
//! download) keeps it.

use axum::{
    extract::Request,
    http::{HeaderValue, header},
    middleware::Next,
    response::Response,
};
use kernel::Identity;

/// What answers to signed-in people are marked with.
pub const PRIVATE: &str = "private, no-store";

/// Middleware: marks answers to a signed-in person as not to be stored.
pub async fn apply(request: Request, next: Next) -> Response {
    let signed_in = request
        .extensions()
        .get::<Identity>()
        .is_some_and(Identity::is_signed_in);
    let mut response = next.run(request).await;
    if signed_in && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(PRIVATE));
    }
    response
}
