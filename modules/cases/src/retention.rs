//! Closed and withdrawn cases past their service's retention period
//! (`retention_months` in the process, counted from the last change, which for a
//! finished case is its closing). Deleting a case deletes its files, its timeline with
//! messages and notes, its mails and the submission it came from; the audit trail
//! keeps that it was deleted, when and for which service, and nothing personal.

use kernel::write_transaction::begin_write;
use std::collections::BTreeSet;

use async_trait::async_trait;
use chrono::Months;
use kernel::{
    AppError, ModuleContext,
    audit::AuditEntry,
    retention::{Expired, Retention},
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    entity::{case, event, file, service},
    lifecycle::State,
    loader::LoadedProcesses,
};

/// The kind of item in the retention list.
pub const CASE: &str = "case";

/// Who the audit trail names for deletions by the retention job.
pub const RETENTION_ACTOR: &str = "system:retention";

/// The states after which the retention period runs.
const FINISHED: [State; 2] = [State::Closed, State::Withdrawn];

/// The cases module's [`Retention`].
#[derive(Debug)]
pub struct ExpiredCases {
    processes: LoadedProcesses,
}

impl ExpiredCases {
    /// Cases expiring by `processes`.
    pub fn new(processes: LoadedProcesses) -> Self {
        Self { processes }
    }

    fn months(&self, service_id: &str) -> u32 {
        self.processes
            .get()
            .for_service(service_id)
            .retention_months()
    }
}

/// When a case closed at `closed` expires after `months` calendar months (the last
/// day of a shorter month where the day does not exist: 31 August + 6 months is the
/// end of February).
pub fn expires(closed: i64, months: u32) -> i64 {
    chrono::DateTime::from_timestamp(closed, 0)
        .and_then(|t| t.checked_add_months(Months::new(months)))
        .map_or(i64::MAX, |t| t.timestamp())
}

/// Whether a case closed at `closed` has expired at `now` after `months`.
pub fn has_expired(closed: i64, months: u32, now: i64) -> bool {
    expires(closed, months) <= now
}

/// A closing time after which no case has expired at `now`: the database preselects
/// with it, [`has_expired`] decides. Counting back may end on a shorter month's last
/// day and counting forward may too, each losing at most three days; a week covers
/// both.
fn latest_candidate(now: i64, months: u32) -> i64 {
    const WEEK: i64 = 7 * 86_400;
    chrono::DateTime::from_timestamp(now, 0)
        .and_then(|t| t.checked_sub_months(Months::new(months)))
        .map_or(i64::MIN, |t| t.timestamp().saturating_add(WEEK))
}

fn finished_states() -> Vec<&'static str> {
    FINISHED.iter().map(|s| s.as_str()).collect()
}

async fn services(db: &DatabaseConnection) -> Result<BTreeSet<String>, AppError> {
    Ok(service::Entity::find()
        .select_only()
        .column(service::Column::ServiceId)
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

#[async_trait]
impl Retention for ExpiredCases {
    async fn expired(&self, ctx: &ModuleContext, now: i64) -> Result<Vec<Expired>, AppError> {
        let mut all = Vec::new();
        for service_id in services(&ctx.db).await? {
            let months = self.months(&service_id);
            let rows = case::Entity::find()
                .filter(case::Column::ServiceId.eq(service_id.as_str()))
                .filter(case::Column::State.is_in(finished_states()))
                .filter(case::Column::UpdatedAt.lte(latest_candidate(now, months)))
                .order_by_asc(case::Column::UpdatedAt)
                .all(&ctx.db)
                .await?;
            let expired = rows
                .into_iter()
                .filter(|row| has_expired(row.updated_at, months, now));
            all.extend(expired.map(|row| Expired {
                kind: CASE,
                label: format!("{} ({})", row.reference, row.service_id),
                since: expires(row.updated_at, months),
                id: row.id,
            }));
        }
        all.sort_by_key(|item| item.since);
        Ok(all)
    }

    async fn delete(
        &self,
        ctx: &ModuleContext,
        item: &Expired,
        now: i64,
    ) -> Result<bool, AppError> {
        let db = &ctx.db;
        let Some(row) = case::Entity::find_by_id(item.id.clone()).one(db).await? else {
            return Ok(false);
        };
        let state = State::parse(&row.state);
        let months = self.months(&row.service_id);
        if !state.is_some_and(|s| FINISHED.contains(&s))
            || !has_expired(row.updated_at, months, now)
        {
            return Ok(false);
        }
        // Files first: one that cannot be deleted now keeps the case for the next run,
        // so no file outlives the record that leads to it.
        let mut stored: Vec<String> = file::Entity::find()
            .filter(file::Column::CaseId.eq(row.id.as_str()))
            .all(db)
            .await?
            .into_iter()
            .map(|f| f.id)
            .collect();
        if let Some(filed) = &ctx.get::<dyn kernel::intake::FiledAnswers>() {
            stored.extend(
                filed
                    .files(db, &row.submission_id)
                    .await?
                    .into_iter()
                    .map(|f| f.id),
            );
        }
        for id in &stored {
            ctx.files
                .delete(id)
                .await
                .map_err(|e| AppError::internal(format!("deleting file {id}: {e}")))?;
        }
        let txn = begin_write(db).await?;
        // Only as it was read: a case reopened meanwhile stays.
        let gone = case::Entity::delete_many()
            .filter(case::Column::Id.eq(row.id.as_str()))
            .filter(case::Column::UpdatedAt.eq(row.updated_at))
            .exec(&txn)
            .await?;
        if gone.rows_affected == 0 {
            txn.rollback().await?;
            return Ok(false);
        }
        file::Entity::delete_many()
            .filter(file::Column::CaseId.eq(row.id.as_str()))
            .exec(&txn)
            .await?;
        event::Entity::delete_many()
            .filter(event::Column::CaseId.eq(row.id.as_str()))
            .exec(&txn)
            .await?;
        if let Some(state) = state {
            crate::counts::removed(&txn, &row.department, &row.service_id, state).await?;
        }
        crate::decisions::forget(&txn, &row.id).await?;
        // Gone from every search index too.
        kernel::search_outbox::note(&txn, kernel::case_search::CASES, &[&row.id], now).await?;
        kernel::mail::forget(&txn, &crate::notify::about(&row.id)).await?;
        if let Some(filed) = &ctx.get::<dyn kernel::intake::FiledAnswers>() {
            filed.forget(&txn, &row.submission_id).await?;
        }
        kernel::audit::record(
            &txn,
            &AuditEntry {
                at: now,
                actor: RETENTION_ACTOR.into(),
                actor_name: String::new(),
                action: "retention_delete".into(),
                case_id: Some(row.id.clone()),
                detail: Some(row.service_id.clone()),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};
    use proptest::prelude::*;

    use super::*;

    fn at(year: i32, month: u32, day: u32) -> i64 {
        NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map_or(0, |t| t.and_utc().timestamp())
    }

    #[test]
    fn months_are_calendar_months() {
        // The last day of August and six months: the last day of February.
        assert_eq!(expires(at(2026, 8, 31), 6), at(2027, 2, 28));
        assert_eq!(expires(at(2027, 8, 31), 6), at(2028, 2, 29));
        assert_eq!(expires(at(2026, 3, 15), 0), at(2026, 3, 15));
        assert!(has_expired(at(2026, 8, 31), 6, at(2027, 2, 28)));
        assert!(!has_expired(at(2026, 8, 31), 6, at(2027, 2, 28) - 1));
    }

    proptest! {
        /// Whatever the day of closing and the period, the database's preselection
        /// keeps every case that has expired, and a case expires exactly when
        /// `expires` says: not a second earlier.
        #[test]
        fn preselection_never_loses_an_expired_case(
            closed_day in 0i64..(40 * 366),
            second in 0i64..86_400,
            months in 0u32..121,
            after in -400i64..400,
        ) {
            let closed = at(2010, 1, 1) + closed_day * 86_400 + second;
            let now = expires(closed, months) + after * 86_400;
            let expired = has_expired(closed, months, now);
            prop_assert_eq!(expired, after >= 0);
            if expired {
                prop_assert!(closed <= latest_candidate(now, months));
            }
            prop_assert!(!has_expired(closed, months, expires(closed, months) - 1));
        }

        /// The retention test's scenario on any day: a case closed today has expired
        /// six months on, one closed ninety days later has not, and it has at its own
        /// expiry.
        #[test]
        fn the_later_case_outlives_the_earlier_on_every_date(day in 0i64..(40 * 366)) {
            let today = at(2010, 1, 1) + day * 86_400;
            let recent = today + Duration::days(90).num_seconds();
            let later = expires(today, 6);
            prop_assert!(has_expired(today, 6, later));
            prop_assert!(!has_expired(recent, 6, later));
            prop_assert!(has_expired(recent, 6, expires(recent, 6)));
        }
    }
}
