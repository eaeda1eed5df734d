//! The test identity provider (`end2end/idp/server.mjs`, the OpenID-certified
//! `oidc-provider`), started once per test binary on a free loopback port, and a
//! browser-like client that signs in through its login page.

use std::{
    io::{BufRead, BufReader},
    process::{Child, ChildStdin, Command, Stdio},
    sync::{LazyLock, Mutex},
};

use app::server::settings::{AuthMode, Secret, Settings};
use reqwest::{Client, StatusCode};

use crate::support::{Backend, TestApp, spawn_on, test_settings};

/// A running provider. It stops when this process ends: it exits when its stdin,
/// which only this process holds, closes.
pub struct Idp {
    pub issuer: String,
    _stdin: Mutex<ChildStdin>,
    _process: Mutex<Child>,
}

/// The provider most tests share.
pub static IDP: LazyLock<Idp> = LazyLock::new(Idp::start);

impl Idp {
    /// Starts a provider of its own (for tests that change the provider's keys).
    pub fn start() -> Self {
        start_idp()
    }

    /// Test-only provider controls (`/test/...`).
    pub async fn control(
        &self,
        method: reqwest::Method,
        path_and_query: &str,
    ) -> serde_json::Value {
        Client::new()
            .request(method, format!("{}{path_and_query}", self.issuer))
            .send()
            .await
            .expect("provider control")
            .json()
            .await
            .expect("json")
    }
}

fn start_idp() -> Idp {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end");
    assert!(
        std::path::Path::new(root)
            .join("node_modules/oidc-provider")
            .is_dir(),
        "the test identity provider needs its npm packages: run `npm ci` in end2end/"
    );
    let mut child = Command::new("node")
        .args(["idp/server.mjs", "--port", "0", "--exit-with-stdin"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node starts the test identity provider");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let first = lines
        .next()
        .expect("provider prints its issuer")
        .expect("line");
    let issuer = first
        .strip_prefix("issuer ")
        .unwrap_or_else(|| panic!("unexpected first line: {first}"))
        .to_owned();
    // Keep reading so the provider never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Idp {
        issuer,
        _stdin: Mutex::new(child.stdin.take().expect("stdin")),
        _process: Mutex::new(child),
    }
}

/// A client id and secret registered for one test portal.
pub struct RegisteredClient {
    pub id: String,
    pub secret: String,
}

/// Registers a client for a portal at `base` (dynamic client registration).
pub async fn register(idp: &Idp, base: &str) -> RegisteredClient {
    let body = serde_json::json!({
        "client_name": "Test-Portal",
        "redirect_uris": [format!("{base}/auth/callback")],
        "post_logout_redirect_uris": [format!("{base}/")],
        "backchannel_logout_uri": format!("{base}/auth/backchannel-logout"),
        "backchannel_logout_session_required": true,
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
    });
    let response: serde_json::Value = Client::new()
        .post(format!("{}/reg", idp.issuer))
        .json(&body)
        .send()
        .await
        .expect("registration")
        .json()
        .await
        .expect("registration response");
    RegisteredClient {
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

/// A portal signing in through the test provider, with its registered client.
pub struct OidcApp {
    pub app: TestApp,
    pub client: RegisteredClient,
}

/// Boots a portal in `auth.mode = "oidc"` against the shared test provider; `adjust`
/// may change the settings first.
pub async fn spawn_oidc_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> OidcApp {
    spawn_oidc_at(&IDP, backend, adjust).await
}

/// Boots a portal in `auth.mode = "oidc"` against `idp`.
pub async fn spawn_oidc_at(
    idp: &Idp,
    backend: Backend,
    adjust: impl FnOnce(&mut Settings),
) -> OidcApp {
    let (mut settings, dir) = test_settings(backend).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let client = register(idp, &base).await;
    settings.public_url = base;
    settings.auth.mode = Some(AuthMode::Oidc);
    settings.oidc.issuer_url = idp.issuer.clone();
    settings.oidc.client_id = client.id.clone();
    settings.oidc.client_secret = Secret(client.secret.clone());
    settings.oidc.scopes = ["openid", "profile", "email", "address"]
        .map(str::to_owned)
        .to_vec();
    adjust(&mut settings);
    settings.validate().expect("valid settings");
    let app = spawn_on(listener, settings, dir).await;
    OidcApp { app, client }
}

pub async fn spawn_oidc(backend: Backend) -> OidcApp {
    spawn_oidc_with(backend, |_| {}).await
}

/// Follows redirects from `url` until a page answers; returns its URL, status, body.
pub async fn follow(browser: &Client, url: &str) -> (String, StatusCode, String) {
    let mut url = url.to_owned();
    for _ in 0..12 {
        let response = browser.get(&url).send().await.expect("GET");
        if response.status().is_redirection() {
            let location = response.headers()["location"].to_str().expect("location");
            url = resolve(&url, location);
            continue;
        }
        let status = response.status();
        return (url, status, response.text().await.expect("body"));
    }
    panic!("too many redirects from {url}");
}

/// `location` resolved against `base`.
pub fn resolve(base: &str, location: &str) -> String {
    reqwest::Url::parse(base)
        .and_then(|base| base.join(location))
        .expect("URL")
        .to_string()
}

/// The `action` of the provider's login form on `page` at `url`.
fn login_action(url: &str, page: &str) -> String {
    let re = regex::Regex::new(r#"action="(/interaction/[^"]+/login)""#).expect("regex");
    resolve(url, &re.captures(page).expect("login form")[1])
}

/// Cancels the sign-in at the provider's login `page` (reached from a portal's
/// `/auth/login`), as a person pressing "Abbrechen" does; returns where the portal's
/// answer to that leads (final URL, status, page).
pub async fn abort_sign_in(browser: &Client, page: &str) -> (String, StatusCode, String) {
    let abort = regex::Regex::new(r#"action="(/interaction/[^"]+/abort)""#)
        .expect("regex")
        .captures(page)
        .expect("abort form")[1]
        .to_owned();
    let next = browser
        .post(format!("{}{abort}", IDP.issuer))
        .send()
        .await
        .expect("abort")
        .headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    follow(browser, &resolve(&IDP.issuer, &next)).await
}

/// Signs in as `user` starting at `start` (a portal URL that leads to the provider,
/// e.g. `/auth/login?return_to=…`); returns the final URL, status and page.
pub async fn sign_in(browser: &Client, start: &str, user: &str) -> (String, StatusCode, String) {
    let (url, _, page) = follow(browser, start).await;
    let response = browser
        .post(login_action(&url, &page))
        .form(&[("login", user), ("password", "test")])
        .send()
        .await
        .expect("login form");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "login accepted");
    let next = response.headers()["location"].to_str().expect("location");
    follow(browser, &resolve(&url, next)).await
}
