//! E-mails to the citizen about their case: the receipt when it is filed, a question
//! from the caseworker, the decision, a new message; and to the shared mailbox of its
//! caseworkers when a case comes in, where the process asks for it. Written to the kernel's outbox in
//! the transaction of the timeline entry that causes them; the mail names the reference
//! and links to the case page, never what was asked or answered (e-mail is not a secure
//! channel).

use sea_orm::{ConnectionTrait, DbErr};

use crate::{
    comment::Comment,
    entity::case,
    lifecycle::State,
    timeline::{Entry, Kind},
    tracker::citizen_page,
};

/// What `entry` tells the citizen of its case, as a mail template, if anything (their
/// own messages are not mailed back to them).
pub fn template_for(entry: &Entry) -> Option<&'static str> {
    if entry.internal {
        return None;
    }
    match entry.moved {
        Some((None, State::Submitted)) if entry.kind == Kind::Filed => Some("cases-mail-received"),
        Some((_, State::WaitingForCitizen)) => Some("cases-mail-question"),
        Some((_, State::Decided)) => Some("cases-mail-decided"),
        _ if entry.kind == Kind::Comment(Comment::Message) && !entry.by_applicant => {
            Some("cases-mail-message")
        }
        _ => None,
    }
}

/// Mails the citizen of `case` (the row as the entry's transaction wrote it; read only
/// when some entry needs it) about `entry` when it concerns them and they gave an
/// address.
pub async fn citizen(
    db: &impl ConnectionTrait,
    case: Option<&case::Model>,
    entry: &Entry,
) -> Result<(), DbErr> {
    let (Some(template), Some(case)) = (template_for(entry), case) else {
        return Ok(());
    };
    let Some(to) = case.contact_email.clone() else {
        return Ok(());
    };
    let mail = kernel::mail::Mail {
        to,
        locale: kernel::Locale::parse(&case.contact_locale).unwrap_or_default(),
        template: template.to_owned(),
        args: vec![
            ("reference".into(), case.reference.clone()),
            ("path".into(), citizen_page(&case.id)),
        ],
        about: Some(about(&case.id)),
    };
    kernel::mail::enqueue(db, &mail, entry.at).await
}

/// Announces new case `case_id` (`reference`, of the service titled `service`) to the
/// caseworkers' `mailbox`, in German, the office's language.
pub async fn new_case(
    db: &impl ConnectionTrait,
    case_id: &str,
    reference: &str,
    service: &str,
    mailbox: &str,
    at: i64,
) -> Result<(), DbErr> {
    let mail = kernel::mail::Mail {
        to: mailbox.to_owned(),
        locale: kernel::Locale::DE,
        template: "cases-mail-new-case".to_owned(),
        args: vec![
            ("reference".into(), reference.to_owned()),
            ("service".into(), service.to_owned()),
            ("path".into(), format!("/bearbeitung/faelle/{case_id}")),
        ],
        about: Some(about(case_id)),
    };
    kernel::mail::enqueue(db, &mail, at).await
}

/// What the outbox rows about case `case_id` are filed under.
pub fn about(case_id: &str) -> String {
    format!("case:{case_id}")
}
