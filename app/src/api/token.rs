//! Verifying bearer access tokens (JWT, RFC 9068) against the identity provider's
//! signing keys: signature by a key the provider lists (asymmetric algorithms only),
//! issuer, audience, expiry. The key set is read through discovery on first use and
//! read again when a token names a key not yet known (the provider rotated its keys),
//! at most every [`REFETCH_PAUSE`], so a stream of made-up key ids cannot make the
//! portal hammer the provider.

use std::time::{Duration, Instant};

use jsonwebtoken::{Algorithm, DecodingKey, Validation, jwk::JwkSet};
use serde::Deserialize;
use tokio::sync::RwLock;

/// Shortest time between two reads of the key set.
const REFETCH_PAUSE: Duration = Duration::from_secs(5);

/// Clock difference tolerated on `exp` and `nbf`.
const LEEWAY_SECS: u64 = 30;

/// Algorithms a token may be signed with: never `none`, never an HMAC (whose key a
/// client could know).
const ACCEPTED: [Algorithm; 9] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

/// Why a token was refused (logged, never sent: the caller learns only "401").
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// Not a JWT, or signed with an algorithm the portal does not take.
    #[error("malformed or unacceptable token: {0}")]
    Malformed(String),
    /// Signed by a key the provider does not list.
    #[error("unknown signing key")]
    UnknownKey,
    /// Signature, issuer, audience or lifetime wrong.
    #[error("token rejected: {0}")]
    Invalid(String),
    /// The token names no client.
    #[error("token names no client")]
    NoClient,
    /// An ID token, or the token of a person's sign-in: not a client's access token.
    #[error("not a client's access token")]
    NotAnAccessToken,
    /// The provider's keys could not be read.
    #[error("signing keys unavailable: {0}")]
    KeysUnavailable(String),
}

/// The claims the portal reads from an access token.
#[derive(Debug, Deserialize)]
struct AccessClaims {
    /// RFC 9068 names the client here.
    client_id: Option<String>,
    /// Keycloak and others name it here too.
    azp: Option<String>,
    /// Keycloak's token kind: `Bearer` for access tokens, `ID` for ID tokens.
    typ: Option<String>,
    /// Only in ID tokens.
    nonce: Option<serde_json::Value>,
    /// A person's session at the provider (OpenID Connect, Keycloak).
    sid: Option<serde_json::Value>,
    session_state: Option<serde_json::Value>,
}

impl AccessClaims {
    /// Whether this is a client's own access token: not an ID token, and not one from a
    /// person's sign-in, which the same client may hold in a browser session.
    fn is_clients_access_token(&self) -> bool {
        let kind_ok = self
            .typ
            .as_deref()
            .is_none_or(|typ| typ.eq_ignore_ascii_case("Bearer"));
        kind_ok && self.nonce.is_none() && self.sid.is_none() && self.session_state.is_none()
    }
}

/// Whether a token's header type is that of an access token: RFC 9068's `at+jwt`, or
/// the plain `JWT` that Keycloak and others write (the claims then decide).
fn is_access_token_type(typ: Option<&str>) -> bool {
    typ.is_none_or(|typ| {
        ["at+jwt", "application/at+jwt", "JWT"]
            .iter()
            .any(|accepted| typ.eq_ignore_ascii_case(accepted))
    })
}

/// Verifies access tokens of one issuer for one audience.
pub struct TokenVerifier {
    issuer: String,
    audience: String,
    http: reqwest::Client,
    keys: RwLock<Keys>,
}

struct Keys {
    set: JwkSet,
    read_at: Option<Instant>,
}

impl Keys {
    /// Whether the set was read less than [`REFETCH_PAUSE`] ago.
    fn recently_read(&self) -> bool {
        self.read_at.is_some_and(|at| at.elapsed() < REFETCH_PAUSE)
    }
}

impl TokenVerifier {
    /// A verifier for tokens of `issuer` naming `audience`; keys are read on first use.
    pub fn new(issuer: &str, audience: &str) -> kernel::start::StartResult<Self> {
        use kernel::start::Context as _;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .context("the HTTP client for the token issuer's keys")?;
        Ok(Self {
            issuer: issuer.trim_end_matches('/').to_owned(),
            audience: audience.to_owned(),
            http,
            keys: RwLock::new(Keys {
                set: JwkSet { keys: Vec::new() },
                read_at: None,
            }),
        })
    }

    /// The client id of `token` once it is verified.
    pub async fn verify(&self, token: &str) -> Result<String, Refusal> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|e| Refusal::Malformed(e.to_string()))?;
        if !ACCEPTED.contains(&header.alg) {
            return Err(Refusal::Malformed(format!("algorithm {:?}", header.alg)));
        }
        if !is_access_token_type(header.typ.as_deref()) {
            return Err(Refusal::NotAnAccessToken);
        }
        let kid = header.kid.unwrap_or_default();
        let key = self.key(&kid).await?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.issuer, &format!("{}/", self.issuer)]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        let data = jsonwebtoken::decode::<AccessClaims>(token, &key, &validation)
            .map_err(|e| Refusal::Invalid(e.to_string()))?;
        if !data.claims.is_clients_access_token() {
            return Err(Refusal::NotAnAccessToken);
        }
        data.claims
            .client_id
            .or(data.claims.azp)
            .filter(|id| !id.is_empty())
            .ok_or(Refusal::NoClient)
    }

    /// The key `kid`, reading the key set again when it is not known yet.
    async fn key(&self, kid: &str) -> Result<DecodingKey, Refusal> {
        if let Some(key) = self.known(kid).await? {
            return Ok(key);
        }
        {
            let keys = self.keys.read().await;
            if keys.recently_read() {
                return Err(Refusal::UnknownKey);
            }
        }
        let mut keys = self.keys.write().await;
        // Another call may have read them meanwhile.
        if !keys.recently_read() {
            keys.read_at = Some(Instant::now());
            keys.set = self.fetch().await?;
        }
        match keys.set.find(kid) {
            Some(jwk) => DecodingKey::from_jwk(jwk).map_err(|e| Refusal::Malformed(e.to_string())),
            None => Err(Refusal::UnknownKey),
        }
    }

    async fn known(&self, kid: &str) -> Result<Option<DecodingKey>, Refusal> {
        let keys = self.keys.read().await;
        keys.set
            .find(kid)
            .map(|jwk| DecodingKey::from_jwk(jwk).map_err(|e| Refusal::Malformed(e.to_string())))
            .transpose()
    }

    async fn fetch(&self) -> Result<JwkSet, Refusal> {
        #[derive(Deserialize)]
        struct Discovery {
            jwks_uri: String,
        }
        let unavailable = |e: reqwest::Error| Refusal::KeysUnavailable(e.to_string());
        let discovery: Discovery = self
            .http
            .get(format!("{}/.well-known/openid-configuration", self.issuer))
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(unavailable)?
            .json()
            .await
            .map_err(unavailable)?;
        self.http
            .get(&discovery.jwks_uri)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(unavailable)?
            .json()
            .await
            .map_err(unavailable)
    }
}
