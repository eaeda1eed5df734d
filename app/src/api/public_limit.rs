//! The open interface's public part (free appointment times and the like) answers
//! anyone without a token, so one client address may call it only so often: a rate
//! per address (an IPv6 client by its /64), `api.public_per_minute` with
//! `api.public_burst` at once; `0` switches the limit off (behind a proxy that limits).

use std::{net::IpAddr, num::NonZeroU32, sync::Arc};

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use kernel::api::{Problem, ProblemKind};
use tower_governor::key_extractor::KeyExtractor;

use crate::{auth::rate_limit::ClientKey, server::Settings};

/// How many addresses the limiter keeps before it forgets those back at their full
/// allowance.
const FORGET_ABOVE: usize = 10_000;

/// The limit per client address.
#[derive(Clone)]
pub struct PublicLimit {
    limiter: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    address: ClientKey,
}

impl PublicLimit {
    /// The limit of `settings`.
    pub fn new(settings: &Settings) -> Self {
        let burst = NonZeroU32::new(settings.api.public_burst).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: NonZeroU32::new(settings.api.public_per_minute).map(|per_minute| {
                Arc::new(RateLimiter::keyed(
                    Quota::per_minute(per_minute).allow_burst(burst),
                ))
            }),
            address: ClientKey::new(settings.rate_limit.client_address),
        }
    }
}

/// Middleware: lets a call through, or answers 429 with `Retry-After`.
pub async fn apply(State(limit): State<PublicLimit>, request: Request, next: Next) -> Response {
    let Some(limiter) = &limit.limiter else {
        return next.run(request).await;
    };
    if limiter.len() > FORGET_ABOVE {
        limiter.retain_recent();
    }
    let over = limit
        .address
        .extract(&request)
        .is_ok_and(|address| limiter.check_key(&address).is_err());
    if over {
        let mut response = Problem::new(ProblemKind::TooManyRequests)
            .with_detail("too many calls from this address; try again in a minute")
            .into_response();
        response
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("60"));
        return response;
    }
    next.run(request).await
}
