//! Sign-in at the provider: authorization code flow with PKCE (S256), `state` and
//! `nonce`. `/auth/login` remembers what it sent in the session and redirects to the
//! provider; `/auth/callback` checks the answer against it, exactly once.

use std::sync::Arc;

use axum::{
    extract::{Query, State},
    response::{IntoResponse, Redirect, Response},
};
use kernel::Level;
use openidconnect::{CsrfToken, Nonce, PkceCodeChallenge, Scope, core::CoreAuthenticationFlow};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{
    claims,
    provider::{Provider, ProviderError},
};
use crate::{
    auth::{
        clock::Clock,
        signed_in::{self, sign_in},
    },
    server::{http::back_or_home, settings::StepUpMethod},
};

/// Session key of the sign-ins started but not yet finished.
const PENDING_KEY: &str = "portal.oidc.pending";

/// Sign-ins started in other tabs that are still accepted.
const MAX_PENDING: usize = 3;

/// How long the provider may take to send the person back (seconds).
const PENDING_TTL_SECS: i64 = 15 * 60;

/// The page that explains a failed sign-in.
pub const FAILURE_PAGE: &str = "/anmelden/fehler";

/// What the callback must see again.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Pending {
    state: String,
    nonce: String,
    pkce_verifier: String,
    return_to: String,
    started: i64,
    /// The level asked for, when this was a step-up.
    #[serde(default)]
    level: Option<Level>,
}

/// `?return_to=&level=` of `/auth/login`.
#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    /// Where to go after sign-in (local paths only).
    pub return_to: Option<String>,
    /// `low`, `substantial` or `high` to ask for that level.
    pub level: Option<String>,
}

/// Redirects to the provider, asking for `level` when given (step-up).
pub async fn start(
    provider: &Provider,
    session: &Session,
    clock: &Clock,
    query: LoginQuery,
) -> Response {
    let level = query.level.as_deref().and_then(Level::parse);
    let return_to = back_or_home(query.return_to.as_deref());
    let metadata = match provider.metadata().await {
        Ok(metadata) => metadata,
        Err(err) => return failed(&err),
    };
    let settings = provider.settings();
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = provider.client(&metadata);
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge);
    for scope in settings.scopes.iter().filter(|s| *s != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    if let Some(level) = level {
        let value = settings.step_up_values.get(level).clone();
        request = match settings.step_up {
            StepUpMethod::Scope => request.add_scope(Scope::new(value)),
            StepUpMethod::AcrValues => request.add_extra_param("acr_values", value),
        };
        // Someone already signed in must prove themselves again at the higher level.
        if signed_in::current(session).await.is_some() {
            request = request.add_extra_param("prompt", "login");
        }
    }
    let (url, state, nonce) = request.url();
    let pending = Pending {
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
        return_to,
        started: clock.now(),
        level,
    };
    if let Err(err) = remember(session, pending, clock).await {
        tracing::error!(error = %err, "sign-in could not be stored in the session");
        return to_failure_page("fehlgeschlagen");
    }
    Redirect::to(url.as_str()).into_response()
}

async fn remember(session: &Session, pending: Pending, clock: &Clock) -> Result<(), String> {
    let mut all: Vec<Pending> = session
        .get(PENDING_KEY)
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    all.retain(|p| clock.now() - p.started < PENDING_TTL_SECS);
    all.push(pending);
    let keep_from = all.len().saturating_sub(MAX_PENDING);
    session
        .insert(PENDING_KEY, &all[keep_from..])
        .await
        .map_err(|e| e.to_string())
}

/// Removes and returns the pending sign-in with `state`, so a callback URL works once.
async fn take(session: &Session, state: &str, clock: &Clock) -> Option<Pending> {
    let mut all: Vec<Pending> = session.get(PENDING_KEY).await.ok().flatten()?;
    let index = all
        .iter()
        .position(|p| p.state == state && clock.now() - p.started < PENDING_TTL_SECS)?;
    let pending = all.remove(index);
    session.insert(PENDING_KEY, all).await.ok()?;
    Some(pending)
}

/// `?code=&state=` or `?error=&state=` of `/auth/callback`.
#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Finishes the sign-in: checks `state`, exchanges the code, verifies the tokens,
/// maps the claims and starts a fresh session.
pub async fn callback(
    provider: Arc<Provider>,
    session: Session,
    clock: Clock,
    query: CallbackQuery,
) -> Response {
    let Some(pending) = take(&session, query.state.as_deref().unwrap_or_default(), &clock).await
    else {
        tracing::info!("sign-in callback with an unknown, used or expired state");
        return to_failure_page("abgelaufen");
    };
    if let Some(error) = query.error {
        // The text comes from the browser: it is neither logged nor shown.
        let denied = error == "access_denied";
        tracing::info!(denied, "provider returned an error instead of a code");
        if denied && let Some(level) = pending.level {
            // The provider would not sign in at the level asked for: that is no
            // cancellation, and the person may still be signed in at their old level.
            return to_level_page(level, &pending.return_to);
        }
        return to_failure_page(if denied {
            "abgebrochen"
        } else {
            "fehlgeschlagen"
        });
    }
    let Some(code) = query.code else {
        return to_failure_page("fehlgeschlagen");
    };
    let nonce = Nonce::new(pending.nonce);
    let result = match provider
        .sign_in(code, pending.pkce_verifier, &nonce, &clock)
        .await
    {
        Ok(result) => result,
        Err(err) => return failed(&err),
    };
    if kernel::identity::is_reserved_subject(&result.claims.subject) {
        // An account named like the portal's own actors would own what they did.
        tracing::warn!("sign-in refused: the provider's subject is one the portal reserves");
        return to_failure_page("fehlgeschlagen");
    }
    let identity = claims::identity(provider.settings(), &result.claims);
    tracing::info!(subject = ?identity.subject, roles = ?identity.roles, level = ?identity.level, "signed in at the provider");
    if let Err(err) = sign_in(&session, identity, Some(result.session), &clock).await {
        tracing::error!(error = %err, "session could not be started");
        return to_failure_page("fehlgeschlagen");
    }
    Redirect::to(&pending.return_to).into_response()
}

fn failed(err: &ProviderError) -> Response {
    tracing::warn!(error = %err, "sign-in failed");
    match err {
        ProviderError::Unavailable(_) => to_failure_page("nicht-erreichbar"),
        _ => to_failure_page("fehlgeschlagen"),
    }
}

/// To the failure page that explains the `level` a service needs and how to reach it,
/// with what is needed to try again.
fn to_level_page(level: Level, return_to: &str) -> Response {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("grund", crate::pages::LEVEL_REFUSED);
    query.append_pair("stufe", level.as_str());
    query.append_pair("return_to", return_to);
    Redirect::to(&format!("{FAILURE_PAGE}?{}", query.finish())).into_response()
}

/// To the failure page with one of a fixed set of reasons.
pub fn to_failure_page(reason: &'static str) -> Response {
    Redirect::to(&format!("{FAILURE_PAGE}?grund={reason}")).into_response()
}

/// Axum handler of `/auth/callback`.
pub async fn callback_handler(
    State(provider): State<Option<Arc<Provider>>>,
    State(clock): State<Clock>,
    session: Session,
    Query(query): Query<CallbackQuery>,
) -> Response {
    match provider {
        Some(provider) => callback(provider, session, clock, query).await,
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}
