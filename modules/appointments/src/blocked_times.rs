//! Reading the times an office's staff blocked, for the day list.

use kernel::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::block;

/// The blocks of `office` on `day`: from, to (`HH:MM`) and why.
pub async fn blocks_on(
    db: &impl ConnectionTrait,
    grid: &crate::slots::DayGrid,
    office: &str,
    day: &str,
    slot_minutes: u32,
) -> Result<Vec<(String, String, String)>, AppError> {
    let rows = block::Entity::find()
        .filter(block::Column::Office.eq(office))
        .filter(block::Column::Day.eq(day))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let start = grid.slots.get(usize::try_from(row.first_slot).ok()?)?.start;
            let end = start
                + chrono::Duration::minutes(i64::from(slot_minutes) * i64::from(row.slot_count));
            Some((
                start.format("%H:%M").to_string(),
                end.format("%H:%M").to_string(),
                row.reason,
            ))
        })
        .collect())
}
