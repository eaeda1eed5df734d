//! The test SMTP server (`end2end/smtp/sink.py`, aiosmtpd) on a loopback port of its
//! own, and what arrived there. A test stops it to play a mail server that is down and
//! starts it again on the same port.

use std::{
    io::{BufRead, BufReader},
    process::{Child, ChildStdin, Command, Stdio},
    time::Duration,
};

use app::server::settings::{MailTransport, SmtpSecurity};

/// A mail as the server received it.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    pub message_id: String,
    pub body: String,
    /// The `MIME-Version` header, empty when missing.
    pub mime_version: String,
    /// The `Content-Type` as a MIME type, empty when the header is missing.
    pub content_type: String,
    /// Charset and transfer encoding of the text.
    pub charset: String,
    pub transfer_encoding: String,
    /// The attachments: name, MIME type, and the text of a text attachment.
    #[serde(default)]
    pub attachments: Vec<ReceivedAttachment>,
}

/// An attachment as the server received it.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct ReceivedAttachment {
    pub filename: String,
    pub content_type: String,
    pub text: String,
}

impl Received {
    /// Whether a strict client can decode the text: every MIME header present (the
    /// charset and transfer encoding of the text part when there are attachments).
    pub fn is_complete_mime(&self) -> bool {
        self.mime_version == "1.0"
            && ["text/plain", "multipart/mixed"].contains(&self.content_type.as_str())
            && self.charset.eq_ignore_ascii_case("utf-8")
            && ["7bit", "8bit", "quoted-printable", "base64"]
                .contains(&self.transfer_encoding.to_ascii_lowercase().as_str())
    }
}

/// A running (or stopped) SMTP server.
pub struct SmtpSink {
    pub port: u16,
    folder: tempfile::TempDir,
    running: Option<(Child, ChildStdin)>,
}

impl SmtpSink {
    /// Starts a server on a free port.
    pub fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut sink = Self {
            port,
            folder: tempfile::tempdir().expect("temp dir"),
            running: None,
        };
        sink.resume();
        sink
    }

    /// Points `settings` at this server, retrying failed mails after a second.
    pub fn configure(&self, settings: &mut app::server::Settings) {
        settings.mail.transport = MailTransport::Smtp;
        settings.mail.smtp.host = "127.0.0.1".into();
        settings.mail.smtp.port = self.port;
        settings.mail.smtp.security = SmtpSecurity::None;
        settings.mail.retry_base_seconds = 1;
    }

    /// Stops the server: connections are refused until [`SmtpSink::resume`].
    pub fn stop(&mut self) {
        if let Some((mut child, stdin)) = self.running.take() {
            drop(stdin);
            child.wait().expect("SMTP server stops");
        }
    }

    /// Starts the server again on its port.
    pub fn resume(&mut self) {
        let python = std::env::var("PORTAL_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/smtp/sink.py");
        let mut child = Command::new(&python)
            .arg(script)
            .arg("--port")
            .arg(self.port.to_string())
            .arg("--folder")
            .arg(self.folder.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("{python} starts the test SMTP server: {e}"));
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        assert_eq!(
            first, "ready",
            "the test SMTP server needs aiosmtpd (scripts/test installs it and sets PORTAL_TEST_PYTHON)"
        );
        std::thread::spawn(move || for _ in lines {});
        let stdin = child.stdin.take().expect("stdin");
        self.running = Some((child, stdin));
    }

    /// Every mail received so far.
    pub fn received(&self) -> Vec<Received> {
        let mut mails = Vec::new();
        for entry in std::fs::read_dir(self.folder.path()).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).expect("mail file");
                mails.push(serde_json::from_str(&text).expect("mail record"));
            }
        }
        mails
    }

    /// Waits until at least `count` mails arrived (at most 30 seconds) and returns all.
    pub async fn wait_for(&self, count: usize) -> Vec<Received> {
        for _ in 0..300 {
            let mails = self.received();
            if mails.len() >= count {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "expected {count} mails, the SMTP server has {}",
            self.received().len()
        );
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some((mut child, _)) = self.running.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
