//! How many people each slot of an office serves, kept in the database so that no slot
//! is ever booked beyond its counters: a visit raises the counts of its slots only
//! where they are below the capacity, all of them or none, in the booking's
//! transaction. Two bookings racing for the last place cannot both pass: on
//! PostgreSQL the second waits for the first's row locks and then sees the full
//! count; SQLite lets one writer in at a time. A check constraint stands behind both.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbErr, Value};

use kernel::sql::statement;

/// The slots a visit takes at an office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    /// The office's export id.
    pub office: String,
    /// The day.
    pub day: NaiveDate,
    /// Its first slot (index in the day's grid).
    pub first_slot: u32,
    /// How many consecutive slots.
    pub slots: u32,
    /// People each slot serves at once (the office's counters).
    pub capacity: u32,
}

/// Why a visit's slots could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum TakeError {
    /// A slot of the visit is full: someone was faster.
    #[error("the time was just taken")]
    Taken,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] DbErr),
}

fn day(visit: &Visit) -> String {
    visit.day.format("%Y-%m-%d").to_string()
}

/// Takes one place in every slot of `visit`, in `db`'s transaction; [`TakeError::Taken`]
/// when any slot is full, after which the caller rolls the transaction back.
pub async fn take(db: &impl ConnectionTrait, visit: &Visit) -> Result<(), TakeError> {
    if visit.slots == 0 {
        return Err(TakeError::Taken);
    }
    // Every slot of the visit gets its row (with the capacity it has now).
    let mut values: Vec<Value> = vec![visit.office.clone().into(), day(visit).into()];
    let rows: Vec<String> = (0..visit.slots)
        .map(|n| {
            values.push((visit.first_slot + n).into());
            let slot = values.len();
            values.push(visit.capacity.into());
            format!("($1, $2, ${slot}, 0, ${})", slot + 1)
        })
        .collect();
    db.execute(statement(
        db,
        &format!(
            "INSERT INTO appointments_slot_use (office, day, slot, used, capacity) VALUES {} \
             ON CONFLICT (office, day, slot) DO NOTHING",
            rows.join(", ")
        ),
        values,
    ))
    .await?;
    let raised = db
        .execute(statement(
            db,
            "UPDATE appointments_slot_use SET used = used + 1 \
             WHERE office = $1 AND day = $2 AND slot >= $3 AND slot < $4 AND used < capacity",
            vec![
                visit.office.clone().into(),
                day(visit).into(),
                visit.first_slot.into(),
                (visit.first_slot + visit.slots).into(),
            ],
        ))
        .await?
        .rows_affected();
    if raised == u64::from(visit.slots) {
        Ok(())
    } else {
        Err(TakeError::Taken)
    }
}

/// Gives the places of `visit` back (a cancelled appointment, an expired hold).
pub async fn give_back(db: &impl ConnectionTrait, visit: &Visit) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "UPDATE appointments_slot_use SET used = used - 1 \
         WHERE office = $1 AND day = $2 AND slot >= $3 AND slot < $4 AND used > 0",
        vec![
            visit.office.clone().into(),
            day(visit).into(),
            visit.first_slot.into(),
            (visit.first_slot + visit.slots).into(),
        ],
    ))
    .await?;
    Ok(())
}

/// How many people each slot of `office` on `day` serves, by slot index, for `slots`
/// slots (a slot without a row serves nobody yet).
pub async fn used_on(
    db: &impl ConnectionTrait,
    office: &str,
    on: NaiveDate,
    slots: usize,
) -> Result<Vec<u32>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT slot, used FROM appointments_slot_use WHERE office = $1 AND day = $2",
            vec![office.into(), on.format("%Y-%m-%d").to_string().into()],
        ))
        .await?;
    let mut used = vec![0; slots];
    for row in rows {
        let slot: i32 = row.try_get("", "slot")?;
        let count: i32 = row.try_get("", "used")?;
        if let Some(place) = usize::try_from(slot).ok().and_then(|s| used.get_mut(s)) {
            *place = u32::try_from(count).unwrap_or(0);
        }
    }
    Ok(used)
}
