//! Free days and times of an office, from its schedule and the counts in the
//! database (one query for the whole horizon).

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Berlin;
use sea_orm::{ConnectionTrait, DbErr};

use kernel::sql::statement;

use crate::{
    schedule::OfficeSchedule,
    slots::{self, bookable_starts},
};

/// The counts of every slot of `office` from `first` to `last`, by day.
async fn counts(
    db: &impl ConnectionTrait,
    office: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HashMap<NaiveDate, Vec<(usize, u32)>>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT day, slot, used FROM appointments_slot_use \
             WHERE office = $1 AND day >= $2 AND day <= $3 AND used > 0",
            vec![
                office.into(),
                first.format("%Y-%m-%d").to_string().into(),
                last.format("%Y-%m-%d").to_string().into(),
            ],
        ))
        .await?;
    let mut by_day: HashMap<NaiveDate, Vec<(usize, u32)>> = HashMap::new();
    for row in rows {
        let day: String = row.try_get("", "day")?;
        let slot: i32 = row.try_get("", "slot")?;
        let used: i32 = row.try_get("", "used")?;
        if let (Ok(day), Ok(slot), Ok(used)) = (
            NaiveDate::parse_from_str(&day, "%Y-%m-%d"),
            usize::try_from(slot),
            u32::try_from(used),
        ) {
            by_day.entry(day).or_default().push((slot, used));
        }
    }
    Ok(by_day)
}

fn spread(counts: Option<&Vec<(usize, u32)>>, slots: usize) -> Vec<u32> {
    let mut used = vec![0; slots];
    for (slot, count) in counts.into_iter().flatten() {
        if let Some(place) = used.get_mut(*slot) {
            *place = *count;
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
    let counts = counts(db, &schedule.office, today, last).await?;
    Ok(slots::free_days(schedule, need, now, |day| {
        spread(counts.get(&day), schedule.grid(day).slots.len())
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
    let counts = counts(db, &schedule.office, day, day).await?;
    let used = spread(counts.get(&day), grid.slots.len());
    Ok(bookable_starts(schedule, &grid, &used, need, now)
        .into_iter()
        .map(|slot| (slot, grid.slots[slot].start))
        .collect())
}
