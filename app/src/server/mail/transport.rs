//! Where written mails go: an SMTP server (STARTTLS, TLS, or plain for a local relay)
//! or, for development, `.eml` files under `<data_dir>/mail`.

use std::{path::PathBuf, time::Duration};

use kernel::start::{Context, StartResult};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    transport::smtp::{
        authentication::Credentials,
        client::{Tls, TlsParameters},
    },
};

use crate::server::{
    Settings,
    settings::{MailTransport, SmtpSecurity},
};

/// Why a mail was not sent.
#[derive(Debug)]
pub enum SendError {
    /// Worth trying again later (server down, busy, network).
    Transient(String),
    /// Will never work (the server refused the recipient for good).
    Permanent(String),
}

/// A way to send mails.
#[derive(Clone, Debug)]
pub enum Transport {
    /// `.eml` files in this folder, named by outbox row.
    Files(PathBuf),
    /// An SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Transport {
    /// The transport `settings` ask for.
    pub fn from_settings(settings: &Settings) -> StartResult<Self> {
        let mail = &settings.mail;
        if mail.transport == MailTransport::File {
            return Ok(Self::Files(settings.data_dir.join("mail")));
        }
        let smtp = &mail.smtp;
        let tls = || {
            TlsParameters::new(smtp.host.clone())
                .with_context(|| format!("mail.smtp.host `{}`", smtp.host))
        };
        let security = match smtp.security {
            SmtpSecurity::Starttls => Tls::Required(tls()?),
            SmtpSecurity::Tls => Tls::Wrapper(tls()?),
            SmtpSecurity::None => Tls::None,
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .tls(security)
            .timeout(Some(Duration::from_secs(30)));
        if !smtp.username.is_empty() {
            builder = builder.credentials(Credentials::new(
                smtp.username.clone(),
                smtp.password.0.clone(),
            ));
        }
        Ok(Self::Smtp(builder.build()))
    }

    /// Sends `message`, outbox row `id`.
    pub async fn send(&self, id: i64, message: &Message) -> Result<(), SendError> {
        match self {
            Self::Files(dir) => write_file(dir, id, message)
                .await
                .map_err(|e| SendError::Transient(format!("{}: {e}", dir.display()))),
            Self::Smtp(smtp) => smtp.send(message.clone()).await.map(drop).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
        }
    }
}

/// Writes `message` to `<dir>/<id>.eml` through a temporary file, so a reader never
/// sees half a mail and a repeated attempt replaces the file instead of adding one.
async fn write_file(dir: &std::path::Path, id: i64, message: &Message) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let path = dir.join(format!("{id:08}.eml"));
    let partial = dir.join(format!(".{id:08}.eml.partial"));
    tokio::fs::write(&partial, message.formatted()).await?;
    tokio::fs::rename(&partial, &path).await
}
