//! The gate every call of `/api/v1` passes: a verified bearer token of a configured
//! client, within that client's rate; afterwards the call goes into the audit trail
//! (client, method, path, status, and the case when the handler names one).

use std::{num::NonZeroU32, sync::Arc, time::Duration};

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter, clock::Clock as _};
use kernel::{
    Identity, Role,
    api::{Caller, Problem, ProblemKind, TouchedCase},
    audit::{self, AuditEntry},
};

use super::token::{Refusal, TokenVerifier};
use crate::{auth::clock::Clock, server::settings::ApiSettings};

/// What the gate needs, shared by all calls.
pub struct Gate {
    verifier: Option<TokenVerifier>,
    settings: ApiSettings,
    limiter: DefaultKeyedRateLimiter<String>,
    /// Every call goes on the audit trail, in batches.
    reads: audit::ReadLog,
    clock: Clock,
}

impl Gate {
    /// The gate for `settings`; without an issuer every call is refused.
    pub fn new(
        settings: &ApiSettings,
        issuer: &str,
        audience: &str,
        reads: audit::ReadLog,
        clock: Clock,
    ) -> kernel::start::StartResult<Self> {
        use kernel::start::anyhow;
        let verifier = if issuer.is_empty() {
            None
        } else {
            Some(TokenVerifier::new(issuer, audience)?)
        };
        let per_minute = NonZeroU32::new(settings.requests_per_minute)
            .ok_or_else(|| anyhow!("api.requests_per_minute must be at least 1"))?;
        let burst = NonZeroU32::new(settings.burst)
            .ok_or_else(|| anyhow!("api.burst must be at least 1"))?;
        Ok(Self {
            verifier,
            settings: settings.clone(),
            limiter: RateLimiter::keyed(Quota::per_minute(per_minute).allow_burst(burst)),
            reads,
            clock,
        })
    }

    /// The caller behind `request`, or the problem to answer with.
    async fn admit(&self, headers: &HeaderMap) -> Result<Caller, Response> {
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let Some(token) = token else {
            return Err(Problem::new(ProblemKind::Unauthorized)
                .with_detail("send an access token as `Authorization: Bearer <token>`")
                .into_response());
        };
        let Some(verifier) = &self.verifier else {
            return Err(Problem::new(ProblemKind::Unauthorized)
                .with_detail("this portal accepts no access tokens (no issuer configured)")
                .into_response());
        };
        let client_id = match verifier.verify(token).await {
            Ok(client_id) => client_id,
            Err(Refusal::KeysUnavailable(cause)) => {
                tracing::error!(%cause, "the identity provider's keys could not be read");
                return Err(Problem::new(ProblemKind::Unavailable).into_response());
            }
            Err(refusal) => {
                tracing::info!(%refusal, "access token refused");
                return Err(Problem::new(ProblemKind::Unauthorized)
                    .with_detail("the access token is not valid here")
                    .into_response());
            }
        };
        let Some(client) = self.settings.client(&client_id) else {
            tracing::warn!(%client_id, "a client without configuration called the interface");
            return Err(Problem::new(ProblemKind::Forbidden)
                .with_detail("this client is not registered with the portal")
                .into_response());
        };
        if let Err(not_until) = self.limiter.check_key(&client_id) {
            let wait = not_until.wait_time_from(self.limiter.clock().now());
            return Err(too_many(wait));
        }
        Ok(Caller {
            client_id: client_id.clone(),
            identity: Identity {
                subject: Some(format!("client:{client_id}")),
                name: Some(client.name.clone()),
                roles: vec![Role::Caseworker],
                departments: client.departments.clone(),
                ..Identity::default()
            },
            scopes: client.scopes.clone(),
        })
    }

    /// Records the finished call.
    fn record(&self, caller: &Caller, line: String, status: u16, case: Option<String>) {
        let entry = AuditEntry {
            at: self.clock.now(),
            actor: caller.identity.subject.clone().unwrap_or_default(),
            actor_name: caller.identity.name.clone().unwrap_or_default(),
            action: "api".into(),
            case_id: case,
            detail: Some(format!("{line} {status}")),
        };
        self.reads.note(entry);
    }
}

fn too_many(wait: Duration) -> Response {
    let seconds = wait.as_secs() + 1;
    let mut response = Problem::new(ProblemKind::TooManyRequests)
        .with_detail(format!("try again in {seconds} s"))
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Middleware: admits the call, hands it the caller, and records it.
pub async fn apply(State(gate): State<Arc<Gate>>, mut request: Request, next: Next) -> Response {
    let caller = match gate.admit(request.headers()).await {
        Ok(caller) => caller,
        Err(refused) => return refused,
    };
    // The path only: query strings may carry words a caseworker searched for.
    let line = format!("{} {}", request.method(), request.uri().path());
    request.extensions_mut().insert(caller.identity.clone());
    request.extensions_mut().insert(caller.clone());
    let response = next.run(request).await;
    let case = response
        .extensions()
        .get::<TouchedCase>()
        .map(|touched| touched.0.clone());
    gate.record(&caller, line, response.status().as_u16(), case);
    response
}
