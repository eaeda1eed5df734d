//! Reports filed through Open311 (`POST /open311/…`) come from anyone on the internet
//! without a sign-in, so nobody may flood the departments' inboxes: a report with a
//! known `api_key` (the specification's parameter, in the body or the query) counts
//! against its key's rate; one without counts against a stricter rate per client
//! address (an IPv6 client by its /64); an unknown key is refused.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tower_governor::key_extractor::KeyExtractor;

use crate::{
    auth::rate_limit::ClientKey,
    server::settings::{ClientAddress, Open311Settings},
};

/// How many clients the limiter keeps before it forgets those back at their full
/// allowance.
const FORGET_ABOVE: usize = 10_000;

/// Longest report body read here; the report handler has the same limit.
const BODY_LIMIT: usize = 64 * 1024;

/// The limits, the known keys and how client addresses are read.
#[derive(Clone)]
pub struct ReportLimit {
    anonymous: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    keyed: Arc<DefaultKeyedRateLimiter<String>>,
    keys: Arc<[(String, String)]>,
    address: ClientKey,
}

impl ReportLimit {
    /// The limits of `settings`, with client addresses read as `address` says.
    pub fn new(settings: &Open311Settings, address: ClientAddress) -> Self {
        let burst = NonZeroU32::new(settings.anonymous_burst).unwrap_or(NonZeroU32::MIN);
        let keyed = NonZeroU32::new(settings.keyed_per_minute).unwrap_or(NonZeroU32::MIN);
        Self {
            anonymous: NonZeroU32::new(settings.anonymous_per_minute).map(|per_minute| {
                Arc::new(RateLimiter::keyed(
                    Quota::per_minute(per_minute).allow_burst(burst),
                ))
            }),
            keyed: Arc::new(RateLimiter::keyed(Quota::per_minute(keyed))),
            keys: settings
                .api_keys
                .iter()
                .map(|k| (k.client.clone(), k.key.0.clone()))
                .collect(),
            address: ClientKey::new(address),
        }
    }

    /// The client whose key `given` is, comparing in constant time.
    fn client_of(&self, given: &str) -> Option<&str> {
        use subtle::ConstantTimeEq;
        self.keys
            .iter()
            .find(|(_, key)| bool::from(key.as_bytes().ct_eq(given.as_bytes())))
            .map(|(client, _)| client.as_str())
    }
}

/// What the limit decided about one report.
enum Verdict {
    Pass,
    Over,
    UnknownKey,
    KeyRequired,
    TooLarge,
}

/// Middleware: lets a report through, or answers 429, 403 or 413 in the report's format.
pub async fn apply(State(limit): State<ReportLimit>, request: Request, next: Next) -> Response {
    let is_report =
        request.method() == Method::POST && request.uri().path().starts_with("/open311/");
    if !is_report {
        return next.run(request).await;
    }
    let xml = request.uri().path().ends_with(".xml");
    let (parts, body) = request.into_parts();
    let (verdict, body) = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => {
            let request = Request::from_parts(parts.clone(), ());
            (judge(&limit, &request, &bytes), bytes)
        }
        Err(_) => (Verdict::TooLarge, Bytes::new()),
    };
    // Clients that stopped reporting are forgotten, so the maps stay small.
    if let Some(anonymous) = &limit.anonymous
        && anonymous.len() > FORGET_ABOVE
    {
        anonymous.retain_recent();
    }
    match verdict {
        Verdict::Pass => next.run(Request::from_parts(parts, Body::from(body))).await,
        Verdict::Over => refusal(
            xml,
            StatusCode::TOO_MANY_REQUESTS,
            "too many reports; try again in a minute",
        ),
        Verdict::UnknownKey => refusal(xml, StatusCode::FORBIDDEN, "api_key is not valid"),
        Verdict::KeyRequired => refusal(
            xml,
            StatusCode::FORBIDDEN,
            "reports need an api_key of this city",
        ),
        Verdict::TooLarge => refusal(xml, StatusCode::PAYLOAD_TOO_LARGE, "report too large"),
    }
}

/// Which rate a report counts against, and whether it is within it.
fn judge(limit: &ReportLimit, request: &Request<()>, body: &[u8]) -> Verdict {
    let query = request.uri().query().unwrap_or_default().as_bytes();
    let key = [body, query].into_iter().find_map(|pairs| {
        form_urlencoded::parse(pairs)
            .find(|(name, _)| name == "api_key")
            .map(|(_, value)| value.into_owned())
    });
    match key {
        Some(key) => match limit.client_of(&key) {
            Some(client) => {
                if limit.keyed.check_key(&client.to_owned()).is_ok() {
                    tracing::info!(client, "Open311 report with api_key");
                    Verdict::Pass
                } else {
                    Verdict::Over
                }
            }
            None => Verdict::UnknownKey,
        },
        None => match (&limit.anonymous, limit.address.extract(request)) {
            (None, _) => Verdict::KeyRequired,
            (Some(anonymous), Ok(address)) if anonymous.check_key(&address).is_err() => {
                Verdict::Over
            }
            (Some(_), _) => Verdict::Pass,
        },
    }
}

/// An Open311 error list with one error, in the format the address asks for.
fn refusal(xml: bool, status: StatusCode, description: &str) -> Response {
    let code = status.as_u16();
    let mut response = if xml {
        (
            status,
            [("content-type", "text/xml; charset=utf-8")],
            format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<errors><error><code>{code}</code>\
                 <description>{description}</description></error></errors>"
            ),
        )
            .into_response()
    } else {
        (
            status,
            [("content-type", "application/json")],
            serde_json::json!([{ "code": code, "description": description }]).to_string(),
        )
            .into_response()
    };
    if status == StatusCode::TOO_MANY_REQUESTS {
        response
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("60"));
    }
    response
}
