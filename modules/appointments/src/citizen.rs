//! What the booking pages read: the bookable services, the offices for a wish with
//! their earliest free day, an office's free days and times, an appointment. The
//! catalogue comes from the module that provides [`kernel::booking::BookingCatalogue`], the schedule
//! from the module's file, the counts from the database.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use kernel::{
    AppError, ModuleContext,
    booking::{BookableOffice, BookableService},
    geo::Position,
};

use crate::{
    availability,
    lifecycle::Appointment,
    plan::{self, Wish, WishError},
    schedule::{OfficeSchedule, ScheduleFile},
    snapshot::Snapshot,
    view::{AppointmentView, Calendar, Choice, OfficeItem, Offices, ServiceItem},
};

/// What the pages, posts and the interface share: the schedule read at start and the
/// catalogue the interface reads.
#[derive(Debug)]
pub struct Desk {
    /// The module's schedule file.
    pub schedule: Arc<ScheduleFile>,
    /// The bookable catalogue, kept for a minute.
    pub catalogue: crate::snapshot::CatalogueCache,
    /// Offices' free days, kept for two seconds.
    pub free_days: crate::free_days_cache::FreeDaysCache,
    /// Most coming appointments one e-mail address may hold for one service.
    pub most_per_address: u32,
    /// How often one client network may hold a time; `None`: no limit.
    pub holds: Option<kernel::client::PerClient>,
    /// The proof of work that exempts a hold from that limit; `None`: off.
    pub proof: Option<crate::proof::ProofOfWork>,
}

impl Default for Desk {
    fn default() -> Self {
        Self {
            schedule: Arc::default(),
            catalogue: crate::snapshot::CatalogueCache::default(),
            free_days: crate::free_days_cache::FreeDaysCache::default(),
            most_per_address: crate::settings::AppointmentsConfig::default().most_per_address,
            holds: None,
            proof: None,
        }
    }
}

impl Desk {
    /// The schedule of `office`.
    pub fn schedule_of(&self, office: &BookableOffice) -> OfficeSchedule {
        self.schedule.office(&office.id, office.slot_minutes)
    }
}

impl From<WishError> for AppError {
    fn from(error: WishError) -> Self {
        AppError::BadRequest(error.to_string())
    }
}

pub use crate::snapshot::catalogue;

fn item(service: &BookableService) -> ServiceItem {
    ServiceItem {
        id: service.id.clone(),
        name: service.name.clone(),
        lang: service.lang.clone(),
    }
}

/// An office as the pages show it.
pub fn office_item(office: &BookableOffice) -> OfficeItem {
    let place = [office.postal_code.as_deref(), office.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    OfficeItem {
        id: office.id.clone(),
        name: office.name.clone(),
        address: [office.street.clone().unwrap_or_default(), place]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        earliest: None,
        distance_km: None,
    }
}

/// Every bookable service, by name.
pub async fn services(
    ctx: &ModuleContext,
    desk: &Desk,
    locale: &str,
) -> Result<Vec<ServiceItem>, AppError> {
    let snapshot = desk.catalogue.get_in(ctx, locale).await?;
    Ok(snapshot.services.iter().map(item).collect())
}

/// The choices that go with service `id`.
pub async fn choice(
    ctx: &ModuleContext,
    desk: &Desk,
    id: &str,
    locale: &str,
) -> Result<Choice, AppError> {
    let snapshot = desk.catalogue.get_in(ctx, locale).await?;
    let all = &snapshot.services;
    let service = all.iter().find(|s| s.id == id).ok_or(AppError::NotFound)?;
    Ok(Choice {
        service: item(service),
        most_persons: service.max_quantity,
        combinable: all
            .iter()
            .filter(|s| service.combinable.contains(&s.id))
            .map(item)
            .collect(),
    })
}

/// The position of postcode `code`: the middle of the offices there. `None` when no
/// office has it (the portal knows no other positions).
fn position_of(offices: &[BookableOffice], code: &str) -> Option<(f64, f64)> {
    let there: Vec<(f64, f64)> = offices
        .iter()
        .filter(|o| o.postal_code.as_deref() == Some(code))
        .filter_map(|o| o.position)
        .collect();
    #[expect(clippy::cast_precision_loss, reason = "a handful of offices")]
    let count = there.len() as f64;
    (!there.is_empty()).then(|| {
        let (lat, lon) = there
            .iter()
            .fold((0.0, 0.0), |sum, p| (sum.0 + p.0, sum.1 + p.1));
        (lat / count, lon / count)
    })
}

/// Where offices are ordered by distance from: the browser's position, or a postcode.
#[derive(Clone, Copy, Debug, Default)]
pub struct Near<'a> {
    /// The postcode the citizen typed.
    pub postcode: Option<&'a str>,
    /// The position the browser gave (`lat,lon`), when the citizen allowed it.
    pub here: Option<&'a str>,
}

/// The offices offering every service of `wish`, each with its earliest free day: by
/// distance from the browser's position or from the postcode when its position is
/// known, else by that day.
pub async fn offices(
    ctx: &ModuleContext,
    desk: &Desk,
    wish: &Wish,
    near: Near<'_>,
    locale: &str,
    now: DateTime<Utc>,
) -> Result<Offices, AppError> {
    let snapshot = desk.catalogue.get_in(ctx, locale).await?;
    let (all_services, all_offices) = (&snapshot.services, &snapshot.offices);
    let chosen = plan::services(all_services, wish)?;
    let here = near.here.and_then(Position::parse).map(|p| (p.lat, p.lon));
    let near = near.postcode.map(str::trim).filter(|code| !code.is_empty());
    let origin = here.or_else(|| near.and_then(|code| position_of(all_offices, code)));
    let mut offices = Vec::new();
    for office in plan::offices(all_offices, wish) {
        let Some(need) = office.slots_for(&wish.services, wish.persons) else {
            continue;
        };
        let schedule = desk.schedule_of(office);
        let days = desk
            .free_days
            .get(&ctx.db, &schedule, need as usize, now)
            .await?;
        let mut listed = office_item(office);
        listed.earliest = days.first().map(|d| d.format("%Y-%m-%d").to_string());
        listed.distance_km = origin
            .zip(office.position)
            .map(|(from, to)| Position::from(from).distance_km(to.into()));
        offices.push(listed);
    }
    if origin.is_some() {
        offices.sort_by(|a, b| nearest_first(a.distance_km, b.distance_km));
    } else {
        // Offices without a free day last; then by day and name.
        offices.sort_by(|a, b| {
            (a.earliest.is_none(), &a.earliest, &a.name).cmp(&(
                b.earliest.is_none(),
                &b.earliest,
                &b.name,
            ))
        });
    }
    Ok(Offices {
        services: chosen.into_iter().map(item).collect(),
        persons: wish.persons,
        offices,
        near: if here.is_none() {
            origin.and(near).map(str::to_owned)
        } else {
            None
        },
        near_here: here.is_some(),
        near_unknown: if origin.is_none() {
            near.map(str::to_owned)
        } else {
            None
        },
    })
}

/// Known distances first, nearest first.
fn nearest_first(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Why `day` cannot be booked at `schedule`'s office (a fluent key), if it cannot.
pub fn day_refused(
    schedule: &OfficeSchedule,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Option<&'static str> {
    let today = now.with_timezone(&chrono_tz::Europe::Berlin).date_naive();
    let last = today + chrono::Days::new(u64::from(schedule.rules.horizon_days));
    if day < today {
        Some("appointments-day-past")
    } else if day > last {
        Some("appointments-day-beyond")
    } else {
        None
    }
}

/// Office `office_id`'s free days for `wish`, and the free times on `day` if given.
pub async fn calendar(
    ctx: &ModuleContext,
    desk: &Desk,
    wish: &Wish,
    office_id: &str,
    day: Option<&str>,
    locale: &str,
    now: DateTime<Utc>,
) -> Result<Calendar, AppError> {
    let snapshot = desk.catalogue.get_in(ctx, locale).await?;
    let (all_services, all_offices) = (&snapshot.services, &snapshot.offices);
    let chosen = plan::services(all_services, wish)?;
    let (office, need) = plan::at_office(all_offices, office_id, wish)?;
    let schedule = desk.schedule_of(office);
    let days = desk
        .free_days
        .get(&ctx.db, &schedule, need as usize, now)
        .await?;
    let mut calendar = Calendar {
        office: office_item(office),
        services: chosen.into_iter().map(item).collect(),
        persons: wish.persons,
        minutes: need * schedule.rules.slot_minutes,
        days: days
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect(),
        day: None,
        times: Vec::new(),
        day_refused: None,
        proof: None,
    };
    let Some(asked) = day else {
        return Ok(calendar);
    };
    let Ok(asked) = NaiveDate::parse_from_str(asked, "%Y-%m-%d") else {
        calendar.day_refused = Some("appointments-day-invalid".into());
        return Ok(calendar);
    };
    if let Some(refused) = day_refused(&schedule, asked, now) {
        calendar.day_refused = Some(refused.into());
        return Ok(calendar);
    }
    let times = availability::free_times(&ctx.db, &schedule, asked, need as usize, now).await?;
    if times.is_empty() {
        calendar.day_refused = Some("appointments-day-full".into());
    }
    calendar.day = Some(asked.format("%Y-%m-%d").to_string());
    calendar.times = times
        .into_iter()
        .filter_map(|(slot, time)| {
            Some((u32::try_from(slot).ok()?, time.format("%H:%M").to_string()))
        })
        .collect();
    if !calendar.times.is_empty() {
        calendar.proof = desk.proof.as_ref().map(|p| p.challenge(now)).transpose()?;
    }
    Ok(calendar)
}

/// Appointment `row` as its page shows it.
pub async fn appointment_view(
    ctx: &ModuleContext,
    desk: &Desk,
    row: &Appointment,
    locale: &str,
    now: i64,
) -> Result<AppointmentView, AppError> {
    let snapshot = desk.catalogue.get_in(ctx, locale).await?;
    Ok(appointment_view_in(&snapshot, desk, row, now))
}

/// Appointment `row` as its page shows it, from a catalogue `snapshot` already read:
/// for a transaction that must not wait for a second connection.
pub fn appointment_view_in(
    snapshot: &Snapshot,
    desk: &Desk,
    row: &Appointment,
    now: i64,
) -> AppointmentView {
    let all_services = &snapshot.services;
    let ids: Vec<String> = serde_json::from_str(&row.services).unwrap_or_default();
    let services = ids
        .iter()
        .map(|id| {
            all_services
                .iter()
                .find(|s| s.id == *id)
                .map(item)
                .unwrap_or_else(|| ServiceItem {
                    id: id.clone(),
                    name: id.clone(),
                    lang: None,
                })
        })
        .collect();
    let office = snapshot.offices.iter().find(|o| o.id == row.office);
    let (office_view, slot_minutes, grid) = match office {
        Some(office) => {
            let schedule = desk.schedule_of(office);
            let day = NaiveDate::parse_from_str(&row.day, "%Y-%m-%d").unwrap_or_default();
            (
                office_item(office),
                schedule.rules.slot_minutes,
                Some(schedule.grid(day)),
            )
        }
        None => (
            OfficeItem {
                id: row.office.clone(),
                name: row.office.clone(),
                address: String::new(),
                earliest: None,
                distance_km: None,
            },
            0,
            None,
        ),
    };
    let first = usize::try_from(row.first_slot).unwrap_or(usize::MAX);
    let start = grid
        .as_ref()
        .and_then(|g| g.slots.get(first))
        .map(|slot| slot.start);
    let end = start.map(|s| {
        s + chrono::Duration::minutes(i64::from(slot_minutes) * i64::from(row.slot_count))
    });
    AppointmentView {
        state: row.state.clone(),
        reference: row.reference.clone(),
        office: office_view,
        day: row.day.clone(),
        from: start
            .map(|s| s.format("%H:%M").to_string())
            .unwrap_or_default(),
        to: end
            .map(|e| e.format("%H:%M").to_string())
            .unwrap_or_default(),
        services,
        persons: u32::try_from(row.persons).unwrap_or(1),
        minutes_left: row.held_until.map(|until| ((until - now) / 60).max(0)),
        name: row.name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        name_fixed: false,
        email_fixed: false,
    }
}
