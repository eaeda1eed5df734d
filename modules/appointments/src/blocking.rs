//! Blocking times of an office's day (a closure, a training): the slots from one time
//! to another become full, the appointments in them are cancelled and their citizens
//! told by mail why and how to book anew, the subscribers told by webhook, all in one
//! transaction with the block and its audit entry. The slots are taken first, so no
//! booking slips in between reading the appointments and cancelling them.

use chrono::{NaiveDate, NaiveTime};
use kernel::write_transaction::begin_write;
use kernel::{AppError, Identity, ModuleContext, sql::statement, webhook::EventKind};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
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
    // The mails are written inside the transaction from the catalogues read before it:
    // a transaction holding the only connection must not wait for another.
    let catalogues = mails::catalogues(ctx, desk).await?;
    let txn = begin_write(&ctx.db).await?;
    // The slots are full first: from here no booking gets into them, so the
    // appointments read next are all there are, as they are now.
    fill(&txn, office, &day_text, &inside, grid.capacity).await?;
    let hit = appointment::Entity::find()
        .filter(appointment::Column::Office.eq(office))
        .filter(appointment::Column::Day.eq(&day_text))
        .filter(appointment::Column::State.is_in([HELD, UNCONFIRMED, BOOKED]))
        .all(&txn)
        .await?
        .into_iter()
        .filter(|row| {
            let start = usize::try_from(row.first_slot).unwrap_or(usize::MAX);
            let end = start + usize::try_from(row.slot_count).unwrap_or(0);
            start <= last && end > first
        })
        .collect::<Vec<_>>();
    let mut cancelled = 0;
    for row in &hit {
        // Written before the cancellation: the mail shows the appointment as it was.
        let mail =
            mails::about_appointment_in(&catalogues, desk, row, "appointments-mail-blocked", now);
        if !lifecycle::cancel(&txn, row).await? || row.state != BOOKED {
            continue;
        }
        cancelled += 1;
        if let Some(mut mail) = mail {
            mail.args.push(("reason".into(), reason.clone()));
            mail.args.push(("book_path".into(), "/termine".into()));
            mails::send(&txn, &mail, now).await?;
        }
        events::tell(&txn, desk, EventKind::AppointmentCancelled, row, None, now).await?;
    }
    // Cancelling gave the appointments' slots back; the block takes them again.
    fill(&txn, office, &day_text, &inside, grid.capacity).await?;
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
        cancelled,
    })
}

/// Marks `slots` of `office` on `day` as used up to their `capacity`.
async fn fill(
    txn: &impl ConnectionTrait,
    office: &str,
    day: &str,
    slots: &[usize],
    capacity: u32,
) -> Result<(), AppError> {
    for slot in slots {
        txn.execute(statement(
            txn,
            "INSERT INTO appointments_slot_use (office, day, slot, used, capacity) \
             VALUES ($1, $2, $3, $4, $4) ON CONFLICT (office, day, slot) \
             DO UPDATE SET used = appointments_slot_use.capacity",
            vec![
                office.into(),
                day.into(),
                i32::try_from(*slot).unwrap_or(i32::MAX).into(),
                capacity.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}
