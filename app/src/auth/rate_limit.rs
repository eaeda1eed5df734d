//! Rate limit on the sign-in endpoints, per client address, so nobody can flood the
//! provider through the portal or guess their way through the demo sign-in.

use std::{net::IpAddr, time::Duration};

use axum::http::Request;
use governor::{clock::QuantaInstant, middleware::NoOpMiddleware};
use tower_governor::{
    GovernorError, GovernorLayer,
    governor::GovernorConfigBuilder,
    key_extractor::{KeyExtractor, PeerIpKeyExtractor, SmartIpKeyExtractor},
};

use crate::server::settings::{ClientAddress, RateLimitSettings};

/// How often the limiter forgets clients that have gone quiet.
const FORGET_PERIOD: Duration = Duration::from_secs(60);

/// The client address as configured: the TCP peer, or the address a trusted proxy
/// reports.
#[derive(Clone, Copy, Debug)]
pub struct ClientKey(ClientAddress);

impl ClientKey {
    /// Addresses read as `how` says.
    pub fn new(how: ClientAddress) -> Self {
        Self(how)
    }
}

impl KeyExtractor for ClientKey {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        match self.0 {
            ClientAddress::Peer => PeerIpKeyExtractor.extract(request),
            ClientAddress::Forwarded => SmartIpKeyExtractor.extract(request),
        }
    }
}

/// The rate-limit layer as built by [`layer`].
pub type LoginRateLimit = GovernorLayer<ClientKey, NoOpMiddleware<QuantaInstant>, axum::body::Body>;

/// The layer for `settings`; answers 429 with `Retry-After` when a client is over.
pub fn layer(settings: &RateLimitSettings) -> Result<LoginRateLimit, String> {
    let per_minute = u64::from(settings.login_per_minute.max(1));
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientKey(settings.client_address))
        .per_millisecond((60_000 / per_minute).max(1))
        .burst_size(settings.login_burst.max(1))
        .finish()
        .ok_or("rate_limit: rate and burst must be at least 1")?;
    let limiter = config.limiter().clone();
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(FORGET_PERIOD);
        loop {
            interval.tick().await;
            limiter.retain_recent();
        }
    });
    Ok(GovernorLayer::new(config))
}
