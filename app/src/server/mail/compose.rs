//! Writing an outbox row as a mail: subject and body from the fluent texts of its
//! template in the recipient's language, a greeting and a footer that says why it
//! holds no details (the template's own `<template>-footer` where it has one, e.g. for
//! staff), and a `Message-ID` that stays the same for every attempt.

use kernel::{
    I18n,
    mail::Queued,
    start::{Context, StartResult},
};
use lettre::{
    Message,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};

/// The name a mail's calendar file is attached under.
const CALENDAR_FILE: &str = "termin.ics";

use crate::server::Settings;

/// Writes mails for one installation.
#[derive(Clone, Debug)]
pub struct Composer {
    from: Mailbox,
    public_url: String,
    host: String,
}

impl Composer {
    /// A composer for the sender and public address in `settings`.
    pub fn new(settings: &Settings) -> StartResult<Self> {
        let from = settings
            .mail
            .from
            .parse()
            .with_context(|| format!("mail.from `{}`", settings.mail.from))?;
        let public_url = settings.public_url.trim_end_matches('/').to_owned();
        let host = public_url
            .parse::<http::Uri>()
            .ok()
            .and_then(|uri| uri.host().map(str::to_owned))
            .unwrap_or_else(|| "portal.invalid".into());
        Ok(Self {
            from,
            public_url,
            host,
        })
    }

    /// The mail for `queued`; an error when its address cannot be used.
    pub fn message(&self, queued: &Queued) -> Result<Message, String> {
        let to: Mailbox = queued
            .mail
            .to
            .parse()
            .map_err(|e| format!("recipient address: {e}"))?;
        let i18n = I18n::new(queued.mail.locale, &*crate::i18n::LOCALES);
        let (calendar, mut args): (Vec<_>, Vec<_>) = queued
            .mail
            .args
            .iter()
            .cloned()
            .partition(|(name, _)| name == kernel::mail::CALENDAR_ARGUMENT);
        args.extend(self.links(&args));
        let template = &queued.mail.template;
        let subject = i18n.t_named(template, &args);
        let body = format!(
            "{}\n\n{}\n\n-- \n{}\n",
            i18n.t("shell-mail-greeting"),
            i18n.t_named(&format!("{template}-body"), &args),
            i18n.try_t(&format!("{template}-footer"))
                .unwrap_or_else(|| i18n.t("shell-mail-footer")),
        );
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<{}@{}>", queued.message_id, self.host)));
        // A MIME part, so the mail carries `MIME-Version: 1.0` with its UTF-8 content
        // type and transfer encoding, as strict clients need to decode it.
        let text = SinglePart::plain(body);
        match calendar.into_iter().next() {
            None => builder.singlepart(text),
            Some((_, calendar)) => builder.multipart(
                MultiPart::mixed().singlepart(text).singlepart(
                    Attachment::new(CALENDAR_FILE.into()).body(
                        calendar,
                        ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                            .map_err(|e| e.to_string())?,
                    ),
                ),
            ),
        }
        .map_err(|e| e.to_string())
    }

    /// The full addresses of the portal paths among `args`: `path` as `link`, the
    /// space-separated paths of `<name>_path` as `<name>_link`, one per line.
    fn links(&self, args: &[(String, String)]) -> Vec<(String, String)> {
        args.iter()
            .filter_map(|(name, paths)| {
                let stem = if name == "path" {
                    ""
                } else {
                    name.strip_suffix("_path")?
                };
                let links = paths
                    .split_whitespace()
                    .map(|path| format!("{}{path}", self.public_url))
                    .collect::<Vec<_>>()
                    .join("\n");
                let key = if stem.is_empty() {
                    "link".to_owned()
                } else {
                    format!("{stem}_link")
                };
                Some((key, links))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use kernel::{Locale, mail::Mail};

    use super::*;

    fn queued(locale: Locale, to: &str) -> Queued {
        Queued {
            id: 1,
            message_id: "abc".into(),
            attempts: 1,
            mail: Mail {
                to: to.into(),
                locale,
                template: "cases-mail-received".into(),
                args: vec![
                    ("reference".into(), "M-2026-000001".into()),
                    ("path".into(), "/vorgaenge/x".into()),
                ],
                about: None,
            },
        }
    }

    /// The mail as text, with quoted-printable soft line breaks undone.
    fn text(message: &Message) -> String {
        String::from_utf8_lossy(&message.formatted())
            .replace("=\r\n", "")
            .replace("=\n", "")
    }

    #[test]
    fn writes_reference_and_full_link_in_the_recipients_language() {
        let settings = Settings {
            public_url: "https://service.muenchen.example/".into(),
            ..Settings::default()
        };
        let composer = Composer::new(&settings).expect("composer");
        let german = text(
            &composer
                .message(&queued(Locale::DE, "a@example.org"))
                .expect("de"),
        );
        assert!(german.contains("M-2026-000001"), "{german}");
        assert!(
            german.contains("https://service.muenchen.example/vorgaenge/x"),
            "{german}"
        );
        assert!(
            german.contains("Message-ID: <abc@service.muenchen.example>"),
            "{german}"
        );
        for header in [
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: ",
        ] {
            assert!(german.contains(header), "{header} in {german}");
        }
        let english = text(
            &composer
                .message(&queued(Locale::EN, "a@example.org"))
                .expect("en"),
        );
        assert_ne!(german, english);
        assert!(
            english.contains("Subject: Your request M-2026-000001"),
            "{english}"
        );
    }

    #[test]
    fn an_unusable_address_is_an_error() {
        let composer = Composer::new(&Settings::default()).expect("composer");
        assert!(
            composer
                .message(&queued(Locale::DE, "not an address"))
                .is_err()
        );
    }
}
