//! Closed and withdrawn cases past their service's retention period
//! (`retention_months` in the process, counted from the last change, which for a
//! finished case is its closing). Deleting a case deletes its files, its timeline with
//! messages and notes, its mails and the submission it came from; the audit trail
//! keeps that it was deleted, when and for which service, and nothing personal.

use std::collections::BTreeSet;

use async_trait::async_trait;
use chrono::Months;
use kernel::{
    AppError, ModuleContext,
    audit::AuditEntry,
    retention::{Expired, Retention},
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

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

/// The latest closing time that has expired at `now` after `months`.
fn cutoff(now: i64, months: u32) -> i64 {
    chrono::DateTime::from_timestamp(now, 0)
        .and_then(|t| t.checked_sub_months(Months::new(months)))
        .map_or(i64::MIN, |t| t.timestamp())
}

/// When a case closed at `closed` expires after `months`.
pub(crate) fn expires(closed: i64, months: u32) -> i64 {
    chrono::DateTime::from_timestamp(closed, 0)
        .and_then(|t| t.checked_add_months(Months::new(months)))
        .map_or(i64::MAX, |t| t.timestamp())
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
                .filter(case::Column::UpdatedAt.lte(cutoff(now, months)))
                .order_by_asc(case::Column::UpdatedAt)
                .all(&ctx.db)
                .await?;
            all.extend(rows.into_iter().map(|row| Expired {
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
        if !state.is_some_and(|s| FINISHED.contains(&s)) || row.updated_at > cutoff(now, months) {
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
        if let Some(filed) = &ctx.filed_answers {
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
        let txn = db.begin().await?;
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
        if let Some(filed) = &ctx.filed_answers {
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
    use super::*;

    #[test]
    fn months_are_calendar_months() {
        // 2026-03-31 minus one month is the last day of February.
        let march_31 = 1_774_915_200;
        assert_eq!(cutoff(march_31, 1), 1_772_236_800);
        assert_eq!(expires(1_772_236_800, 1), 1_774_656_000);
        assert_eq!(cutoff(march_31, 0), march_31);
    }
}
