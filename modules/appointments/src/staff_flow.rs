//! The office staff's posts and downloads: noting a visit's attendance (a form post
//! answered with a redirect back to the day) and the day's list as CSV.

use std::sync::Arc;

use axum::{
    Extension,
    extract::{Path, State},
    response::{IntoResponse, Redirect, Response},
};
use chrono::{NaiveDate, Utc};
use kernel::{AppError, Identity, ModuleContext, routes::Routes, url::segment};

use crate::{citizen::Desk, staff};

/// What the handlers share.
#[derive(Clone)]
struct Office {
    desk: Arc<Desk>,
    ctx: ModuleContext,
}

/// The staff's endpoints.
pub fn router(desk: Arc<Desk>, ctx: &ModuleContext) -> Routes {
    Routes::new()
        .post("/termine/dienststelle/{office}/sperren", block)
        .post("/termine/dienststelle/{office}/{id}", note)
        .get("/termine/dienststelle/{office}/{day}/liste.csv", list_csv)
        .with_state(Office {
            desk,
            ctx: ctx.clone(),
        })
}

fn failed(error: AppError) -> Response {
    error.into_response()
}

/// `POST /termine/dienststelle/{office}/{id}` with `stand` and `tag`: notes the
/// attendance and leads back to the day.
async fn note(
    State(office): State<Office>,
    Path((office_id, id)): Path<(String, String)>,
    Extension(identity): Extension<Identity>,
    body: axum::body::Bytes,
) -> Response {
    let field = |key: &str| kernel::form_body::first(&body, key).unwrap_or_default();
    let (attendance, day) = (field("stand"), field("tag"));
    let now = Utc::now().timestamp();
    match staff::note(
        &office.ctx,
        &office.desk,
        &identity,
        &office_id,
        &id,
        &attendance,
        now,
    )
    .await
    {
        Ok(()) => {
            let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map(|d| format!("?tag={d}"))
                .unwrap_or_default();
            Redirect::to(&format!(
                "/termine/dienststelle/{}{day}",
                segment(&office_id)
            ))
            .into_response()
        }
        Err(error) => failed(error),
    }
}

/// `POST /termine/dienststelle/{office}/sperren` with `tag`, `von`, `bis` and
/// `grund`: blocks the time and leads back to the day, saying how many appointments
/// it cancelled.
async fn block(
    State(office): State<Office>,
    Path(office_id): Path<String>,
    Extension(identity): Extension<Identity>,
    body: axum::body::Bytes,
) -> Response {
    let field = |key: &str| kernel::form_body::trimmed(&body, key);
    // Who may comes first: strangers learn nothing from the form's checks.
    if let Err(error) = staff::served_office(&office.ctx, &office.desk, &identity, &office_id).await
    {
        return failed(error);
    }
    let time = |key: &str| chrono::NaiveTime::parse_from_str(&field(key), "%H:%M").ok();
    let Ok(day) = NaiveDate::parse_from_str(&field("tag"), "%Y-%m-%d") else {
        return failed(AppError::BadRequest("not a day like 2026-12-24".into()));
    };
    let (Some(from), Some(to)) = (time("von"), time("bis")) else {
        return failed(AppError::BadRequest("times like 09:30".into()));
    };
    if to <= from {
        return failed(AppError::BadRequest(
            "the end must come after the start".into(),
        ));
    }
    let now = Utc::now().timestamp();
    let reason = field("grund");
    match crate::blocking::block(
        &office.ctx,
        &office.desk,
        &identity,
        &office_id,
        day,
        (from, to),
        &reason,
        now,
    )
    .await
    {
        Ok(done) => Redirect::to(&format!(
            "/termine/dienststelle/{}?tag={day}&gesperrt={}",
            segment(&office_id),
            done.cancelled
        ))
        .into_response(),
        Err(error) => failed(error),
    }
}

/// `GET /termine/dienststelle/{office}/{day}/liste.csv`: the day's list, recorded in
/// the audit trail.
async fn list_csv(
    State(office): State<Office>,
    Path((office_id, day)): Path<(String, String)>,
    Extension(identity): Extension<Identity>,
) -> Response {
    let Ok(date) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
        return failed(AppError::NotFound);
    };
    let list = match staff::day_list(&office.ctx, &office.desk, &identity, &office_id, date).await {
        Ok(list) => list,
        Err(error) => return failed(error),
    };
    let entry = staff::audit(
        &identity,
        "appointment-export",
        &format!("{office_id} {day}"),
        Utc::now().timestamp(),
    );
    if let Err(error) = kernel::audit::record(&office.ctx.db, &entry).await {
        return failed(error.into());
    }
    match staff::csv(&list) {
        Ok(text) => (
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_owned(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"termine-{office_id}-{day}.csv\""),
                ),
                (
                    axum::http::header::CACHE_CONTROL,
                    "private, no-store".to_owned(),
                ),
            ],
            text,
        )
            .into_response(),
        Err(error) => failed(error),
    }
}
