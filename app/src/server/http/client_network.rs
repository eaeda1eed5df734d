//! Puts the client's network ([`kernel::client::ClientNetwork`]) into every request,
//! read as the settings say (the TCP peer, or the address a trusted proxy reports), so
//! modules can limit per client without knowing about proxies.

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use kernel::client::ClientNetwork;
use tower_governor::key_extractor::KeyExtractor;

use crate::auth::rate_limit::ClientKey;

/// Middleware: adds the network when it can be read.
pub async fn apply(State(key): State<ClientKey>, mut request: Request, next: Next) -> Response {
    if let Ok(network) = key.extract(&request) {
        request.extensions_mut().insert(ClientNetwork(network));
    }
    next.run(request).await
}
