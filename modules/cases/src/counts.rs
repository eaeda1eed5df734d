//! Cases per department, service and state, kept in `cases_count` as cases move, so
//! the inbox and the department dashboard show their counts without counting a
//! department's hundreds of thousands of cases on every view. Every change of state
//! updates them in the transaction that makes it.

use kernel::sql::statement;
use sea_orm::{ConnectionTrait, DbErr};

use crate::lifecycle::State;

/// Counts case `case_id` (already written) as having moved `from` one state `to`
/// another (`from` is `None` for a new case).
pub async fn moved(
    db: &impl ConnectionTrait,
    case_id: &str,
    from: Option<State>,
    to: State,
) -> Result<(), DbErr> {
    if from == Some(to) {
        return Ok(());
    }
    if let Some(from) = from {
        db.execute(statement(
            db,
            "UPDATE cases_count SET count = count - 1 WHERE state = $1 \
             AND department = (SELECT department FROM cases_case WHERE id = $2) \
             AND service_id = (SELECT service_id FROM cases_case WHERE id = $2)",
            vec![from.as_str().into(), case_id.into()],
        ))
        .await?;
    }
    db.execute(statement(
        db,
        "INSERT INTO cases_count (department, service_id, state, count) \
         SELECT department, service_id, $1, 1 FROM cases_case WHERE id = $2 \
         ON CONFLICT (department, service_id, state) DO UPDATE SET count = cases_count.count + 1",
        vec![to.as_str().into(), case_id.into()],
    ))
    .await?;
    Ok(())
}

/// Counts a case of `service_id` in `department` in `state` as deleted.
pub async fn removed(
    db: &impl ConnectionTrait,
    department: &str,
    service_id: &str,
    state: State,
) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "UPDATE cases_count SET count = count - 1 \
         WHERE state = $1 AND department = $2 AND service_id = $3",
        vec![state.as_str().into(), department.into(), service_id.into()],
    ))
    .await?;
    Ok(())
}

/// Counts every case again (after bulk writes that bypass [`moved`]).
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_unprepared("DELETE FROM cases_count").await?;
    db.execute_unprepared(
        "INSERT INTO cases_count (department, service_id, state, count) \
         SELECT department, service_id, state, COUNT(*) FROM cases_case \
         GROUP BY department, service_id, state",
    )
    .await?;
    Ok(())
}
