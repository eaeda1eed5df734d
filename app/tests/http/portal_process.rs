//! The real `portal` binary serving on a free loopback port with a SQLite database and
//! data folder of its own, its log in a file; stopped when dropped.

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Duration,
};

pub struct PortalProcess {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its SQLite database.
    pub database_url: String,
    log_path: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

impl PortalProcess {
    /// Starts `portal serve` with `settings` (environment variables) added to the
    /// test's own, and waits until `/readyz` answers.
    pub async fn serve(port: u16, settings: &[(&str, String)]) -> Self {
        let base = format!("http://127.0.0.1:{port}");
        let dir = tempfile::tempdir().unwrap();
        let log_path = dir.path().join("portal.log");
        let log = std::fs::File::create(&log_path).unwrap();
        let repo = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let database_url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
        let child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .arg("serve")
            .current_dir(repo)
            .envs([
                ("PORTAL_LISTEN", format!("127.0.0.1:{port}")),
                ("PORTAL_PUBLIC_URL", base.clone()),
                ("PORTAL_DATABASE_URL", database_url.clone()),
                (
                    "PORTAL_DATA_DIR",
                    dir.path().join("data").display().to_string(),
                ),
                ("PORTAL_SITE_ROOT", format!("{repo}/app/public")),
            ])
            .envs(settings.iter().map(|(key, value)| (key, value)))
            .env_remove("RUST_LOG")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let portal = Self {
            base,
            database_url,
            log_path,
            child,
            _dir: dir,
        };
        let probe = reqwest::Client::new();
        for _ in 0..300 {
            let ready = probe.get(format!("{}/readyz", portal.base)).send().await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return portal;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the portal did not get ready: {}", portal.log());
    }

    /// Everything it logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }
}

/// A free loopback port.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port()
}

impl Drop for PortalProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
