//! A portal whose interface `/api/v1` trusts the test identity provider, with
//! back-office clients registered there (client-credentials grant) and configured in
//! the portal, and calls with their tokens.

use app::server::settings::{ApiClient, Settings};
use kernel::api::Scope;
use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::Value;

use crate::{
    idp::{IDP, Idp},
    support::{Backend, TestApp, client, spawn_with, test_settings},
};

/// The audience the test provider's interface tokens name.
pub const AUDIENCE: &str = "urn:portal:api";

/// A client registered at the provider.
pub struct Backoffice {
    pub id: String,
    pub secret: String,
}

impl Backoffice {
    /// Registers a client-credentials client at `idp`.
    pub async fn register(idp: &Idp, name: &str) -> Self {
        let response: Value = reqwest::Client::new()
            .post(format!("{}/reg", idp.issuer))
            .json(&serde_json::json!({
                "client_name": name,
                "grant_types": ["client_credentials"],
                "response_types": [],
                "redirect_uris": [],
                "token_endpoint_auth_method": "client_secret_basic",
            }))
            .send()
            .await
            .expect("registration")
            .json()
            .await
            .expect("registration response");
        Self {
            id: response["client_id"]
                .as_str()
                .expect("client_id")
                .to_owned(),
            secret: response["client_secret"]
                .as_str()
                .expect("client_secret")
                .to_owned(),
        }
    }

    /// A fresh access token from the provider's token endpoint.
    pub async fn token(&self, idp: &Idp) -> String {
        let response: Value = reqwest::Client::new()
            .post(format!("{}/token", idp.issuer))
            .basic_auth(&self.id, Some(&self.secret))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .expect("token request")
            .json()
            .await
            .expect("token response");
        response["access_token"]
            .as_str()
            .unwrap_or_else(|| panic!("no access token: {response}"))
            .to_owned()
    }

    /// The portal's configuration of this client.
    pub fn configured(&self, name: &str, departments: &[&str], scopes: &[Scope]) -> ApiClient {
        ApiClient {
            client_id: self.id.clone(),
            name: name.to_owned(),
            departments: departments.iter().map(|d| (*d).to_owned()).collect(),
            scopes: scopes.to_vec(),
        }
    }
}

/// A portal with four systems: a document management system of the KVR (read and
/// write), a reader of the KVR (read only), one of the AWM (everything) and one the
/// provider knows but the portal does not.
pub struct ApiPortal {
    pub app: TestApp,
    pub kvr: String,
    pub kvr_reader: String,
    pub awm: String,
    pub stranger: String,
    /// The AWM system's registration (for forged tokens keyed with its secret).
    pub awm_client: Backoffice,
}

/// Boots an [`ApiPortal`] on `backend`; `prepare` may change the settings and seed the
/// database before the portal starts.
pub async fn api_portal(backend: Backend, prepare: impl AsyncFnOnce(&mut Settings)) -> ApiPortal {
    let idp = &*IDP;
    let kvr = Backoffice::register(idp, "DMS KVR").await;
    let reader = Backoffice::register(idp, "Statistik KVR").await;
    let awm = Backoffice::register(idp, "Fachverfahren AWM").await;
    let stranger = Backoffice::register(idp, "Unbekannt").await;
    let (mut settings, dir) = test_settings(backend).await;
    settings.api.issuer_url = idp.issuer.clone();
    settings.api.audience = AUDIENCE.into();
    let all = Scope::ALL;
    settings.api.clients = vec![
        kvr.configured("DMS KVR", &["kvr"], &all),
        reader.configured("Statistik KVR", &["kvr"], &[Scope::CasesRead]),
        awm.configured("Fachverfahren AWM", &["awm"], &all),
    ];
    prepare(&mut settings).await;
    let app = spawn_with(settings, dir).await;
    ApiPortal {
        app,
        kvr: kvr.token(idp).await,
        kvr_reader: reader.token(idp).await,
        awm: awm.token(idp).await,
        stranger: stranger.token(idp).await,
        awm_client: awm,
    }
}

/// An answer of the interface: status, headers and the JSON body (`Null` when the
/// body is not JSON).
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The problem's `type`, asserting the answer is a problem with `status`.
    pub fn problem(&self, status: u16) -> &str {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        assert_eq!(
            self.headers["content-type"], "application/problem+json",
            "{}",
            self.body
        );
        assert_eq!(self.body["status"], status);
        self.body["type"].as_str().expect("problem type")
    }
}

/// Calls `method path` (under `/api/v1`) with `token` and an optional JSON `body`.
pub async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let mut request = client().request(method, app.url(&format!("/api/v1{path}")));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("call");
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    Answer {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
    }
}

/// GET `path` with `token`.
pub async fn get(app: &TestApp, path: &str, token: &str) -> Answer {
    call(app, Method::GET, path, Some(token), None).await
}

/// POST `body` to `path` with `token`.
pub async fn post(app: &TestApp, path: &str, token: &str, body: Value) -> Answer {
    call(app, Method::POST, path, Some(token), Some(body)).await
}

/// `token` altered by the provider as `kind` (see `end2end/idp/forge.mjs`), keyed
/// with `secret` where the forgery needs one.
pub async fn forged(idp: &Idp, token: &str, kind: &str, secret: &str) -> String {
    let response: Value = reqwest::Client::new()
        .post(format!("{}/test/forge-token", idp.issuer))
        .query(&[("kind", kind), ("secret", secret)])
        .body(token.to_owned())
        .send()
        .await
        .expect("forge")
        .json()
        .await
        .expect("forged");
    response["token"].as_str().expect("token").to_owned()
}
