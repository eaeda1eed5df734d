//! Who is asking, as far as a limit needs to know: the client's network (the address
//! the host reads from the connection or a trusted proxy, an IPv6 client by its /64),
//! and a limit per network for modules that take posts anyone can send.

use std::{net::IpAddr, num::NonZeroU32};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The client network of a request; the host puts it into every request's
/// extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClientNetwork(pub IpAddr);

/// How many networks a limit keeps before it forgets those back at their full
/// allowance.
const FORGET_ABOVE: usize = 10_000;

/// A rate per client network, with a burst at once.
pub struct PerClient {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl PerClient {
    /// `per_hour` with `burst` at once, or `None` when `per_hour` is 0 (off: a proxy
    /// in front limits).
    pub fn per_hour(per_hour: u32, burst: u32) -> Option<Self> {
        Self::with(NonZeroU32::new(per_hour).map(Quota::per_hour), burst)
    }

    /// `per_minute` with `burst` at once, or `None` when `per_minute` is 0.
    pub fn per_minute(per_minute: u32, burst: u32) -> Option<Self> {
        Self::with(NonZeroU32::new(per_minute).map(Quota::per_minute), burst)
    }

    fn with(quota: Option<Quota>, burst: u32) -> Option<Self> {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        Some(Self {
            limiter: RateLimiter::keyed(quota?.allow_burst(burst)),
        })
    }

    /// Counts one request of `client`; `false` when it is over its rate. A request
    /// whose network the host did not read (none) is let through.
    pub fn allows(&self, client: Option<ClientNetwork>) -> bool {
        let Some(ClientNetwork(network)) = client else {
            return true;
        };
        if self.limiter.len() > FORGET_ABOVE {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&network).is_ok()
    }
}

impl std::fmt::Debug for PerClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PerClient")
            .field("networks", &self.limiter.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_network_has_its_own_burst() {
        let limit = PerClient::per_hour(60, 2).expect("on");
        let one = Some(ClientNetwork("192.0.2.1".parse().unwrap()));
        let two = Some(ClientNetwork("192.0.2.2".parse().unwrap()));
        assert!(limit.allows(one) && limit.allows(one));
        assert!(!limit.allows(one), "the third at once is over");
        assert!(limit.allows(two), "another network is not");
        assert!(limit.allows(None), "an unknown network is let through");
        assert!(PerClient::per_hour(0, 5).is_none(), "0 is off");
    }
}
