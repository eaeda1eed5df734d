//! The office staff's side: which offices a caseworker serves (the office's
//! department among theirs), the day's list of an office, noting who arrived, was
//! served or did not come, and the day as CSV. Every note and download is in the
//! audit trail.

use chrono::NaiveDate;
use kernel::write_transaction::begin_write;
use kernel::{AppError, Identity, ModuleContext, Role, audit::AuditEntry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};

use crate::{
    book::{BOOKED, HELD, UNCONFIRMED},
    citizen::{Desk, office_item},
    entity::appointment,
    view::{OfficeItem, StaffDay, StaffRow},
};

/// The offices `identity` serves: those whose department is one of theirs, for a
/// caseworker.
pub async fn offices(
    ctx: &ModuleContext,
    desk: &Desk,
    identity: &Identity,
) -> Result<Vec<OfficeItem>, AppError> {
    if !identity.roles.contains(&Role::Caseworker) {
        return Err(AppError::Forbidden);
    }
    let snapshot = desk.catalogue.get(ctx).await?;
    let mut served: Vec<OfficeItem> = snapshot
        .offices
        .iter()
        .filter(|o| {
            identity
                .departments
                .contains(&desk.schedule_of(o).rules.department)
        })
        .map(office_item)
        .collect();
    served.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(served)
}

/// Office `office` if `identity` serves it; not found otherwise (not their business).
pub async fn served_office(
    ctx: &ModuleContext,
    desk: &Desk,
    identity: &Identity,
    office: &str,
) -> Result<OfficeItem, AppError> {
    offices(ctx, desk, identity)
        .await?
        .into_iter()
        .find(|o| o.id == office)
        .ok_or(AppError::NotFound)
}

/// The day's list of `office`: every appointment that is held, waiting or booked, by
/// time.
pub async fn day_list(
    ctx: &ModuleContext,
    desk: &Desk,
    identity: &Identity,
    office: &str,
    day: NaiveDate,
) -> Result<StaffDay, AppError> {
    let item = served_office(ctx, desk, identity, office).await?;
    let snapshot = desk.catalogue.get(ctx).await?;
    let found = snapshot
        .offices
        .iter()
        .find(|o| o.id == office)
        .ok_or(AppError::NotFound)?;
    let schedule = desk.schedule_of(found);
    let grid = schedule.grid(day);
    let names = |ids: &str| {
        let ids: Vec<String> = serde_json::from_str(ids).unwrap_or_default();
        ids.iter()
            .map(|id| {
                snapshot
                    .services
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or_else(|| id.clone(), |s| s.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rows = appointment::Entity::find()
        .filter(appointment::Column::Office.eq(office))
        .filter(appointment::Column::Day.eq(day.format("%Y-%m-%d").to_string()))
        .filter(appointment::Column::State.is_in([HELD, UNCONFIRMED, BOOKED]))
        .order_by_asc(appointment::Column::FirstSlot)
        .all(&ctx.db)
        .await?;
    let minutes = i64::from(schedule.rules.slot_minutes);
    let day_text = day.format("%Y-%m-%d").to_string();
    let blocks = crate::blocked_times::blocks_on(
        &ctx.db,
        &grid,
        office,
        &day_text,
        schedule.rules.slot_minutes,
    )
    .await?;
    Ok(StaffDay {
        office: item,
        blocks,
        day: day_text,
        rows: rows
            .into_iter()
            .map(|row| {
                let start = usize::try_from(row.first_slot)
                    .ok()
                    .and_then(|s| grid.slots.get(s))
                    .map(|s| s.start);
                StaffRow {
                    time: start
                        .map(|s| s.format("%H:%M").to_string())
                        .unwrap_or_default(),
                    until: start
                        .map(|s| {
                            (s + chrono::Duration::minutes(minutes * i64::from(row.slot_count)))
                                .format("%H:%M")
                                .to_string()
                        })
                        .unwrap_or_default(),
                    services: names(&row.services),
                    persons: u32::try_from(row.persons).unwrap_or(1),
                    reference: row.reference,
                    state: row.state,
                    attendance: row.attendance,
                    name: row.name,
                    id: row.id,
                }
            })
            .collect(),
    })
}

/// Notes `attendance` for appointment `id` at `office` by `identity`, in the audit trail.
pub async fn note(
    ctx: &ModuleContext,
    desk: &Desk,
    identity: &Identity,
    office: &str,
    id: &str,
    attendance: &str,
    now: i64,
) -> Result<(), AppError> {
    served_office(ctx, desk, identity, office).await?;
    if !crate::STAFF_MARKS.contains(&attendance) {
        return Err(AppError::BadRequest(format!(
            "`{attendance}` is no attendance"
        )));
    }
    let txn = begin_write(&ctx.db).await?;
    let row = appointment::Entity::find_by_id(id)
        .filter(appointment::Column::Office.eq(office))
        .filter(appointment::Column::State.eq(BOOKED))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    appointment::Entity::update_many()
        .col_expr(appointment::Column::Attendance, Expr::value(attendance))
        .filter(appointment::Column::Id.eq(&row.id))
        .exec(&txn)
        .await?;
    kernel::audit::record(
        &txn,
        &audit(
            identity,
            &format!("appointment-{attendance}"),
            &row.reference,
            now,
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// An audit entry of `identity` doing `action` about `detail` (a reference or a day,
/// no personal data).
pub fn audit(identity: &Identity, action: &str, detail: &str, now: i64) -> AuditEntry {
    AuditEntry {
        at: now,
        actor: identity.subject.clone().unwrap_or_default(),
        actor_name: identity.name.clone().unwrap_or_default(),
        action: action.to_owned(),
        case_id: None,
        detail: Some(detail.to_owned()),
    }
}

/// The day's list as CSV (semicolon-separated, as spreadsheets in Germany open it).
pub fn csv(day: &StaffDay) -> Result<String, AppError> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    out.write_record([
        "time",
        "until",
        "reference",
        "name",
        "persons",
        "services",
        "state",
        "attendance",
    ])
    .map_err(AppError::internal)?;
    for row in &day.rows {
        out.write_record([
            row.time.as_str(),
            row.until.as_str(),
            row.reference.as_str(),
            &kernel::text::spreadsheet_safe(&row.name),
            &row.persons.to_string(),
            &kernel::text::spreadsheet_safe(&row.services),
            row.state.as_str(),
            row.attendance.as_deref().unwrap_or(""),
        ])
        .map_err(AppError::internal)?;
    }
    String::from_utf8(out.into_inner().map_err(AppError::internal)?).map_err(AppError::internal)
}
