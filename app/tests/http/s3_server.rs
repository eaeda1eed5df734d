//! The test S3-compatible server (`end2end/s3/server.py`, moto) on a loopback port of
//! its own with one bucket, and what lies in it. A test stops it to play a store that
//! is down.

use std::{
    io::{BufRead, BufReader},
    process::{Child, ChildStdin, Command, Stdio},
    sync::Arc,
};

use futures_util::TryStreamExt;
use object_store::{ObjectStore, ObjectStoreExt, aws::AmazonS3Builder};

/// The bucket the server starts with.
pub const BUCKET: &str = "portal-files";
const ACCESS_KEY: &str = "portal-test";
const SECRET_KEY: &str = "portal-test-secret";

pub struct S3Server {
    pub port: u16,
    running: Option<(Child, ChildStdin)>,
}

impl S3Server {
    /// Starts a server with an empty bucket on a free port.
    pub fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let python = std::env::var("PORTAL_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/s3/server.py");
        let mut child = Command::new(&python)
            .arg(script)
            .args(["--port", &port.to_string(), "--bucket", BUCKET])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("{python} starts the test S3 server: {e}"));
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        assert_eq!(
            first, "ready",
            "the test S3 server needs moto (scripts/test installs it and sets PORTAL_TEST_PYTHON)"
        );
        std::thread::spawn(move || for _ in lines {});
        let stdin = child.stdin.take().expect("stdin");
        Self {
            port,
            running: Some((child, stdin)),
        }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Points `settings` at this server's bucket.
    pub fn configure(&self, settings: &mut app::server::Settings) {
        Self::configure_for(settings, &self.endpoint());
    }

    /// Points `settings` at the bucket of a server at `endpoint`, with this server's
    /// keys.
    pub fn configure_for(settings: &mut app::server::Settings, endpoint: &str) {
        let store = &mut settings.object_store;
        store.bucket = Some(BUCKET.into());
        store.endpoint = Some(endpoint.into());
        store.access_key_id = ACCESS_KEY.into();
        store.secret_access_key = app::server::settings::Secret(SECRET_KEY.into());
        store.timeout_seconds = 5;
    }

    /// Stops the server: connections are refused from now on.
    pub fn stop(&mut self) {
        if let Some((mut child, stdin)) = self.running.take() {
            drop(stdin);
            child.wait().expect("S3 server stops");
        }
    }

    /// A client of the bucket of its own, to look at what the portal stored.
    fn client(&self) -> Arc<dyn ObjectStore> {
        Arc::new(
            AmazonS3Builder::new()
                .with_bucket_name(BUCKET)
                .with_region("eu-central-1")
                .with_endpoint(self.endpoint())
                .with_allow_http(true)
                .with_access_key_id(ACCESS_KEY)
                .with_secret_access_key(SECRET_KEY)
                .build()
                .expect("S3 client"),
        )
    }

    /// The names of the objects in the bucket, sorted.
    pub async fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .client()
            .list(None)
            .map_ok(|meta| meta.location.to_string())
            .try_collect()
            .await
            .expect("list the bucket");
        keys.sort();
        keys
    }

    /// The content of object `key`.
    pub async fn content(&self, key: &str) -> Vec<u8> {
        let found = self.client().get(&key.into()).await.expect("the object");
        found.bytes().await.expect("its bytes").to_vec()
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        if let Some((mut child, _)) = self.running.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
