//! What the module keeps about people, and for how long: an appointment with the
//! citizen's details is deleted `retention_days` after its date, with its mails and
//! the day's slot counts; a signed-in citizen's appointments are part of their copy of
//! their data.

use async_trait::async_trait;
use chrono::{Days, NaiveDate};
use kernel::write_transaction::begin_write;
use kernel::{
    AppError, I18n, ModuleContext,
    personal_data::{DataPart, DataRecord, PersonalData},
    retention::{Expired, Retention},
    sql::statement,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{MODULE_ID, entity::appointment, settings::AppointmentsConfig};

/// The kind of item in the retention list.
pub const APPOINTMENT: &str = "appointment";

/// The appointments past their retention, and a person's appointments.
#[derive(Debug, Default)]
pub struct Appointments;

/// The last day whose appointments are kept at `now`: those before it expire.
fn first_kept(ctx: &ModuleContext, now: i64) -> Result<NaiveDate, AppError> {
    let config: AppointmentsConfig = ctx.section(MODULE_ID).map_err(AppError::internal)?;
    let today = kernel::time::local(now).date();
    Ok(today
        .checked_sub_days(Days::new(u64::from(config.retention_days)))
        .unwrap_or(today))
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

#[async_trait]
impl Retention for Appointments {
    async fn expired(&self, ctx: &ModuleContext, now: i64) -> Result<Vec<Expired>, AppError> {
        let first = first_kept(ctx, now)?;
        Ok(appointment::Entity::find()
            .filter(appointment::Column::Day.lt(day_text(first)))
            .order_by_asc(appointment::Column::Day)
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|row| Expired {
                kind: APPOINTMENT,
                since: NaiveDate::parse_from_str(&row.day, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.checked_add_days(Days::new(1)))
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(kernel::time::to_unix)
                    .unwrap_or(now),
                label: row.reference,
                id: row.id,
            })
            .collect())
    }

    async fn delete(
        &self,
        ctx: &ModuleContext,
        item: &Expired,
        now: i64,
    ) -> Result<bool, AppError> {
        let first = day_text(first_kept(ctx, now)?);
        let txn = begin_write(&ctx.db).await?;
        let Some(row) = appointment::Entity::find_by_id(&item.id)
            .filter(appointment::Column::Day.lt(first))
            .one(&txn)
            .await?
        else {
            return Ok(false);
        };
        appointment::Entity::delete_by_id(&row.id)
            .exec(&txn)
            .await?;
        kernel::mail::forget(&txn, &crate::mails::about(&row.id)).await?;
        // The day is over for good: its counts are history.
        txn.execute(statement(
            &txn,
            "DELETE FROM appointments_slot_use WHERE office = $1 AND day = $2",
            vec![row.office.clone().into(), row.day.clone().into()],
        ))
        .await?;
        txn.commit().await?;
        Ok(true)
    }
}

#[async_trait]
impl PersonalData for Appointments {
    async fn collect(
        &self,
        ctx: &ModuleContext,
        subject: &str,
        i18n: &I18n,
    ) -> Result<Vec<DataPart>, AppError> {
        let rows = appointment::Entity::find()
            .filter(appointment::Column::Owner.eq(subject))
            .order_by_desc(appointment::Column::Day)
            .all(&ctx.db)
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let records = rows
            .into_iter()
            .map(|row| DataRecord {
                heading: format!("{} · {}", row.day, row.reference),
                folder: row.reference.clone(),
                facts: [
                    ("appointments-data-reference", Some(row.reference)),
                    ("appointments-data-office", Some(row.office)),
                    ("appointments-data-day", Some(row.day)),
                    (
                        "appointments-data-state",
                        Some(i18n.t(&format!("appointments-state-{}", row.state))),
                    ),
                    ("appointments-data-persons", Some(row.persons.to_string())),
                    ("appointments-data-services", Some(row.services)),
                    ("appointments-name", Some(row.name)),
                    ("appointments-email", Some(row.email)),
                    ("appointments-phone", row.phone),
                    (
                        "appointments-data-made",
                        Some(kernel::time::minute(row.created_at)),
                    ),
                ]
                .into_iter()
                .filter_map(|(key, value)| Some((i18n.t(key), value?)))
                .collect(),
                answers: Vec::new(),
                history: Vec::new(),
                files: Vec::new(),
            })
            .collect();
        Ok(vec![DataPart {
            title: i18n.t("appointments-data-title"),
            folder: "termine",
            note: i18n.t("appointments-data-note"),
            records,
        }])
    }
}
