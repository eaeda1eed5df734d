//! Every decision (a case moving to "decided") with its department, service and the
//! time from filing, kept in `cases_decision` as it is made, so the department
//! dashboard finds a period's decisions by an index instead of among all timeline
//! events of all cases.

use kernel::sql::statement;
use sea_orm::{ConnectionTrait, DbErr};

/// Notes that case `case_id` (already written) was decided at `at`.
pub async fn record(db: &impl ConnectionTrait, case_id: &str, at: i64) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "INSERT INTO cases_decision (case_id, department, service_id, decided_at, submitted_at) \
         SELECT id, department, service_id, $1, submitted_at FROM cases_case WHERE id = $2",
        vec![at.into(), case_id.into()],
    ))
    .await?;
    Ok(())
}

/// Forgets the decisions of case `case_id` (it is being deleted).
pub async fn forget(db: &impl ConnectionTrait, case_id: &str) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "DELETE FROM cases_decision WHERE case_id = $1",
        vec![case_id.into()],
    ))
    .await?;
    Ok(())
}

/// Notes every decision again from the timelines (after bulk writes that bypass
/// [`record`]).
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_unprepared("DELETE FROM cases_decision").await?;
    db.execute_unprepared(crate::m20261129_000004_cases_dashboard_speed::DECISIONS_FROM_TIMELINES)
        .await?;
    Ok(())
}
