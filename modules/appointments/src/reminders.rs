//! The reminder the day before: booked appointments of tomorrow (Munich's calendar)
//! whose reminder has not gone out get it. Marking and sending happen in one
//! transaction per appointment, guarded by the mark, so several portal processes send
//! each reminder once.

use chrono::{DateTime, Days, Utc};
use kernel::write_transaction::begin_write;
use kernel::{AppError, ModuleContext};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{book::BOOKED, citizen::Desk, entity::appointment};

/// Sends the reminders due at `now`; returns how many.
pub async fn send_due(
    ctx: &ModuleContext,
    desk: &Desk,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let today = now.with_timezone(&chrono_tz::Europe::Berlin).date_naive();
    let Some(tomorrow) = today.checked_add_days(Days::new(1)) else {
        return Ok(0);
    };
    let due = appointment::Entity::find()
        .filter(appointment::Column::State.eq(BOOKED))
        .filter(appointment::Column::Reminded.eq(false))
        .filter(appointment::Column::Day.eq(tomorrow.format("%Y-%m-%d").to_string()))
        .all(&ctx.db)
        .await?;
    if due.is_empty() {
        return Ok(0);
    }
    // Read before the transactions, which must not wait for a second connection.
    let catalogues = crate::mails::catalogues(ctx, desk).await?;
    let mut sent = 0;
    for row in due {
        let txn = begin_write(&ctx.db).await?;
        let marked = appointment::Entity::update_many()
            .col_expr(appointment::Column::Reminded, Expr::value(true))
            .filter(appointment::Column::Id.eq(&row.id))
            .filter(appointment::Column::Reminded.eq(false))
            .filter(appointment::Column::State.eq(BOOKED))
            .exec(&txn)
            .await?
            .rows_affected;
        let mail = crate::mails::about_appointment_in(
            &catalogues,
            desk,
            &row,
            "appointments-mail-reminder",
            now.timestamp(),
        );
        if let (1, Some(mail)) = (marked, mail) {
            crate::mails::send(&txn, &mail, now.timestamp()).await?;
            sent += 1;
        }
        txn.commit().await?;
    }
    Ok(sent)
}
