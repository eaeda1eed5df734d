//! The staff's part of the open interface `/api/v1` for appointments: an office's day
//! as its staff see it, for back-office systems (a call-up display, a register) of the
//! office's department. The same rules as the staff pages: a client sees the offices
//! of its departments only; another office is "not found".

use std::sync::Arc;

use axum::extract::{Path, State};
use chrono::NaiveDate;
use kernel::{
    AppError, I18n, Locale,
    api::{ApiJson, Caller, Problem, ProblemKind, Scope},
    routes::Routes,
};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::{citizen::Desk, view::StaffDay};

/// The routes, relative to the interface's base path.
pub fn router(desk: Arc<Desk>, ctx: &kernel::ModuleContext) -> Routes {
    Routes::new()
        .get(
            "/appointments/offices/{office}/days/{day}/appointments",
            office_day,
        )
        .with_state((desk, ctx.clone()))
}

/// The document of these routes.
#[derive(OpenApi)]
#[openapi(
    paths(office_day),
    components(schemas(OfficeDay, DayAppointment, BlockedTime))
)]
pub struct StaffApi;

type Shared = State<(Arc<Desk>, kernel::ModuleContext)>;

/// An office's day: its appointments by time and the times blocked.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OfficeDay {
    /// The office's id.
    #[schema(examples("200001"))]
    pub office: String,
    /// The office's name.
    #[schema(examples("Bürgerbüro Mitte"))]
    pub office_name: String,
    /// The day, `YYYY-MM-DD`.
    #[schema(examples("2026-12-07"))]
    pub day: String,
    /// Every appointment that is held, waiting for its e-mail confirmation or booked.
    pub appointments: Vec<DayAppointment>,
    /// Times nobody can book.
    pub blocked: Vec<BlockedTime>,
}

/// One appointment of the day.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DayAppointment {
    /// Its id.
    #[schema(examples("7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"))]
    pub id: String,
    /// The reference the citizen was given.
    #[schema(examples("T-K7M2QX9P"))]
    pub reference: String,
    /// Start, `HH:MM` (German time).
    #[schema(examples("08:00"))]
    pub start: String,
    /// End, `HH:MM` (German time).
    #[schema(examples("08:20"))]
    pub end: String,
    /// The services' names (German).
    #[schema(examples("Meldebescheinigung beantragen"))]
    pub services: String,
    /// People it is for.
    #[schema(examples(1))]
    pub persons: u32,
    /// The citizen's name.
    #[schema(examples("Erika Mustermann"))]
    pub name: String,
    /// `held` (details being entered), `unconfirmed` (e-mail not confirmed yet) or
    /// `booked`.
    #[schema(examples("booked"))]
    pub state: String,
    /// What the office noted: `arrived`, `done` or `no_show`.
    #[schema(examples("arrived"))]
    pub attendance: Option<String>,
}

/// A blocked time of the day.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BlockedTime {
    /// From, `HH:MM`.
    #[schema(examples("12:00"))]
    pub from: String,
    /// To, `HH:MM`.
    #[schema(examples("13:00"))]
    pub to: String,
    /// Why (as the staff wrote it).
    #[schema(examples("Teambesprechung"))]
    pub reason: String,
}

impl From<StaffDay> for OfficeDay {
    fn from(day: StaffDay) -> Self {
        Self {
            office: day.office.id,
            office_name: day.office.name,
            day: day.day,
            appointments: day
                .rows
                .into_iter()
                .map(|row| DayAppointment {
                    id: row.id,
                    reference: row.reference,
                    start: row.time,
                    end: row.until,
                    services: row.services,
                    persons: row.persons,
                    name: row.name,
                    state: row.state,
                    attendance: row.attendance,
                })
                .collect(),
            blocked: day
                .blocks
                .into_iter()
                .map(|(from, to, reason)| BlockedTime { from, to, reason })
                .collect(),
        }
    }
}

/// An office's day.
#[utoipa::path(
    get,
    path = "/appointments/offices/{office}/days/{day}/appointments",
    operation_id = "getOfficeDay",
    tag = "appointments",
    params(
        ("office" = String, Path, description = "The office's id"),
        ("day" = String, Path, description = "The day, YYYY-MM-DD"),
    ),
    responses(
        (status = 200, description = "The office's day", body = OfficeDay),
        (status = 400, description = "Not a day", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No office of the client's departments with this id", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["appointments:read"]))
)]
pub async fn office_day(
    State((desk, ctx)): Shared,
    caller: Caller,
    Path((office, day)): Path<(String, String)>,
) -> Result<ApiJson<OfficeDay>, Problem> {
    let identity = caller.require(Scope::AppointmentsRead)?;
    let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| {
        Problem::new(ProblemKind::Invalid).with_detail("`day` must be a day like 2026-12-24")
    })?;
    crate::staff::day_list(&ctx, &desk, identity, &office, day)
        .await
        .map(|day| ApiJson(day.into()))
        .map_err(|error| problem(error, &ctx.texts))
}

/// The problem for `error`, explained in English (the interface's language).
fn problem(error: AppError, texts: &I18n) -> Problem {
    Problem::from_error(error, &texts.in_locale(Locale::EN))
}
