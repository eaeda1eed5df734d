//! The department dashboard's figures within the person's departments (each query
//! names them): cases per service and state from the kept counts, overdue cases by
//! their deadline, the period's decisions from those noted when made, with durations
//! sorted here for the quantiles.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kernel::{AppError, sql::statement};
use sea_orm::{ConnectionTrait, DatabaseConnection, Value};

use crate::{
    dashboard::model::{Dashboard, ServiceFigures, quantile},
    lifecycle::State,
};

/// `$first, …` for `count` values starting at `$first`.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn values(departments: &[String]) -> Vec<Value> {
    departments.iter().map(|d| d.clone().into()).collect()
}

/// The figures for `departments` with decisions from `from` to `until` (whole days).
pub async fn figures(
    db: &DatabaseConnection,
    departments: &[String],
    from: NaiveDate,
    until: NaiveDate,
    now: i64,
) -> Result<Dashboard, AppError> {
    let mut board = Dashboard {
        departments: departments.to_vec(),
        from: from.format("%Y-%m-%d").to_string(),
        until: until.format("%Y-%m-%d").to_string(),
        ..Dashboard::default()
    };
    if departments.is_empty() {
        return Ok(board);
    }
    let n = departments.len();
    let mut services: BTreeMap<String, ServiceFigures> = BTreeMap::new();

    // Cases per service and state, as kept while cases move.
    let rows = db
        .query_all(statement(
            db,
            &format!(
                "SELECT service_id, state, CAST(SUM(count) AS BIGINT) FROM cases_count \
                 WHERE department IN ({}) GROUP BY service_id, state",
                placeholders(1, n)
            ),
            values(departments),
        ))
        .await?;
    let mut per_state: BTreeMap<State, u64> = BTreeMap::new();
    for row in rows {
        let service: String = row.try_get_by_index(0)?;
        let Some(state) = State::parse(&row.try_get_by_index::<String>(1)?) else {
            continue;
        };
        let count = u64::try_from(row.try_get_by_index::<i64>(2)?).unwrap_or(0);
        if count == 0 {
            continue;
        }
        let figures = services.entry(service.clone()).or_default();
        figures.id = service;
        figures.total += count;
        *per_state.entry(state).or_default() += count;
        if !matches!(state, State::Decided | State::Closed | State::Withdrawn) {
            figures.open += count;
        }
    }
    // Overdue: only states in which the deadline runs (it pauses while the citizen is
    // asked), found by their deadline in the index by department, state and due date.
    let running: Vec<Value> = State::ALL
        .into_iter()
        .filter(|s| s.deadline_runs())
        .map(|s| s.as_str().into())
        .collect();
    let rows = db
        .query_all(statement(
            db,
            &format!(
                "SELECT service_id, COUNT(*) FROM cases_case \
                 WHERE department IN ({}) AND state IN ({}) AND due_at < ${} GROUP BY service_id",
                placeholders(1, n),
                placeholders(n + 1, running.len()),
                n + running.len() + 1
            ),
            [values(departments), running, vec![now.into()]].concat(),
        ))
        .await?;
    for row in rows {
        let service: String = row.try_get_by_index(0)?;
        let late = u64::try_from(row.try_get_by_index::<i64>(1)?).unwrap_or(0);
        let figures = services.entry(service.clone()).or_default();
        figures.id = service;
        figures.overdue += late;
        board.overdue += late;
    }
    board.per_state = State::ALL
        .into_iter()
        .map(|s| (s, per_state.get(&s).copied().unwrap_or(0)))
        .collect();

    let start = kernel::time::to_unix(from.and_hms_opt(0, 0, 0).unwrap_or_default());
    let end = kernel::time::to_unix(until.and_hms_opt(0, 0, 0).unwrap_or_default()) + 86_400;
    // The period's decisions, as noted when they were made.
    let rows = db
        .query_all(statement(
            db,
            &format!(
                "SELECT service_id, decided_at - submitted_at FROM cases_decision \
                 WHERE department IN ({}) AND decided_at >= ${} AND decided_at < ${}",
                placeholders(1, n),
                n + 1,
                n + 2
            ),
            [values(departments), vec![start.into(), end.into()]].concat(),
        ))
        .await?;
    let mut durations: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for row in rows {
        let service: String = row.try_get_by_index(0)?;
        durations
            .entry(service)
            .or_default()
            .push(row.try_get_by_index::<i64>(1)?);
    }
    for (service, mut taken) in durations {
        taken.sort_unstable();
        let days = |secs: Option<i64>| secs.map(|s| (s as f64 / 8_640.0).round() / 10.0);
        let figures = services.entry(service.clone()).or_default();
        figures.id = service;
        figures.decided = taken.len() as u64;
        figures.median_days = days(quantile(&taken, 0.5));
        figures.p90_days = days(quantile(&taken, 0.9));
    }

    for (service, title) in crate::directory::services(db, departments).await? {
        if let Some(figures) = services.get_mut(&service) {
            figures.title = title;
        }
    }
    board.services = services.into_values().collect();
    Ok(board)
}
