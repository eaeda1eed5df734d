//! Who is signed in: stored in the session at sign-in, checked on every request.

use std::{collections::HashMap, fmt, sync::Arc};

use axum::{extract::Request, middleware::Next, response::Response};
use kernel::Identity;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{clock::Clock, oidc};

/// Session key of the signed-in person.
const KEY: &str = "portal.signed_in";

/// The tokens of a sign-in at the identity provider. They stay in the session store
/// on the server, sealed (see `sealed`); the browser only ever holds the session
/// cookie.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderSession {
    /// The ID token, sent back as `id_token_hint` at sign-out.
    #[serde(with = "super::sealed::text")]
    pub id_token: String,
    /// Access token for userinfo.
    #[serde(with = "super::sealed::text")]
    pub access_token: String,
    /// Refresh token, when the provider issued one.
    #[serde(with = "super::sealed::optional")]
    pub refresh_token: Option<String>,
    /// When the access token expires (Unix seconds, portal clock).
    pub access_expires_at: i64,
    /// The provider's session id, which back-channel logout names.
    pub sid: Option<String>,
}

impl fmt::Debug for ProviderSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Tokens never reach a log line.
        f.debug_struct("ProviderSession")
            .field("access_expires_at", &self.access_expires_at)
            .field("sid", &self.sid)
            .finish_non_exhaustive()
    }
}

/// The signed-in person and when they signed in (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    /// Identity with roles and departments, computed at sign-in.
    pub identity: Identity,
    /// Moment of sign-in, for the absolute session timeout.
    pub since: i64,
    /// The provider sign-in behind it; `None` for the demo sign-in.
    pub provider: Option<ProviderSession>,
}

/// Stores `identity` as signed in. The session gets a new id first, so an id planted
/// before sign-in is worthless afterwards.
pub async fn sign_in(
    session: &Session,
    identity: Identity,
    provider: Option<ProviderSession>,
    clock: &Clock,
) -> Result<(), String> {
    session.cycle_id().await.map_err(|e| e.to_string())?;
    let signed_in = SignedIn {
        identity,
        since: clock.now(),
        provider,
    };
    session
        .insert(KEY, signed_in)
        .await
        .map_err(|e| e.to_string())
}

/// Replaces the stored sign-in (after a token refresh), keeping the session id.
pub async fn update(session: &Session, signed_in: &SignedIn) -> Result<(), String> {
    session
        .insert(KEY, signed_in)
        .await
        .map_err(|e| e.to_string())
}

/// Who is signed in in `session`, if anyone.
pub async fn current(session: &Session) -> Option<SignedIn> {
    session.get::<SignedIn>(KEY).await.ok().flatten()
}

/// The provider session id stored in a session's data, for the store's index that
/// back-channel logout uses.
pub fn provider_sid(data: &HashMap<String, serde_json::Value>) -> Option<String> {
    data.get(KEY)?
        .get("provider")?
        .get("sid")?
        .as_str()
        .map(str::to_owned)
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
    /// The identity provider, whose tokens are refreshed when they expire.
    pub provider: Option<Arc<oidc::Provider>>,
}

/// Middleware: puts the request's `Identity` into its extensions; ends sessions past
/// the absolute timeout and refreshes provider tokens that have expired.
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
            match (&policy.provider, &signed_in.provider) {
                (Some(provider), Some(tokens))
                    if tokens.access_expires_at <= policy.clock.now() =>
                {
                    oidc::refresh(provider, &session, signed_in, &policy.clock).await
                }
                _ => signed_in.identity,
            }
        }
        Ok(Some(_)) => {
            tracing::info!("session ended: absolute timeout");
            let _ = session.flush().await;
            Identity::anonymous()
        }
        Ok(None) => Identity::anonymous(),
        // Without the session store nobody can be recognised: rather than treat a
        // signed-in person as a stranger (and send them to sign in), say the portal
        // is disrupted. A server error is not saved back into the store.
        Err(err) => {
            tracing::warn!(error = %err, "session could not be read");
            return crate::server::http::plain_page::disrupted();
        }
    };
    request.extensions_mut().insert(identity);
    next.run(request).await
}
