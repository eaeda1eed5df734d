//! Token requests: the code exchange at sign-in and the refresh when the access
//! token has expired. Every ID token that arrives is verified before use.

use openidconnect::{
    AuthorizationCode, Nonce, OAuth2TokenResponse, PkceCodeVerifier, RefreshToken,
    RequestTokenError, SubjectIdentifier, TokenResponse, UserInfoClaims, core::CoreGenderClaim,
};

use super::{
    claims::{Claims, ProviderClaims},
    provider::{PortalIdClaims, PortalTokenResponse, Provider, ProviderError, error_chain},
};
use crate::auth::{clock::Clock, signed_in::ProviderSession};
use kernel::Profile;

/// Lifetime assumed when the provider does not say (`expires_in` missing).
const DEFAULT_ACCESS_TOKEN_SECS: i64 = 300;

/// The outcome of a successful sign-in at the provider.
#[derive(Debug)]
pub struct SignInResult {
    /// Everything known about the person.
    pub claims: Claims,
    /// The tokens to keep in the session.
    pub session: ProviderSession,
}

/// What a refresh brings: new tokens, and the claims of a new ID token if it sent one.
#[derive(Debug)]
pub struct Refreshed {
    /// The tokens to keep in the session.
    pub session: ProviderSession,
    /// The refreshed ID token's claims (roles and groups may have changed).
    pub claims: Option<Claims>,
}

impl Provider {
    /// Exchanges `code` (with the PKCE verifier), verifies the ID token against
    /// `nonce`, and reads userinfo.
    pub async fn sign_in(
        &self,
        code: String,
        pkce_verifier: String,
        nonce: &Nonce,
        clock: &Clock,
    ) -> Result<SignInResult, ProviderError> {
        let metadata = self.metadata().await?;
        let client = self.client(&metadata);
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier))
            .request_async(self.http())
            .await
            .map_err(token_error)?;
        let id_token = response
            .id_token()
            .ok_or_else(|| ProviderError::Invalid("no ID token in the token response".into()))?;
        let verified = self.verify(id_token, nonce, &[]).await?;
        self.check_access_token_hash(id_token, &verified, response.access_token())
            .await?;
        let userinfo = self.userinfo(&response, verified.subject()).await;
        let claims = claims_of(&verified, userinfo);
        let session = provider_session(&response, None, claims.extra.sid.clone(), clock)?;
        Ok(SignInResult { claims, session })
    }

    /// Trades the refresh token of `tokens` for new tokens.
    pub async fn refresh(
        &self,
        tokens: &ProviderSession,
        clock: &Clock,
    ) -> Result<Refreshed, ProviderError> {
        let Some(refresh_token) = &tokens.refresh_token else {
            return Err(ProviderError::Refused("no refresh token".into()));
        };
        let metadata = self.metadata().await?;
        let client = self.client(&metadata);
        let refresh_token = RefreshToken::new(refresh_token.clone());
        let response = client
            .exchange_refresh_token(&refresh_token)
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?
            .request_async(self.http())
            .await
            .map_err(token_error)?;
        // A refreshed ID token carries no nonce; it must still be the provider's and ours.
        let claims = match response.id_token() {
            Some(id_token) => {
                let verified = self
                    .verify(id_token, |_: Option<&Nonce>| Ok(()), &[])
                    .await?;
                Some(claims_of(&verified, None))
            }
            None => None,
        };
        Ok(Refreshed {
            session: provider_session(&response, Some(tokens), tokens.sid.clone(), clock)?,
            claims,
        })
    }

    /// Userinfo for the access token of `response`; `None` when the provider has no
    /// userinfo endpoint or the request failed (the ID token suffices then).
    async fn userinfo(
        &self,
        response: &PortalTokenResponse,
        subject: &SubjectIdentifier,
    ) -> Option<UserInfoClaims<ProviderClaims, CoreGenderClaim>> {
        let metadata = self.metadata().await.ok()?;
        let client = self.client(&metadata);
        let request = client
            .user_info(response.access_token().clone(), Some(subject.clone()))
            .ok()?;
        match request.request_async(self.http()).await {
            Ok(claims) => Some(claims),
            Err(err) => {
                tracing::warn!(error = %error_chain(&err), "userinfo request failed; using the ID token only");
                None
            }
        }
    }
}

/// Name and profile from ID-token or userinfo claims (both have the same standard
/// accessors but are different types).
macro_rules! profile_of {
    ($claims:expr) => {{
        let claims = $claims;
        let text = |value: Option<&str>| value.map(str::to_owned);
        let address = claims.address();
        (
            text(claims.name().and_then(|c| c.get(None)).map(|v| v.as_str())),
            Profile {
                given_name: text(
                    claims
                        .given_name()
                        .and_then(|c| c.get(None))
                        .map(|v| v.as_str()),
                ),
                family_name: text(
                    claims
                        .family_name()
                        .and_then(|c| c.get(None))
                        .map(|v| v.as_str()),
                ),
                email: text(claims.email().map(|v| v.as_str())),
                street_address: text(
                    address
                        .and_then(|a| a.street_address.as_deref())
                        .map(|v| v.as_str()),
                ),
                postal_code: text(
                    address
                        .and_then(|a| a.postal_code.as_deref())
                        .map(|v| v.as_str()),
                ),
                locality: text(
                    address
                        .and_then(|a| a.locality.as_deref())
                        .map(|v| v.as_str()),
                ),
            },
        )
    }};
}

/// The ID-token claims, completed from userinfo where the token lacks something.
fn claims_of(
    verified: &PortalIdClaims,
    userinfo: Option<UserInfoClaims<ProviderClaims, CoreGenderClaim>>,
) -> Claims {
    let (mut name, mut profile) = profile_of!(verified);
    let mut extra = verified.additional_claims().clone();
    if let Some(userinfo) = userinfo {
        let (more_name, more) = profile_of!(&userinfo);
        name = name.or(more_name);
        profile = Profile {
            given_name: profile.given_name.or(more.given_name),
            family_name: profile.family_name.or(more.family_name),
            email: profile.email.or(more.email),
            street_address: profile.street_address.or(more.street_address),
            postal_code: profile.postal_code.or(more.postal_code),
            locality: profile.locality.or(more.locality),
        };
        extra = extra.or(userinfo.additional_claims().clone());
    }
    Claims {
        subject: verified.subject().to_string(),
        acr: verified.auth_context_ref().map(|acr| acr.to_string()),
        name,
        profile,
        extra,
    }
}

/// The tokens of `response` to keep, carrying over what a refresh response omits.
fn provider_session(
    response: &PortalTokenResponse,
    previous: Option<&ProviderSession>,
    sid: Option<String>,
    clock: &Clock,
) -> Result<ProviderSession, ProviderError> {
    let id_token = response
        .id_token()
        .map(|t| t.to_string())
        .or_else(|| previous.map(|p| p.id_token.clone()))
        .ok_or_else(|| ProviderError::Invalid("no ID token".into()))?;
    let lifetime = response
        .expires_in()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
        .unwrap_or(DEFAULT_ACCESS_TOKEN_SECS);
    Ok(ProviderSession {
        id_token,
        access_token: response.access_token().secret().clone(),
        refresh_token: response
            .refresh_token()
            .map(|t| t.secret().clone())
            .or_else(|| previous.and_then(|p| p.refresh_token.clone())),
        access_expires_at: clock.now() + lifetime,
        sid,
    })
}

/// A failed token request: the provider's own refusal (`invalid_grant` and the like)
/// or trouble reaching it.
fn token_error<RE, T>(err: RequestTokenError<RE, T>) -> ProviderError
where
    RE: std::error::Error + 'static,
    T: openidconnect::ErrorResponse + 'static,
{
    match err {
        RequestTokenError::ServerResponse(response) => ProviderError::Refused(response.to_string()),
        other => ProviderError::Unavailable(error_chain(&other)),
    }
}
