//! Who is signed in: stored in the session at sign-in, checked on every request.

use axum::{extract::Request, middleware::Next, response::Response};
use kernel::Identity;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::clock::Clock;

/// Session key of the signed-in person.
const KEY: &str = "portal.signed_in";

/// The signed-in person and when they signed in (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    /// Identity with roles and departments, computed at sign-in.
    pub identity: Identity,
    /// Moment of sign-in, for the absolute session timeout.
    pub since: i64,
}

/// Stores `identity` as signed in. The session gets a new id first, so an id planted
/// before sign-in is worthless afterwards.
pub async fn sign_in(session: &Session, identity: Identity, clock: &Clock) -> Result<(), String> {
    session.cycle_id().await.map_err(|e| e.to_string())?;
    let signed_in = SignedIn {
        identity,
        since: clock.now(),
    };
    session
        .insert(KEY, signed_in)
        .await
        .map_err(|e| e.to_string())
}

/// Ends the session: its data is deleted in the store and the cookie removed.
pub async fn sign_out(session: &Session) -> Result<(), String> {
    session.flush().await.map_err(|e| e.to_string())
}

/// Settings of the identity middleware.
#[derive(Clone, Debug)]
pub struct IdentityPolicy {
    /// Seconds after sign-in after which the session ends.
    pub absolute_timeout_secs: i64,
    /// Source of the current time.
    pub clock: Clock,
}

/// Middleware: puts the request's `Identity` into its extensions; ends sessions past
/// the absolute timeout.
pub async fn attach_identity(
    axum::extract::State(policy): axum::extract::State<IdentityPolicy>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let identity = match session.get::<SignedIn>(KEY).await {
        Ok(Some(signed_in))
            if policy.clock.now() - signed_in.since < policy.absolute_timeout_secs =>
        {
            signed_in.identity
        }
        Ok(Some(_)) => {
            tracing::info!("session ended: absolute timeout");
            let _ = session.flush().await;
            Identity::anonymous()
        }
        Ok(None) => Identity::anonymous(),
        Err(err) => {
            tracing::warn!(error = %err, "session could not be read");
            Identity::anonymous()
        }
    };
    request.extensions_mut().insert(identity);
    next.run(request).await
}
