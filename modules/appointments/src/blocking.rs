//! Blocking times of an office's day (a closure, a training): the slots from one time
//! to another become full, the appointments in them are cancelled and their citizens
//! told by mail why and how to book anew, the subscribers told by webhook, all in one
//! transaction with the block and its audit entry.

use chrono::{NaiveDate, NaiveTime};
use kernel::{AppError, Identity, ModuleContext, sql::statement, webhook::EventKind};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

use crate::{
    book::{BOOKED, HELD, UNCONFIRMED},
    citizen::Desk,
    entity::{appointment, block},
    events, lifecycle, mails, staff,
};

/// Longest reason kept (the column's width).
const MOST_REASON: usize = 200;

/// What a block did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    /// Slots blocked.
    pub slots: u32,
    /// Booked appointments cancelled (their citizens told).
    pub cancelled: usize,
}

/// Blocks `office`'s slots on `day` starting from `from` until `to` for `reason`, by
/// `identity` (staff of the office) at `now`.
#[expect(
    clippy::too_many_arguments,
    reason = "one block, as the form states it"
)]
pub async fn block(
    ctx: &ModuleContext,
    desk: &Desk,
    identity: &Identity,
    office: &str,
    day: NaiveDate,
    (from, to): (NaiveTime, NaiveTime),
    reason: &str,
    now: i64,
) -> Result<Blocked, AppError> {
    staff::served_office(ctx, desk, identity, office).await?;
    let reason: String = reason.trim().chars().take(MOST_REASON).collect();
    if reason.is_empty() {
        return Err(AppError::BadRequest("say why the time is blocked".into()));
    }
    let snapshot = desk.catalogue.get(ctx).await?;
    let found = snapshot
        .offices
        .iter()
        .find(|o| o.id == office)
        .ok_or(AppError::NotFound)?;
    let schedule = desk.schedule_of(found);
    let grid = schedule.grid(day);
    let inside: Vec<usize> = grid
        .slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.start >= from && slot.start < to)
        .map(|(n, _)| n)
        .collect();
    let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
        return Err(AppError::BadRequest(
            "no opening hours of the day lie between these times".into(),
        ));
    };
    let day_text = day.format("%Y-%m-%d").to_string();
    let hit = appointment::Entity::find()
        .filter(appointment::Column::Office.eq(office))
        .filter(appointment::Column::Day.eq(&day_text))
        .filter(appointment::Column::State.is_in([HELD, UNCONFIRMED, BOOKED]))
        .all(&ctx.db)
        .await?
        .into_iter()
        .filter(|row| {
            let start = usize::try_from(row.first_slot).unwrap_or(usize::MAX);
            let end = start + usize::try_from(row.slot_count).unwrap_or(0);
            start <= last && end > first
        })
        .collect::<Vec<_>>();
    // The mails are written before: they show the appointments as they were.
    let mut told = Vec::new();
    for row in hit.iter().filter(|row| row.state == BOOKED) {
        let mut mail =
            mails::about_appointment(ctx, desk, row, "appointments-mail-blocked", now).await?;
        mail.args.push(("reason".into(), reason.clone()));
        mail.args.push(("book_path".into(), "/termine".into()));
        told.push((row, mail));
    }
    let txn = ctx.db.begin().await?;
    for row in &hit {
        lifecycle::cancel(&txn, row).await?;
    }
    for (row, mail) in &told {
        mails::send(&txn, mail, now).await?;
        events::tell(&txn, desk, EventKind::AppointmentCancelled, row, None, now).await?;
    }
    for slot in &inside {
        txn.execute(statement(
            &txn,
            "INSERT INTO appointments_slot_use (office, day, slot, used, capacity) \
             VALUES ($1, $2, $3, $4, $4) ON CONFLICT (office, day, slot) \
             DO UPDATE SET used = appointments_slot_use.capacity",
            vec![
                office.into(),
                day_text.clone().into(),
                i32::try_from(*slot).unwrap_or(i32::MAX).into(),
                grid.capacity.into(),
            ],
        ))
        .await?;
    }
    let count = u32::try_from(inside.len()).unwrap_or(u32::MAX);
    block::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        office: Set(office.to_owned()),
        day: Set(day_text.clone()),
        first_slot: Set(i32::try_from(first).unwrap_or(i32::MAX)),
        slot_count: Set(i32::try_from(count).unwrap_or(i32::MAX)),
        reason: Set(reason),
        blocked_by: Set(identity.subject.clone().unwrap_or_default()),
        blocked_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let detail = format!(
        "{office} {day_text} {}-{}",
        from.format("%H:%M"),
        to.format("%H:%M")
    );
    kernel::audit::record(
        &txn,
        &staff::audit(identity, "appointment-block", &detail, now),
    )
    .await?;
    txn.commit().await?;
    desk.free_days.forget(office);
    Ok(Blocked {
        slots: count,
        cancelled: told.len(),
    })
}
