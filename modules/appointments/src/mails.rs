//! The appointment mails, through the portal's outbox: the link that confirms an
//! e-mail address, the confirmation with its calendar file and manage link, the
//! reminder the day before, the cancellation. Each is written in the language the
//! citizen booked in.

use chrono::{NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, Event, EventLike};
use kernel::{AppError, Locale, ModuleContext, mail::Mail};
use sea_orm::ConnectionTrait;

use crate::{
    citizen::{self, Desk},
    lifecycle::Appointment,
    slots,
    view::AppointmentView,
};

/// What a mail about appointment `id` is about, so that deleting it deletes them.
pub fn about(id: &str) -> String {
    format!("appointment:{id}")
}

fn locale(row: &Appointment) -> Locale {
    Locale::parse(&row.locale).unwrap_or(Locale::DE)
}

/// `DD.MM.YYYY` of a `YYYY-MM-DD` day.
fn written_day(day: &str) -> String {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|_| day.to_owned())
}

/// The names of the appointment's services, in one line.
fn service_names(view: &AppointmentView) -> String {
    view.services
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The arguments every appointment mail shows.
fn arguments(view: &AppointmentView) -> Vec<(String, String)> {
    let services = service_names(view);
    let bring = view
        .services
        .iter()
        .map(|s| format!("/info/{}", kernel::url::segment(&s.id)))
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        ("reference".into(), view.reference.clone()),
        ("office".into(), view.office.name.clone()),
        ("address".into(), view.office.address.clone()),
        ("day".into(), written_day(&view.day)),
        ("from".into(), view.from.clone()),
        ("to".into(), view.to.clone()),
        ("services".into(), services),
        ("persons".into(), view.persons.to_string()),
        ("bring_path".into(), bring),
    ]
}

/// The appointment as a calendar file (RFC 5545): one event in UTC with the office as
/// its place and the reference in its summary.
pub fn calendar_file(view: &AppointmentView, row_id: &str, now: i64) -> Option<String> {
    let day = NaiveDate::parse_from_str(&view.day, "%Y-%m-%d").ok()?;
    let from = NaiveTime::parse_from_str(&view.from, "%H:%M").ok()?;
    let to = NaiveTime::parse_from_str(&view.to, "%H:%M").ok()?;
    let (start, end) = (slots::in_munich(day, from)?, slots::in_munich(day, to)?);
    let services = service_names(view);
    let event = Event::new()
        .uid(&format!("{row_id}@appointments.portal"))
        .timestamp(chrono::DateTime::from_timestamp(now, 0)?)
        .summary(&format!("{} ({})", services, view.reference))
        .description(&format!("{}: {}", view.reference, services))
        .location(&[view.office.name.as_str(), view.office.address.as_str()].join(", "))
        .starts(start)
        .ends(end)
        .done();
    Some(Calendar::new().push(event).done().to_string())
}

async fn view_of(
    ctx: &ModuleContext,
    desk: &Desk,
    row: &Appointment,
    now: i64,
) -> Result<AppointmentView, AppError> {
    citizen::appointment_view(ctx, desk, row, locale(row).code(), now).await
}

/// Puts `mail` into the outbox of `db` (the transaction of the change it reports).
pub async fn send(db: &impl ConnectionTrait, mail: &Mail, now: i64) -> Result<(), AppError> {
    kernel::mail::enqueue(db, mail, now)
        .await
        .map_err(AppError::from)
}

/// The link that confirms the e-mail address of `row` (secret `token`), valid for
/// `minutes`.
pub fn confirm_address(row: &Appointment, token: &str, minutes: i64) -> Mail {
    Mail {
        to: row.email.clone(),
        locale: locale(row),
        template: "appointments-mail-confirm".into(),
        args: vec![
            ("path".into(), format!("/termine/bestaetigen/{token}")),
            ("minutes".into(), minutes.to_string()),
        ],
        about: Some(about(&row.id)),
    }
}

/// The confirmation (`template`: booked, moved) of booked `row`, with its manage link
/// (secret `manage_token`) and calendar file.
pub async fn booked(
    ctx: &ModuleContext,
    desk: &Desk,
    row: &Appointment,
    manage_token: &str,
    template: &str,
    now: i64,
) -> Result<Mail, AppError> {
    let view = view_of(ctx, desk, row, now).await?;
    let mut args = arguments(&view);
    args.push(("path".into(), format!("/termine/vormerkung/{manage_token}")));
    if let Some(calendar) = calendar_file(&view, &row.id, now) {
        args.push((kernel::mail::CALENDAR_ARGUMENT.into(), calendar));
    }
    Ok(Mail {
        to: row.email.clone(),
        locale: locale(row),
        template: template.into(),
        args,
        about: Some(about(&row.id)),
    })
}

/// The mail `template` about `row` (cancelled, reminder): what, when and where.
pub async fn about_appointment(
    ctx: &ModuleContext,
    desk: &Desk,
    row: &Appointment,
    template: &str,
    now: i64,
) -> Result<Mail, AppError> {
    let view = view_of(ctx, desk, row, now).await?;
    Ok(about_view(row, &view, template))
}

/// [`about_appointment`] from the catalogues already read, one per language
/// (`catalogues`, by language code; German where the citizen's is missing): for a
/// transaction that must not wait for a second connection.
pub fn about_appointment_in(
    catalogues: &CataloguesByLanguage,
    desk: &Desk,
    row: &Appointment,
    template: &str,
    now: i64,
) -> Option<Mail> {
    let snapshot = catalogues
        .get(locale(row).code())
        .or_else(|| catalogues.get(kernel::Locale::DE.code()))?;
    let view = citizen::appointment_view_in(snapshot, desk, row, now);
    Some(about_view(row, &view, template))
}

/// The catalogue in each language mails are written in, for [`about_appointment_in`].
pub type CataloguesByLanguage =
    std::collections::HashMap<&'static str, std::sync::Arc<crate::snapshot::Snapshot>>;

/// Every language's catalogue, read before a transaction that writes mails.
pub async fn catalogues(
    ctx: &ModuleContext,
    desk: &Desk,
) -> Result<CataloguesByLanguage, AppError> {
    let mut all = CataloguesByLanguage::new();
    for language in kernel::i18n::languages::offered() {
        let code = language.locale.code();
        all.insert(code, desk.catalogue.get_in(ctx, code).await?);
    }
    Ok(all)
}

fn about_view(row: &Appointment, view: &AppointmentView, template: &str) -> Mail {
    Mail {
        to: row.email.clone(),
        locale: locale(row),
        template: template.into(),
        args: arguments(view),
        about: Some(about(&row.id)),
    }
}
