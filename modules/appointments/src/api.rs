//! The public part of the open interface `/api/v1` for appointments, in the shape of
//! the ZMS citizen API: the bookable services, the offices with the services they
//! offer, an office's free days and a day's free times for a visit. Anyone may call it
//! without a token (the host limits the calls per client address); it tells free
//! times, never who booked.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use chrono::{NaiveDate, Utc};
use kernel::{
    api::{ApiJson, Problem, ProblemKind},
    routes::Routes,
};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::{
    availability,
    citizen::{self, Desk},
    plan::{self, Wish},
    slots,
};

/// The routes, relative to the interface's base path.
pub fn router(desk: Arc<Desk>, ctx: &kernel::ModuleContext) -> Routes {
    Routes::new()
        .get("/appointments/services", services)
        .get("/appointments/offices", offices)
        .get("/appointments/offices/{office}/days", days)
        .get("/appointments/offices/{office}/days/{day}/times", times)
        .with_state((desk, ctx.clone()))
}

/// The document of these routes.
#[derive(OpenApi)]
#[openapi(
    paths(services, offices, days, times),
    components(schemas(AppointmentService, AppointmentOffice, OfficeAddress, Position, OfferedService, FreeDays, FreeTimes, FreeTime)),
    tags((name = "appointments", description = "Free appointment times at the city's offices (public, no token)"))
)]
pub struct AppointmentsApi;

type Shared = State<(Arc<Desk>, kernel::ModuleContext)>;

/// A service that can be booked.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AppointmentService {
    /// The service database's id.
    #[schema(examples("100003"))]
    pub id: String,
    /// Its name (German).
    #[schema(examples("Meldebescheinigung beantragen"))]
    pub name: String,
    /// How long one person's visit takes, in minutes (as the service database says).
    #[schema(examples(20))]
    pub duration_minutes: u32,
    /// Most people one booking may be for.
    #[schema(examples(4))]
    pub max_quantity: u32,
    /// Services that may be booked together with it.
    #[schema(examples("100002"))]
    pub combinable: Vec<String>,
}

/// An office's address.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OfficeAddress {
    /// Street and number.
    #[schema(examples("Musterplatz 1"))]
    pub street: Option<String>,
    /// Postcode.
    #[schema(examples("80331"))]
    pub postal_code: Option<String>,
    /// City.
    #[schema(examples("München"))]
    pub city: Option<String>,
}

/// A position (WGS 84).
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
pub struct Position {
    /// Latitude.
    #[schema(examples(48.1374))]
    pub lat: f64,
    /// Longitude.
    #[schema(examples(11.5755))]
    pub lon: f64,
}

/// A service an office offers, with the slots one person needs there.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OfferedService {
    /// The service's id.
    #[schema(examples("100003"))]
    pub id: String,
    /// Slots one person needs.
    #[schema(examples(2))]
    pub slots: u32,
}

/// An office taking bookings.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AppointmentOffice {
    /// The service database's id.
    #[schema(examples("200001"))]
    pub id: String,
    /// Its name.
    #[schema(examples("Bürgerbüro Mitte"))]
    pub name: String,
    /// Where it is.
    pub address: OfficeAddress,
    /// Its position, when known.
    pub position: Option<Position>,
    /// The length of one slot, in minutes.
    #[schema(examples(10))]
    pub slot_minutes: u32,
    /// The services it offers for booking.
    pub services: Vec<OfferedService>,
}

/// An office's free days for a visit.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FreeDays {
    /// The office's id.
    #[schema(examples("200001"))]
    pub office: String,
    /// Slots the visit needs.
    #[schema(examples(2))]
    pub slots: u32,
    /// Minutes the visit takes.
    #[schema(examples(20))]
    pub minutes: u32,
    /// Days with a free time, `YYYY-MM-DD`, Munich's calendar.
    #[schema(examples("2026-12-07"))]
    pub days: Vec<String>,
}

/// A free start time.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FreeTime {
    /// Index of the first slot (what the booking page posts as `zeit`).
    #[schema(examples(3))]
    pub slot: u32,
    /// Start in Munich's local time, `HH:MM`.
    #[schema(examples("08:00"))]
    pub time: String,
    /// Start, RFC 3339 in UTC.
    #[schema(examples("2026-12-07T07:00:00Z"))]
    pub starts_at: String,
    /// End, RFC 3339 in UTC.
    #[schema(examples("2026-12-07T07:20:00Z"))]
    pub ends_at: String,
}

/// A day's free times at an office for a visit.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FreeTimes {
    /// The office's id.
    #[schema(examples("200001"))]
    pub office: String,
    /// The day, `YYYY-MM-DD`.
    #[schema(examples("2026-12-07"))]
    pub day: String,
    /// The free start times.
    pub times: Vec<FreeTime>,
}

fn invalid(detail: impl Into<String>) -> Problem {
    Problem::new(ProblemKind::Invalid).with_detail(detail)
}

/// The wish a query carries: `service` (repeated) and `persons` (default 1).
fn wish(query: Option<&str>) -> Result<Wish, Problem> {
    let mut services = Vec::new();
    let mut persons = 1;
    for (key, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match key.as_ref() {
            "service" => services.push(value.into_owned()),
            "persons" => {
                persons = value
                    .parse()
                    .map_err(|_| invalid("`persons` must be a whole number"))?;
            }
            _ => {}
        }
    }
    Ok(Wish::from_parts(services, persons))
}

/// The bookable services.
#[utoipa::path(
    get,
    path = "/appointments/services",
    operation_id = "listAppointmentServices",
    tag = "appointments",
    responses((status = 200, description = "Every service that can be booked", body = Vec<AppointmentService>)),
    security(())
)]
pub async fn services(
    State((desk, ctx)): Shared,
) -> Result<ApiJson<Vec<AppointmentService>>, Problem> {
    let snapshot = desk.catalogue.get(&ctx).await.map_err(Problem::internal)?;
    Ok(ApiJson(
        snapshot
            .services
            .iter()
            .map(|s| AppointmentService {
                id: s.id.clone(),
                name: s.name.clone(),
                duration_minutes: s.duration_minutes,
                max_quantity: s.max_quantity,
                combinable: s.combinable.clone(),
            })
            .collect(),
    ))
}

/// The offices taking bookings; with `service` (repeatable) those offering all of them.
#[utoipa::path(
    get,
    path = "/appointments/offices",
    operation_id = "listAppointmentOffices",
    tag = "appointments",
    params(("service" = Option<Vec<String>>, Query, description = "Only offices offering this service (repeatable)")),
    responses((status = 200, description = "The offices", body = Vec<AppointmentOffice>)),
    security(())
)]
pub async fn offices(
    State((desk, ctx)): Shared,
    RawQuery(query): RawQuery,
) -> Result<ApiJson<Vec<AppointmentOffice>>, Problem> {
    let wish = wish(query.as_deref())?;
    let snapshot = desk.catalogue.get(&ctx).await.map_err(Problem::internal)?;
    Ok(ApiJson(
        plan::offices(&snapshot.offices, &wish)
            .into_iter()
            .map(|o| AppointmentOffice {
                id: o.id.clone(),
                name: o.name.clone(),
                address: OfficeAddress {
                    street: o.street.clone(),
                    postal_code: o.postal_code.clone(),
                    city: o.city.clone(),
                },
                position: o.position.map(|(lat, lon)| Position { lat, lon }),
                slot_minutes: desk.schedule_of(o).rules.slot_minutes,
                services: o
                    .slots
                    .iter()
                    .map(|(id, slots)| OfferedService {
                        id: id.clone(),
                        slots: *slots,
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// The office, the slots and the schedule for a wish, or the problem saying why not.
async fn visit(
    desk: &Desk,
    ctx: &kernel::ModuleContext,
    office: &str,
    query: Option<&str>,
) -> Result<(crate::schedule::OfficeSchedule, u32), Problem> {
    let wish = wish(query)?;
    let snapshot = desk.catalogue.get(ctx).await.map_err(Problem::internal)?;
    plan::services(&snapshot.services, &wish).map_err(|e| invalid(e.to_string()))?;
    let (found, need) = plan::at_office(&snapshot.offices, office, &wish).map_err(|e| {
        if snapshot.offices.iter().any(|o| o.id == office) {
            invalid(e.to_string())
        } else {
            Problem::new(ProblemKind::NotFound).with_detail("no office with this id takes bookings")
        }
    })?;
    Ok((desk.schedule_of(found), need))
}

/// The days with a free time for a visit, from today through the booking horizon.
#[utoipa::path(
    get,
    path = "/appointments/offices/{office}/days",
    operation_id = "listFreeDays",
    tag = "appointments",
    params(
        ("office" = String, Path, description = "The office's id"),
        ("service" = Vec<String>, Query, description = "The visit's services (repeatable; the first is the main one)"),
        ("persons" = Option<u32>, Query, description = "People the visit is for (default 1)"),
    ),
    responses(
        (status = 200, description = "The free days", body = FreeDays),
        (status = 400, description = "A service unknown, not combinable, not offered here, or too many people", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such office", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
pub async fn days(
    State((desk, ctx)): Shared,
    Path(office): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<ApiJson<FreeDays>, Problem> {
    let (schedule, need) = visit(&desk, &ctx, &office, query.as_deref()).await?;
    let days = desk
        .free_days
        .get(&ctx.db, &schedule, need as usize, Utc::now())
        .await
        .map_err(Problem::internal)?;
    Ok(ApiJson(FreeDays {
        office: schedule.office.clone(),
        slots: need,
        minutes: need * schedule.rules.slot_minutes,
        days: days
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect(),
    }))
}

/// The free start times of a day for a visit.
#[utoipa::path(
    get,
    path = "/appointments/offices/{office}/days/{day}/times",
    operation_id = "listFreeTimes",
    tag = "appointments",
    params(
        ("office" = String, Path, description = "The office's id"),
        ("day" = String, Path, description = "The day, YYYY-MM-DD"),
        ("service" = Vec<String>, Query, description = "The visit's services (repeatable)"),
        ("persons" = Option<u32>, Query, description = "People the visit is for (default 1)"),
    ),
    responses(
        (status = 200, description = "The free times (none on a closed or full day)", body = FreeTimes),
        (status = 400, description = "Not a day, a day in the past or beyond the horizon, or a wish that cannot be booked here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such office", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
pub async fn times(
    State((desk, ctx)): Shared,
    Path((office, day)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<ApiJson<FreeTimes>, Problem> {
    let (schedule, need) = visit(&desk, &ctx, &office, query.as_deref()).await?;
    let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .map_err(|_| invalid("`day` must be a day like 2026-12-24"))?;
    let now = Utc::now();
    if citizen::day_refused(&schedule, date, now).is_some() {
        return Err(invalid(
            "the day is in the past or beyond the booking horizon",
        ));
    }
    let free = availability::free_times(&ctx.db, &schedule, date, need as usize, now)
        .await
        .map_err(Problem::internal)?;
    let length = chrono::Duration::minutes(i64::from(need * schedule.rules.slot_minutes));
    Ok(ApiJson(FreeTimes {
        office: schedule.office.clone(),
        day: date.format("%Y-%m-%d").to_string(),
        times: free
            .into_iter()
            .filter_map(|(slot, time)| {
                let start = slots::in_munich(date, time)?;
                Some(FreeTime {
                    slot: u32::try_from(slot).ok()?,
                    time: time.format("%H:%M").to_string(),
                    starts_at: start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    ends_at: (start + length).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                })
            })
            .collect(),
    }))
}
