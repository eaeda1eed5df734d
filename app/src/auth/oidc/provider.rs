//! The identity provider as the portal sees it: discovery (cached), the OpenID Connect
//! client built from it, and ID-token verification that fetches the provider's keys
//! again when a token names a key the portal has not seen (key rotation).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use openidconnect::{
    AccessToken, AccessTokenHash, Client, ClientId, ClientSecret, EmptyExtraTokenFields,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IdToken, IdTokenClaims, IdTokenFields,
    IdTokenVerifier, IssuerUrl, JsonWebTokenType, NonceVerifier, RedirectUrl,
    StandardErrorResponse, StandardTokenResponse,
    core::{
        CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
        CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreRevocableToken,
        CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
    },
    reqwest,
};
use tokio::sync::{Mutex, RwLock};

use super::claims::ProviderClaims;
use crate::server::settings::OidcSettings;

/// Provider metadata including `end_session_endpoint`.
pub type Metadata = openidconnect::ProviderMetadataWithLogout;

/// An ID token with the Keycloak/BayernID claims the portal reads.
pub type PortalIdToken = IdToken<
    ProviderClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// Verified ID-token claims.
pub type PortalIdClaims = IdTokenClaims<ProviderClaims, CoreGenderClaim>;

/// A token response whose ID token carries [`ProviderClaims`].
pub type PortalTokenResponse = StandardTokenResponse<
    IdTokenFields<
        ProviderClaims,
        EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;

/// The OpenID Connect client as built from discovery.
pub type PortalClient = Client<
    ProviderClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    PortalTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Signature algorithms accepted on provider tokens: asymmetric only, so neither
/// `none` nor an HMAC keyed with the (shared) client secret can pass.
const ACCEPTED_ALGS: [CoreJwsSigningAlgorithm; 9] = [
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha384,
    CoreJwsSigningAlgorithm::RsaSsaPssSha512,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EcdsaP384Sha384,
    CoreJwsSigningAlgorithm::EdDsa,
];

/// Shortest time between two key fetches caused by unknown key ids, so that forged
/// tokens cannot make the portal hammer the provider.
const KEY_REFETCH_INTERVAL: Duration = Duration::from_secs(10);

/// Why talking to the provider failed.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The provider could not be reached or answered nonsense.
    #[error("identity provider unavailable: {0}")]
    Unavailable(String),
    /// A token or response failed verification.
    #[error("verification failed: {0}")]
    Invalid(String),
    /// The provider refused the request (e.g. `invalid_grant`).
    #[error("refused by the identity provider: {0}")]
    Refused(String),
}

/// The configured provider, shared by every request.
#[derive(Debug)]
pub struct Provider {
    settings: OidcSettings,
    redirect_url: RedirectUrl,
    http: reqwest::Client,
    metadata: RwLock<Option<Arc<Metadata>>>,
    last_key_refetch: Mutex<Option<Instant>>,
}

impl Provider {
    /// A provider for `settings`; the portal's callback is `<public_url>/auth/callback`.
    /// Nothing is fetched until the first sign-in.
    pub fn new(settings: &OidcSettings, public_url: &str) -> kernel::start::StartResult<Self> {
        use kernel::start::Context as _;
        let callback = format!("{}/auth/callback", public_url.trim_end_matches('/'));
        let redirect_url = RedirectUrl::new(callback.clone())
            .with_context(|| format!("public_url: the sign-in callback `{callback}`"))?;
        let http = reqwest::Client::builder()
            // Following redirects would let a provider response steer requests elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .context("the HTTP client for the identity provider")?;
        Ok(Self {
            settings: settings.clone(),
            redirect_url,
            http,
            metadata: RwLock::new(None),
            last_key_refetch: Mutex::new(None),
        })
    }

    /// The settings this provider was made from.
    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    /// The HTTP client for provider requests (no redirects, with a timeout).
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// The provider's metadata and keys, fetched once and kept.
    pub async fn metadata(&self) -> Result<Arc<Metadata>, ProviderError> {
        if let Some(metadata) = self.metadata.read().await.as_ref() {
            return Ok(Arc::clone(metadata));
        }
        self.discover().await
    }

    async fn discover(&self) -> Result<Arc<Metadata>, ProviderError> {
        let issuer = IssuerUrl::new(self.settings.issuer_url.clone())
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        let fetched = Metadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| ProviderError::Unavailable(error_chain(&e)))?;
        let fetched = Arc::new(fetched);
        *self.metadata.write().await = Some(Arc::clone(&fetched));
        Ok(fetched)
    }

    /// The client for `metadata`.
    pub fn client(&self, metadata: &Metadata) -> PortalClient {
        Client::from_provider_metadata(
            metadata.clone(),
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.0.clone())),
        )
        .set_redirect_uri(self.redirect_url.clone())
    }

    /// A verifier for tokens of `metadata` with the accepted algorithms and JWT types.
    fn verifier<'a>(
        &self,
        metadata: &Metadata,
        types: &[&str],
    ) -> IdTokenVerifier<'a, CoreJsonWebKey> {
        IdTokenVerifier::new_public_client(
            ClientId::new(self.settings.client_id.clone()),
            metadata.issuer().clone(),
            metadata.jwks().clone(),
        )
        .set_allowed_algs(ACCEPTED_ALGS)
        .set_allowed_jose_types(
            types
                .iter()
                .filter_map(|t| JsonWebTokenType::new((*t).to_owned()).normalize().ok()),
        )
    }

    /// Verifies `token` (signature, issuer, audience, expiry, algorithm, and `nonce`
    /// through `nonce`), fetching the keys again once when its key id is unknown.
    /// `types` lists the accepted JWT `typ` values (none given is always accepted).
    pub async fn verify<N>(
        &self,
        token: &PortalIdToken,
        nonce: N,
        types: &[&str],
    ) -> Result<PortalIdClaims, ProviderError>
    where
        N: NonceVerifier + Clone,
    {
        let metadata = self.metadata().await?;
        match token
            .clone()
            .into_claims(&self.verifier(&metadata, types), nonce.clone())
        {
            Ok(claims) => Ok(claims),
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(
                openidconnect::SignatureVerificationError::NoMatchingKey,
            )) => {
                let metadata = self.refetch_keys().await?;
                token
                    .clone()
                    .into_claims(&self.verifier(&metadata, types), nonce)
                    .map_err(|e| ProviderError::Invalid(e.to_string()))
            }
            Err(err) => Err(ProviderError::Invalid(error_chain(&err))),
        }
    }

    /// The `at_hash` claim, when present, must match `access_token`: otherwise the
    /// access token was swapped for another one.
    pub async fn check_access_token_hash(
        &self,
        token: &PortalIdToken,
        claims: &PortalIdClaims,
        access_token: &AccessToken,
    ) -> Result<(), ProviderError> {
        let Some(expected) = claims.access_token_hash() else {
            return Ok(());
        };
        let invalid = |e: &dyn std::fmt::Display| ProviderError::Invalid(e.to_string());
        let metadata = self.metadata().await?;
        let verifier = self.verifier(&metadata, &[]);
        let alg = token.signing_alg().map_err(|e| invalid(&e))?;
        let key = token.signing_key(&verifier).map_err(|e| invalid(&e))?;
        let actual =
            AccessTokenHash::from_token(access_token, alg, key).map_err(|e| invalid(&e))?;
        if &actual == expected {
            Ok(())
        } else {
            Err(ProviderError::Invalid(
                "at_hash does not match the access token".into(),
            ))
        }
    }

    /// Fetches metadata and keys again, at most once per [`KEY_REFETCH_INTERVAL`].
    async fn refetch_keys(&self) -> Result<Arc<Metadata>, ProviderError> {
        let mut last = self.last_key_refetch.lock().await;
        if last.is_some_and(|at| at.elapsed() < KEY_REFETCH_INTERVAL) {
            return Err(ProviderError::Invalid(
                "token signed with an unknown key".into(),
            ));
        }
        *last = Some(Instant::now());
        tracing::info!("token names an unknown key id: fetching the provider's keys again");
        self.discover().await
    }
}

/// An error with its sources, for logs (provider errors nest the useful part).
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
