//! `[mail]`: how the portal sends e-mails.

use serde::{Deserialize, Serialize};

use super::identity::Secret;

/// Where mails go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    /// Written as `.eml` files under `<data_dir>/mail` (quick start, development).
    #[default]
    File,
    /// Sent to an SMTP server.
    Smtp,
}

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain SMTP, upgraded with STARTTLS; refuses a server that cannot (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
    /// No encryption: only for a relay on the same host or in tests.
    None,
}

/// `[mail]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailSettings {
    /// `file` or `smtp`.
    pub transport: MailTransport,
    /// Sender address, e.g. `Serviceportal <noreply@muenchen.example>`.
    pub from: String,
    /// Seconds before the first retry of a failed mail; doubled after every failure,
    /// at most an hour.
    pub retry_base_seconds: u32,
    /// The SMTP server.
    pub smtp: SmtpSettings,
}

/// `[mail.smtp]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {
    /// Host name (checked against the server's certificate).
    pub host: String,
    /// Port.
    pub port: u16,
    /// `starttls`, `tls` or `none`.
    pub security: SmtpSecurity,
    /// User name; empty when the server takes mail without signing in.
    pub username: String,
    /// Password; set it through the environment.
    pub password: Secret,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: MailTransport::File,
            from: "Serviceportal <noreply@portal.invalid>".into(),
            retry_base_seconds: 30,
            smtp: SmtpSettings::default(),
        }
    }
}

impl Default for SmtpSettings {
    fn default() -> Self {
        Self {
            host: "localhost".into(),
            port: 587,
            security: SmtpSecurity::Starttls,
            username: String::new(),
            password: Secret::default(),
        }
    }
}

impl MailSettings {
    /// Checks what the types alone do not.
    pub fn validate(&self, production: bool) -> Result<(), String> {
        if self.from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(
                "`mail.from`: must be an address like `Portal <noreply@city.example>`".into(),
            );
        }
        if !(1..=3600).contains(&self.retry_base_seconds) {
            return Err("`mail.retry_base_seconds`: must be between 1 and 3600".into());
        }
        if self.transport == MailTransport::Smtp && self.smtp.host.trim().is_empty() {
            return Err("`mail.smtp.host`: must be set when mail.transport = \"smtp\"".into());
        }
        if production && self.transport == MailTransport::File {
            return Err("`mail.transport`: must be smtp when environment = \"production\"".into());
        }
        Ok(())
    }
}
