//! Importing a DLDB export into the information catalogue.
//!
//! Idempotent: an entry whose imported content is unchanged is not written again; an
//! entry that is no longer in the file is unpublished, never
//! deleted, so links to it keep answering and it comes back when it returns. Everything
//! happens in one transaction: a file that fails half-way changes nothing.

use kernel::write_transaction::begin_write;
use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    TransactionTrait,
};
use serde::Serialize;

use crate::{
    dldb,
    entity::{office, office_booking, service, service_office},
    sanitise,
};

/// Longest name kept (the column's width).
const MAX_NAME: usize = 300;
/// Languages the portal speaks.
const LOCALES: [&str; 2] = ["de", "en"];

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Services (per language) new in the catalogue.
    pub created: usize,
    /// Services whose content changed, or that were published again.
    pub updated: usize,
    /// Services as they were.
    pub unchanged: usize,
    /// Services no longer in the file.
    pub unpublished: usize,
    /// Offices new, changed or published again.
    pub offices_written: usize,
    /// Offices no longer in the file.
    pub offices_unpublished: usize,
    /// Entries left out, each with the reason.
    pub skipped: Vec<String>,
    /// Ids of the services whose published content changed, noted in the search outbox.
    pub changed: Vec<String>,
}

/// A service as the catalogue keeps it, made from one export entry.
#[derive(Debug, Serialize)]
struct Entry {
    id: String,
    locale: String,
    name: String,
    description: String,
    fees: Option<String>,
    keywords: Vec<String>,
    leika: Option<String>,
    offices: Vec<String>,
    booking: ServiceBooking,
}

/// A service's booking facts.
#[derive(Debug, Serialize)]
struct ServiceBooking {
    bookable: bool,
    duration_minutes: Option<i32>,
    max_quantity: i32,
    combinable: Vec<String>,
}

/// An office as the catalogue keeps it.
#[derive(Debug, Serialize)]
struct Office {
    id: String,
    name: String,
    department: Option<String>,
    street: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    web: Option<String>,
    position: Option<(f64, f64)>,
    slot_minutes: Option<i32>,
    bookable: bool,
    /// The services bookable here, each with the slots one person needs.
    booking: Vec<(String, i32)>,
}

/// Longest a slot or one person's visit may be, in minutes (a working day).
const MAX_MINUTES: f64 = 600.0;
/// Most people one booking may be for.
const MAX_QUANTITY: f64 = 20.0;
/// Most slots one person may need for a service.
const MAX_SLOTS: f64 = 100.0;

/// A whole number in `low..=high`, else `None`.
fn whole(number: Option<f64>, low: f64, high: f64) -> Option<i32> {
    let number = number?;
    #[expect(
        clippy::cast_possible_truncation,
        reason = "checked to be a whole number in range"
    )]
    (number.fract() == 0.0 && (low..=high).contains(&number)).then_some(number as i32)
}

/// A position inside the earth's coordinate ranges.
fn position(geo: Option<&dldb::Geo>) -> Option<(f64, f64)> {
    let geo = geo?;
    let (lat, lon) = (geo.lat?, geo.lon?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

fn valid_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Trimmed text, `None` when empty; at most `max` characters.
fn field(text: Option<&str>, max: usize) -> Option<String> {
    let text = text?.trim();
    (!text.is_empty()).then(|| text.chars().take(max).collect())
}

fn digest(value: &impl Serialize) -> String {
    kernel::upload::sha256_hex(&serde_json::to_vec(value).unwrap_or_default())
}

impl Entry {
    fn from_export(service: dldb::Service, file_locale: &str) -> Result<Self, String> {
        let id = service.id.trim().to_owned();
        if !valid_id(&id) {
            return Err(format!("service id `{}` is not an id", service.id));
        }
        let locale = service
            .meta
            .locale
            .as_deref()
            .unwrap_or(file_locale)
            .to_owned();
        if !LOCALES.contains(&locale.as_str()) {
            return Err(format!("service {id}: language `{locale}` is not offered"));
        }
        let name = sanitise::text(&service.name);
        if name.is_empty() {
            return Err(format!("service {id}: no name"));
        }
        if name.chars().count() > MAX_NAME {
            return Err(format!(
                "service {id}: name longer than {MAX_NAME} characters"
            ));
        }
        let fees = service
            .fees
            .as_deref()
            .map(sanitise::html)
            .filter(|fees| !sanitise::text(fees).is_empty());
        let keywords = service
            .meta
            .keywords
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(sanitise::text)
            .filter(|k| !k.is_empty())
            .collect();
        let leika = service
            .leika
            .map(|l| l.trim().to_owned())
            .filter(|l| l.len() == 14 && l.chars().all(|c| c.is_ascii_digit()));
        let mut offices: Vec<String> = service
            .locations
            .into_iter()
            .map(|l| l.location.trim().to_owned())
            .filter(|l| valid_id(l))
            .collect();
        offices.sort();
        offices.dedup();
        let mut combinable: Vec<String> = service
            .combinable
            .iter()
            .map(|c| c.trim().to_owned())
            .filter(|c| valid_id(c) && *c != id)
            .collect();
        combinable.sort();
        combinable.dedup();
        let booking = ServiceBooking {
            bookable: service.public == Some(true),
            duration_minutes: whole(service.duration, 1.0, MAX_MINUTES),
            max_quantity: whole(service.max_quantity, 1.0, MAX_QUANTITY).unwrap_or(1),
            combinable,
        };
        Ok(Self {
            id,
            locale,
            name,
            description: sanitise::html(service.description.as_deref().unwrap_or_default()),
            fees,
            keywords,
            leika,
            offices,
            booking,
        })
    }
}

impl Office {
    fn from_export(location: dldb::Location) -> Result<Self, String> {
        let id = location.id.trim().to_owned();
        if !valid_id(&id) {
            return Err(format!("office id `{}` is not an id", location.id));
        }
        let name = location
            .display_name
            .as_deref()
            .map(sanitise::text)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| sanitise::text(&location.name));
        if name.is_empty() {
            return Err(format!("office {id}: no name"));
        }
        let address = &location.address;
        let street = match (&address.street, &address.house_number) {
            (Some(street), Some(number)) => Some(format!("{} {}", street.trim(), number.trim())),
            (street, _) => street.clone(),
        };
        let email = field(location.contact.email.as_deref(), 254).filter(|e| e.contains('@'));
        let web = field(location.contact.webinfo.as_deref(), 500)
            .filter(|w| w.starts_with("https://") || w.starts_with("http://"));
        let mut booking: Vec<(String, i32)> = location
            .services
            .iter()
            .filter_map(|offered| {
                let appointment = offered.appointment.as_ref()?;
                let service = offered.service.trim();
                let slots = whole(appointment.slots, 1.0, MAX_SLOTS)?;
                (appointment.allowed && !appointment.external && valid_id(service))
                    .then(|| (service.to_owned(), slots))
            })
            .collect();
        booking.sort();
        booking.dedup_by(|a, b| a.0 == b.0);
        Ok(Self {
            id,
            name: name.chars().take(MAX_NAME).collect(),
            department: field(location.organization_unit.as_deref(), 300),
            street: field(street.as_deref(), 300),
            postal_code: field(address.postal_code.as_deref(), 16),
            city: field(address.city.as_deref(), 100),
            phone: field(location.contact.phone.as_deref(), 100),
            email,
            web,
            position: position(location.geo.as_ref()),
            slot_minutes: whole(location.slot_time_in_minutes, 1.0, MAX_MINUTES),
            bookable: location.public == Some(true),
            booking,
        })
    }
}

/// Imports `services` (and, when given, `offices`) at `now`. `file_locale` is the
/// language of entries that do not name theirs.
pub async fn import(
    db: &impl TransactionTrait,
    services: dldb::Export<dldb::Service>,
    offices: Option<dldb::Export<dldb::Location>>,
    file_locale: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Report, DbErr> {
    let mut report = Report::default();
    let txn = begin_write(db).await?;
    if let Some(offices) = offices {
        import_offices(&txn, offices, now, &mut report).await?;
    }
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for service in services.data {
        match Entry::from_export(service, file_locale) {
            Ok(entry) if !seen.insert((entry.id.clone(), entry.locale.clone())) => report
                .skipped
                .push(format!("service {}: listed twice", entry.id)),
            Ok(entry) => entries.push(entry),
            Err(reason) => report.skipped.push(reason),
        }
    }
    let locales: HashSet<&str> = entries.iter().map(|e| e.locale.as_str()).collect();
    let stored: HashMap<(String, String), (String, bool)> = service::Entity::find()
        .filter(service::Column::Locale.is_in(locales.iter().copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|row| ((row.id, row.locale), (row.digest, row.published)))
        .collect();
    for entry in &entries {
        let digest = digest(entry);
        let key = (entry.id.clone(), entry.locale.clone());
        match stored.get(&key) {
            Some((known, true)) if *known == digest => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.updated += 1,
            None => report.created += 1,
        }
        write_service(&txn, entry, digest, now, stored.contains_key(&key)).await?;
        report.changed.push(entry.id.clone());
    }
    // What left the file, per language: unpublished in one statement each.
    for locale in &locales {
        let gone: Vec<&String> = stored
            .iter()
            .filter(|((id, l), (_, published))| {
                *published && l.as_str() == *locale && !seen.contains(&(id.clone(), l.clone()))
            })
            .map(|((id, _), _)| id)
            .collect();
        if gone.is_empty() {
            continue;
        }
        service::Entity::update_many()
            .col_expr(service::Column::Published, false.into())
            .filter(service::Column::Locale.eq(*locale))
            .filter(service::Column::Id.is_in(gone.iter().map(|id| (*id).clone())))
            .exec(&txn)
            .await?;
        report.unpublished += gone.len();
        report.changed.extend(gone.into_iter().cloned());
    }
    // The German export lists the catalogue's services: a translation of a service that
    // left it (the demo catalogue's English entries, say) goes with it.
    if locales.contains("de") {
        let ids: HashSet<&str> = entries
            .iter()
            .filter(|e| e.locale == "de")
            .map(|e| e.id.as_str())
            .collect();
        let orphans: Vec<String> = service::Entity::find()
            .filter(service::Column::Locale.ne("de"))
            .filter(service::Column::Published.eq(true))
            .all(&txn)
            .await?
            .into_iter()
            .filter(|row| !ids.contains(row.id.as_str()))
            .map(|row| row.id)
            .collect();
        if !orphans.is_empty() {
            service::Entity::update_many()
                .col_expr(service::Column::Published, false.into())
                .filter(service::Column::Locale.ne("de"))
                .filter(service::Column::Id.is_in(orphans.iter().cloned()))
                .exec(&txn)
                .await?;
            report.unpublished += orphans.len();
            report.changed.extend(orphans);
        }
    }
    report.changed.sort();
    report.changed.dedup();
    let changed: Vec<&str> = report.changed.iter().map(String::as_str).collect();
    kernel::search_outbox::note(&txn, crate::MODULE_ID, &changed, now.timestamp()).await?;
    txn.commit().await?;
    Ok(report)
}

async fn write_service(
    txn: &impl ConnectionTrait,
    entry: &Entry,
    digest: String,
    now: chrono::DateTime<chrono::Utc>,
    exists: bool,
) -> Result<(), DbErr> {
    let row = service::ActiveModel {
        id: Set(entry.id.clone()),
        locale: Set(entry.locale.clone()),
        name: Set(entry.name.clone()),
        description: Set(entry.description.clone()),
        fees: Set(entry.fees.clone()),
        keywords: Set(entry.keywords.join("\n")),
        leika: Set(entry.leika.clone()),
        bookable: Set(entry.booking.bookable),
        duration_minutes: Set(entry.booking.duration_minutes),
        max_quantity: Set(entry.booking.max_quantity),
        combinable: Set(entry.booking.combinable.join("\n")),
        published: Set(true),
        digest: Set(digest),
        imported_at: Set(now),
    };
    if exists {
        service::Entity::update(row).exec(txn).await?;
    } else {
        service::Entity::insert(row).exec(txn).await?;
    }
    // Which offices offer a service does not depend on the language: the last file
    // imported says.
    service_office::Entity::delete_many()
        .filter(service_office::Column::ServiceId.eq(&entry.id))
        .exec(txn)
        .await?;
    if !entry.offices.is_empty() {
        service_office::Entity::insert_many(entry.offices.iter().map(|office| {
            service_office::ActiveModel {
                service_id: Set(entry.id.clone()),
                office_id: Set(office.clone()),
            }
        }))
        .exec(txn)
        .await?;
    }
    Ok(())
}

/// Replaces which services can be booked at `office`.
async fn write_office_booking(txn: &impl ConnectionTrait, office: &Office) -> Result<(), DbErr> {
    office_booking::Entity::delete_many()
        .filter(office_booking::Column::OfficeId.eq(&office.id))
        .exec(txn)
        .await?;
    if office.booking.is_empty() {
        return Ok(());
    }
    office_booking::Entity::insert_many(office.booking.iter().map(|(service, slots)| {
        office_booking::ActiveModel {
            office_id: Set(office.id.clone()),
            service_id: Set(service.clone()),
            slots: Set(*slots),
        }
    }))
    .exec(txn)
    .await?;
    Ok(())
}

async fn import_offices(
    txn: &impl ConnectionTrait,
    offices: dldb::Export<dldb::Location>,
    now: chrono::DateTime<chrono::Utc>,
    report: &mut Report,
) -> Result<(), DbErr> {
    let stored: HashMap<String, (String, bool)> = office::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|row| (row.id, (row.digest, row.published)))
        .collect();
    let mut seen = HashSet::new();
    for location in offices.data {
        let office = match Office::from_export(location) {
            Ok(office) => office,
            Err(reason) => {
                report.skipped.push(reason);
                continue;
            }
        };
        if !seen.insert(office.id.clone()) {
            report
                .skipped
                .push(format!("office {}: listed twice", office.id));
            continue;
        }
        let digest = digest(&office);
        let known = stored.get(&office.id);
        if matches!(known, Some((d, true)) if *d == digest) {
            continue;
        }
        write_office_booking(txn, &office).await?;
        let row = office::ActiveModel {
            id: Set(office.id),
            name: Set(office.name),
            department: Set(office.department),
            street: Set(office.street),
            postal_code: Set(office.postal_code),
            city: Set(office.city),
            phone: Set(office.phone),
            email: Set(office.email),
            web: Set(office.web),
            latitude: Set(office.position.map(|p| p.0)),
            longitude: Set(office.position.map(|p| p.1)),
            slot_minutes: Set(office.slot_minutes),
            bookable: Set(office.bookable),
            published: Set(true),
            digest: Set(digest),
            imported_at: Set(now),
        };
        if known.is_some() {
            office::Entity::update(row).exec(txn).await?;
        } else {
            office::Entity::insert(row).exec(txn).await?;
        }
        report.offices_written += 1;
    }
    let gone: Vec<String> = stored
        .into_iter()
        .filter(|(id, (_, published))| *published && !seen.contains(id))
        .map(|(id, _)| id)
        .collect();
    if !gone.is_empty() {
        report.offices_unpublished = gone.len();
        office::Entity::update_many()
            .col_expr(office::Column::Published, false.into())
            .filter(office::Column::Id.is_in(gone))
            .exec(txn)
            .await?;
    }
    Ok(())
}
