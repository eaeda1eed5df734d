//! Reports filed through Open311 (`POST /open311/…`) come from anyone on the internet
//! without a sign-in: they are limited per client address like the sign-in, so nobody
//! floods the departments' inboxes.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc};

use axum::{
    extract::{Request, State},
    http::{Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tower_governor::key_extractor::KeyExtractor;

use crate::{auth::rate_limit::ClientKey, server::settings::RateLimitSettings};

/// How many clients the limiter keeps before it forgets those back at their full
/// allowance.
const FORGET_ABOVE: usize = 10_000;

/// The limit and how client addresses are read (an IPv6 client by its /64).
#[derive(Clone)]
pub struct ReportLimit {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    key: ClientKey,
}

impl ReportLimit {
    /// The sign-in limit of `settings`, for reports.
    pub fn new(settings: &RateLimitSettings) -> Self {
        let per_minute = NonZeroU32::new(settings.login_per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(settings.login_burst).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: Arc::new(RateLimiter::keyed(
                Quota::per_minute(per_minute).allow_burst(burst),
            )),
            key: ClientKey::new(settings.client_address),
        }
    }
}

/// Middleware: answers 429 to a client address over its rate of reports.
pub async fn apply(State(limit): State<ReportLimit>, request: Request, next: Next) -> Response {
    let is_report =
        request.method() == Method::POST && request.uri().path().starts_with("/open311/");
    if is_report {
        let over = match limit.key.extract(&request) {
            Ok(address) => limit.limiter.check_key(&address).is_err(),
            Err(_) => false,
        };
        // Clients that stopped reporting are forgotten, so the map stays small.
        if limit.limiter.len() > FORGET_ABOVE {
            limit.limiter.retain_recent();
        }
        if over {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [("content-type", "application/json"), ("retry-after", "60")],
                r#"[{"code":429,"description":"too many reports from this address; try again in a minute"}]"#,
            )
                .into_response();
        }
    }
    next.run(request).await
}
