//! Sign-in through an OpenID Connect provider (Keycloak, BayernID behind Keycloak).
//!
//! The portal is a confidential client using the authorization code flow with PKCE.
//! Tokens stay on the server, in the session store; the browser gets only the session
//! cookie. Claims become roles, departments and a level of assurance by configuration
//! ([`claims`]); expired access tokens are refreshed on the next request
//! ([`refresh`]); the provider can end portal sessions through back-channel logout.

pub mod claims;
pub mod login;
pub mod logout;
pub mod provider;
mod tokens;

use kernel::Identity;
use tower_sessions::Session;

pub use provider::{Provider, ProviderError};

use super::{
    clock::Clock,
    signed_in::{self, SignedIn},
};

/// How long to wait before trying again when the provider could not be reached for a
/// refresh (seconds); the person stays signed in meanwhile.
const REFRESH_RETRY_SECS: i64 = 60;

/// Refreshes the expired tokens of `signed_in` and returns who is signed in after:
/// the same person, or nobody when the provider refused (its session ended).
pub async fn refresh(
    provider: &Provider,
    session: &Session,
    mut signed_in: SignedIn,
    clock: &Clock,
) -> Identity {
    let Some(mut tokens) = signed_in.provider.take() else {
        return signed_in.identity;
    };
    match provider.refresh(&tokens, clock).await {
        Ok(fresh) => {
            tokens = fresh.session;
            if let Some(claims) = fresh.claims {
                // The refresh speaks of this person or of nobody: another subject ends
                // the session. Otherwise roles and departments follow what the
                // provider says now (name, profile and level stay those of the sign-in:
                // a refreshed token may carry fewer of them).
                if signed_in.identity.subject.as_deref() != Some(claims.subject.as_str()) {
                    tracing::warn!("a refreshed ID token named another subject: session ended");
                    let _ = session.flush().await;
                    return Identity::anonymous();
                }
                let now = claims::identity(provider.settings(), &claims);
                signed_in.identity.roles = now.roles;
                signed_in.identity.departments = now.departments;
                signed_in.identity.received_roles = now.received_roles;
            }
        }
        Err(ProviderError::Unavailable(err)) => {
            tracing::warn!(error = %err, "token refresh failed; trying again later");
            tokens.access_expires_at = clock.now() + REFRESH_RETRY_SECS;
        }
        Err(err) => {
            tracing::info!(error = %err, "provider refused the token refresh: session ended");
            let _ = session.flush().await;
            return Identity::anonymous();
        }
    }
    signed_in.provider = Some(tokens);
    if let Err(err) = signed_in::update(session, &signed_in).await {
        tracing::warn!(error = %err, "refreshed tokens could not be stored");
    }
    signed_in.identity
}
