//! Free days and times of an office, from its schedule and the counts in the
//! database (one query for the whole horizon). Only full slots matter: a visit fits
//! wherever each of its slots has a counter free, so the query reads the slots that
//! have none (usually few) rather than every count.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Berlin;
use sea_orm::{ConnectionTrait, DbErr};

use kernel::sql::statement;

use crate::{
    schedule::OfficeSchedule,
    slots::{self, bookable_starts},
};

/// The full slots of `office` from `first` to `last`, by day. A slot counts as full
/// at the capacity it was first taken with, so counters added to an office later
/// serve its untouched slots (never more than a slot was promised for).
async fn full_slots(
    db: &impl ConnectionTrait,
    office: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HashMap<NaiveDate, Vec<usize>>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT day, slot FROM appointments_slot_use \
             WHERE office = $1 AND day >= $2 AND day <= $3 AND used >= capacity",
            vec![
                office.into(),
                first.format("%Y-%m-%d").to_string().into(),
                last.format("%Y-%m-%d").to_string().into(),
            ],
        ))
        .await?;
    let mut by_day: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
    for row in rows {
        let day: String = row.try_get("", "day")?;
        let slot: i32 = row.try_get("", "slot")?;
        if let (Ok(day), Ok(slot)) = (
            NaiveDate::parse_from_str(&day, "%Y-%m-%d"),
            usize::try_from(slot),
        ) {
            by_day.entry(day).or_default().push(slot);
        }
    }
    Ok(by_day)
}

/// A day's counts as the slot search reads them: `capacity` at each full slot.
fn spread(full: Option<&Vec<usize>>, slots: usize, capacity: u32) -> Vec<u32> {
    let mut used = vec![0; slots];
    for slot in full.into_iter().flatten() {
        if let Some(place) = used.get_mut(*slot) {
            *place = capacity;
        }
    }
    used
}

/// The days with a free time for a visit of `need` slots, from Munich's today through
/// the office's horizon.
pub async fn free_days(
    db: &impl ConnectionTrait,
    schedule: &OfficeSchedule,
    need: usize,
    now: DateTime<Utc>,
) -> Result<Vec<NaiveDate>, DbErr> {
    let today = now.with_timezone(&Berlin).date_naive();
    let last = today
        .checked_add_days(Days::new(u64::from(schedule.rules.horizon_days)))
        .unwrap_or(today);
    let full = full_slots(db, &schedule.office, today, last).await?;
    Ok(slots::free_days(schedule, need, now, |grid| {
        spread(full.get(&grid.date), grid.slots.len(), grid.capacity)
    }))
}

/// The free start times on `day` for a visit of `need` slots, with their slot index.
pub async fn free_times(
    db: &impl ConnectionTrait,
    schedule: &OfficeSchedule,
    day: NaiveDate,
    need: usize,
    now: DateTime<Utc>,
) -> Result<Vec<(usize, NaiveTime)>, DbErr> {
    let grid = schedule.grid(day);
    let full = full_slots(db, &schedule.office, day, day).await?;
    let used = spread(full.get(&day), grid.slots.len(), grid.capacity);
    Ok(bookable_starts(schedule, &grid, &used, need, now)
        .into_iter()
        .map(|slot| (slot, grid.slots[slot].start))
        .collect())
}
