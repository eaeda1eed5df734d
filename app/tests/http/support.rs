//! `spawn_app`: a fresh portal on a fresh database, on a free port.

use std::{net::SocketAddr, path::PathBuf};

use app::server::{AppState, Settings, http};
use sea_orm::{ConnectionTrait, Database};

/// One runtime for every test of this binary, as the portal has in production; the
/// portals booted by the tests outlive no test's runtime.
static RUNTIME: std::sync::LazyLock<tokio::runtime::Runtime> = std::sync::LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("test runtime")
});

/// Runs a test body on the shared runtime. Server logs go to the test's output
/// (shown when it fails); `PORTAL_TEST_LOG` sets the filter, default `warn`.
pub fn run<F: std::future::Future>(test: F) -> F::Output {
    let filter = std::env::var("PORTAL_TEST_LOG").unwrap_or_else(|_| "warn".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_test_writer()
        .try_init();
    RUNTIME.block_on(test)
}

/// The databases the tests run against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// SQLite, plus PostgreSQL when `PORTAL_TEST_DATABASE_URL` is set.
pub fn backends() -> Vec<Backend> {
    let mut all = vec![Backend::Sqlite];
    if postgres_admin_url().is_some() {
        all.push(Backend::Postgres);
    } else {
        eprintln!("PORTAL_TEST_DATABASE_URL not set: PostgreSQL tests skipped");
    }
    all
}

fn postgres_admin_url() -> Option<String> {
    std::env::var("PORTAL_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// A running portal.
pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    /// Keeps the temporary data folder (and SQLite file) alive.
    _dir: tempfile::TempDir,
}

/// A portal whose test ended stops its mail and webhook workers, as a stopped process
/// would; it no longer writes into the test's deleted data folder.
impl Drop for TestApp {
    fn drop(&mut self) {
        self.state.stop();
    }
}

impl TestApp {
    /// The portal of `state` as reached through another address (a proxy in front).
    pub fn reached_at(addr: SocketAddr, state: AppState) -> Self {
        Self {
            addr,
            state,
            _dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// GET `path`, returning status, headers and body.
    pub async fn get(
        &self,
        path: &str,
    ) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
        self.get_with(path, &[]).await
    }

    /// GET `path` with extra request headers.
    pub async fn get_with(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
        let mut request = client().get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let status = response.status();
        let headers = response.headers().clone();
        (status, headers, response.text().await.expect("body"))
    }
}

/// A browser: keeps cookies, follows no redirects, so tests see them.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client")
}

/// A browser signed in with the demo sign-in as `persona`.
pub async fn signed_in(app: &TestApp, persona: &str) -> reqwest::Client {
    let client = browser();
    let response = client
        .post(app.url("/auth/demo"))
        .form(&[("persona", persona)])
        .send()
        .await
        .expect("demo sign-in");
    assert_eq!(
        response.status(),
        reqwest::StatusCode::SEE_OTHER,
        "{persona} signs in"
    );
    client
}

/// POSTs `fields` to `path` as a browser's form; returns status and `Location`.
pub async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> (reqwest::StatusCode, String) {
    let response = client
        .post(app.url(path))
        .header("accept", "text/html")
        .form(fields)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"));
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (response.status(), location)
}

/// GETs `path` (an `#anchor` is dropped) with `client`; returns status and page text
/// without scripts.
pub async fn page(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
) -> (reqwest::StatusCode, String) {
    let path = path.split('#').next().unwrap_or(path);
    let response = client.get(app.url(path)).send().await.expect("GET");
    let status = response.status();
    (
        status,
        without_scripts(&response.text().await.expect("body")),
    )
}

/// A client that does not follow redirects, so tests see them.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .expect("client")
}

/// Settings for a test portal on `backend`, with a fresh database.
pub async fn test_settings(backend: Backend) -> (Settings, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = match backend {
        Backend::Sqlite => format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("portal.db").display()
        ),
        Backend::Postgres => fresh_postgres_database().await,
    };
    let mut settings = Settings {
        listen: "127.0.0.1:0".parse().expect("addr"),
        database_url,
        data_dir: dir.path().join("data"),
        site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public"),
        ..Settings::default()
    };
    let services = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../services");
    settings.set("forms.services_dir", &services);
    settings.set("cases.processes_dir", &services);
    settings.set(
        "search.words_dir",
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../locales"),
    );
    // Every test signs in from loopback; the rate-limit test sets its own limit.
    settings.rate_limit.login_per_minute = 10_000;
    settings.rate_limit.login_burst = 10_000;
    settings.open311.anonymous_per_minute = 10_000;
    settings.open311.anonymous_burst = 10_000;
    // The same for holding appointment times; the test of that limit sets its own.
    settings.set("appointments.holds_per_hour", 0);
    // The finder's map asks no tile server in tests.
    settings.set("toilets.tile_url", "");
    (settings, dir)
}

/// Boots a portal on a fresh database of `backend`.
pub async fn spawn_app(backend: Backend) -> TestApp {
    let (settings, dir) = test_settings(backend).await;
    spawn_with(settings, dir).await
}

/// Boots a portal with `settings`.
pub async fn spawn_with(settings: Settings, dir: tempfile::TempDir) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    spawn_on(listener, settings, dir).await
}

/// Boots a portal with `settings` on `listener`.
pub async fn spawn_on(
    listener: tokio::net::TcpListener,
    settings: Settings,
    dir: tempfile::TempDir,
) -> TestApp {
    let modules =
        app::registry::Modules::enabled().with(std::sync::Arc::new(crate::probe::ProbeModule));
    let state = AppState::start_with(settings, modules)
        .await
        .expect("portal starts");
    state
        .start_background_jobs()
        .await
        .expect("background jobs start");
    let addr = listener.local_addr().expect("addr");
    let served = state.clone();
    tokio::spawn(async move { http::serve(listener, served).await });
    TestApp {
        addr,
        state,
        _dir: dir,
    }
}

/// Creates an empty database on the test PostgreSQL server and returns its URL.
async fn fresh_postgres_database() -> String {
    let admin = postgres_admin_url().expect("PORTAL_TEST_DATABASE_URL");
    let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
    let db = Database::connect(&admin)
        .await
        .expect("connect to test PostgreSQL");
    db.execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create database");
    db.close().await.expect("close");
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

/// The page without its `<script>` elements (which carry serialized data, not text).
/// The opening tag of the first element on `html` that carries `attribute` (written
/// as in the markup, e.g. `id="f-home-city"`).
pub fn tag_with<'a>(html: &'a str, attribute: &str) -> &'a str {
    let at = html
        .find(attribute)
        .unwrap_or_else(|| panic!("no element with {attribute}"));
    let start = html[..at].rfind('<').expect("tag start");
    &html[start..=at + html[at..].find('>').expect("tag end")]
}

pub fn without_scripts(html: &str) -> String {
    let re = regex::Regex::new(r"(?s)<script\b.*?</script>").expect("regex");
    re.replace_all(html, "").into_owned()
}

/// Fluent keys that reached the page untranslated.
pub fn untranslated_keys(html: &str) -> Vec<String> {
    let re =
        regex::Regex::new(r"\b(?:shell|toilets|forms)-[a-z0-9]+(?:-[a-z0-9]+)*\b").expect("regex");
    // An island's props are data for the browser (the keys it translates), not text.
    let props = regex::Regex::new(r#"data-props="[^"]*""#).expect("regex");
    re.find_iter(&props.replace_all(&without_scripts(html), ""))
        .map(|m| m.as_str().to_owned())
        .collect()
}

/// The page without the comments Leptos leaves for hydration (`<!>`, `<!--…-->`).
pub fn without_hydration_markers(html: &str) -> String {
    let re = regex::Regex::new(r"(?s)<!-->|<!>|<!--.*?-->").expect("regex");
    re.replace_all(html, "").into_owned()
}

/// Two portal processes on the database of `settings` (PostgreSQL), the first with the
/// folder `dir`, the second with a data folder of its own, as two processes behind a
/// load balancer.
pub async fn two_portals(settings: Settings, dir: tempfile::TempDir) -> (TestApp, TestApp) {
    let second_dir = tempfile::tempdir().expect("temp dir");
    let second_settings = Settings {
        data_dir: second_dir.path().join("data"),
        ..settings.clone()
    };
    let first = spawn_with(settings, dir).await;
    let second = spawn_with(second_settings, second_dir).await;
    (first, second)
}

/// Repeats `attempt` until `done` says its answer will do, for at most five seconds
/// (ample for an indexer that reads the outbox every 200 ms); returns the last answer.
pub async fn within_moments<T>(attempt: impl AsyncFnMut() -> T, done: impl Fn(&T) -> bool) -> T {
    within_seconds(5, attempt, done).await
}

/// Repeats `attempt` until `done` says its answer will do, for at most `seconds`;
/// returns the last answer.
pub async fn within_seconds<T>(
    seconds: u64,
    mut attempt: impl AsyncFnMut() -> T,
    done: impl Fn(&T) -> bool,
) -> T {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        let answer = attempt().await;
        if done(&answer) || std::time::Instant::now() > deadline {
            return answer;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The folder `key` of a module's section (`forms.services_dir`) in `settings`.
pub fn folder(settings: &Settings, key: &str) -> PathBuf {
    let (section, inner) = key.split_once('.').expect("section.key");
    PathBuf::from(
        settings.modules[section][inner]
            .as_str()
            .expect("a folder setting"),
    )
}

/// The environment that runs the `portal` binary on `settings`' database and data
/// folder with the test suite's definitions and word lists, as a module command sees
/// the portal it runs in.
pub fn portal_environment(settings: &Settings) -> Vec<(String, String)> {
    let mut environment = vec![
        (
            "PORTAL_DATABASE_URL".to_owned(),
            settings.database_url.clone(),
        ),
        (
            "PORTAL_DATA_DIR".to_owned(),
            settings.data_dir.display().to_string(),
        ),
        (
            "PORTAL_DEMO_CONTENT".to_owned(),
            settings.demo_content().to_string(),
        ),
    ];
    for key in [
        "forms.services_dir",
        "cases.processes_dir",
        "search.words_dir",
    ] {
        environment.push((
            Settings::env_var(key),
            folder(settings, key).display().to_string(),
        ));
    }
    environment
}
