//! Ending sessions from the provider's side: the RP-initiated logout URL (sign-out at
//! the portal also ends the provider session) and back-channel logout (the provider
//! tells the portal that a provider session ended).

use axum::{
    Form,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use openidconnect::{ClientId, LogoutRequest, Nonce, PostLogoutRedirectUrl};
use serde::Deserialize;

use super::provider::{PortalIdToken, Provider, ProviderError};
use crate::auth::{session_store::DbSessionStore, signed_in::ProviderSession};

/// The event a logout token must carry.
const BACKCHANNEL_EVENT: &str = "http://schemas.openid.net/event/backchannel-logout";

impl Provider {
    /// Where to send the browser so the provider ends its session too; `None` when
    /// the provider has no `end_session_endpoint`.
    pub async fn end_session_url(
        &self,
        tokens: &ProviderSession,
        public_url: &str,
    ) -> Option<String> {
        let metadata = self.metadata().await.ok()?;
        let endpoint = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let back =
            PostLogoutRedirectUrl::new(format!("{}/", public_url.trim_end_matches('/'))).ok()?;
        let mut request = LogoutRequest::from(endpoint)
            .set_client_id(ClientId::new(self.settings().client_id.clone()))
            .set_post_logout_redirect_uri(back);
        if let Ok(id_token) = tokens.id_token.parse::<PortalIdToken>() {
            request = request.set_id_token_hint(&id_token);
        }
        Some(request.http_get_url().to_string())
    }

    /// Verifies a back-channel logout token and returns the provider session id it
    /// ends. Signature, issuer, audience, expiry and algorithm as for ID tokens; it
    /// must carry the logout event and a `sid`, and must not carry a nonce.
    pub async fn verify_logout_token(&self, token: &str) -> Result<String, ProviderError> {
        let invalid = |text: &str| ProviderError::Invalid(text.to_owned());
        let token: PortalIdToken = token
            .parse()
            .map_err(|_| invalid("logout token is not a JWT"))?;
        let no_nonce = |nonce: Option<&Nonce>| match nonce {
            None => Ok(()),
            Some(_) => Err("a logout token must not carry a nonce".to_owned()),
        };
        let claims = self
            .verify(&token, no_nonce, &["logout+jwt", "JWT"])
            .await?;
        let extra = claims.additional_claims();
        if !extra
            .events
            .as_ref()
            .is_some_and(|events| events.contains_key(BACKCHANNEL_EVENT))
        {
            return Err(invalid(
                "logout token without the back-channel logout event",
            ));
        }
        extra
            .sid
            .clone()
            .ok_or_else(|| invalid("logout token without sid"))
    }
}

/// The form the provider posts.
#[derive(Debug, Deserialize)]
pub struct BackchannelForm {
    logout_token: String,
}

/// `POST /auth/backchannel-logout`: ends every portal session of the provider
/// session the token names. Answers as the specification asks: 200, or 400 with a
/// JSON error; never cached.
pub async fn backchannel(
    State(provider): State<Option<std::sync::Arc<Provider>>>,
    State(store): State<DbSessionStore>,
    Form(form): Form<BackchannelForm>,
) -> Response {
    let no_store = [(header::CACHE_CONTROL, "no-store")];
    let Some(provider) = provider else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let sid = match provider.verify_logout_token(&form.logout_token).await {
        Ok(sid) => sid,
        Err(err) => {
            tracing::warn!(error = %err, "back-channel logout refused");
            return (
                StatusCode::BAD_REQUEST,
                no_store,
                axum::Json(serde_json::json!({"error": "invalid_request"})),
            )
                .into_response();
        }
    };
    match store.delete_by_provider_sid(&sid).await {
        Ok(ended) => {
            tracing::info!(ended, "back-channel logout ended sessions");
            (StatusCode::OK, no_store).into_response()
        }
        Err(err) => {
            tracing::error!(error = %err, "back-channel logout could not delete sessions");
            (StatusCode::INTERNAL_SERVER_ERROR, no_store).into_response()
        }
    }
}
