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
        let address = match self.0 {
            ClientAddress::Peer => PeerIpKeyExtractor.extract(request),
            ClientAddress::Forwarded => SmartIpKeyExtractor.extract(request),
        }?;
        Ok(network_of(address))
    }
}

/// The network a client address stands for: an IPv6 client gets a whole /64 from its
/// provider and can rotate through it at will, so the /64 is the client; an IPv4
/// address (also written as IPv6) is itself.
pub fn network_of(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(
                u128::from(v6) & !u128::from(u64::MAX),
            )),
        },
        v4 @ IpAddr::V4(_) => v4,
    }
}

/// The rate-limit layer as built by [`layer`].
pub type LoginRateLimit = GovernorLayer<ClientKey, NoOpMiddleware<QuantaInstant>, axum::body::Body>;

/// The layer for `settings`; answers 429 with `Retry-After` when a client is over.
pub fn layer(settings: &RateLimitSettings) -> kernel::start::StartResult<LoginRateLimit> {
    let per_minute = u64::from(settings.login_per_minute.max(1));
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientKey(settings.client_address))
        .per_millisecond((60_000 / per_minute).max(1))
        .burst_size(settings.login_burst.max(1))
        .finish()
        .ok_or_else(|| kernel::start::anyhow!("rate_limit: rate and burst must be at least 1"))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse()
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
    }

    #[test]
    fn an_ipv6_client_is_its_64_and_ipv4_its_address() {
        assert_eq!(network_of(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(
            network_of(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")),
            network_of(ip("2001:db8:1:2::7"))
        );
        assert_ne!(
            network_of(ip("2001:db8:1:3::1")),
            network_of(ip("2001:db8:1:2::1"))
        );
        assert_eq!(network_of(ip("192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(network_of(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
    }
}
