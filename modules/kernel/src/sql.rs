//! Hand-written SQL for the few statements the query builder does not express (an
//! upsert from a select, `UPDATE … RETURNING`), written once with `$1`-style
//! parameters for both databases.

use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

/// `sql` with `$1`-style parameters, for the backend of `db` (SQLite numbers them
/// `?1`, so a parameter may be used more than once on both).
pub fn statement(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => sql.to_owned(),
        _ => numbered_for_sqlite(sql),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `$n` written `?n`, in one pass (statements with thousands of parameters stay fast).
fn numbered_for_sqlite(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

/// Takes row `id` of the outbox `table` (columns `next_attempt_at`, `lease_until`,
/// `attempts`) for one attempt until `lease_until`, counting it; `false` when another
/// worker has it or it is no longer due. A worker that dies mid-attempt leaves the lease
/// to run out, and the row is tried again then. The mail and webhook outboxes share it.
pub async fn claim_lease(
    db: &impl ConnectionTrait,
    table: &'static str,
    id: i64,
    now: i64,
    lease_until: i64,
) -> Result<bool, sea_orm::DbErr> {
    changed_one(
        db,
        &format!(
            "UPDATE {table} SET lease_until = $1, attempts = attempts + 1 WHERE id = $2 \
             AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until < $3)"
        ),
        vec![lease_until.into(), id.into(), now.into()],
    )
    .await
}

/// Takes the periodic job `job` for `holder` until `lease_until`, unless another
/// holder's lease runs past `now`; `true` when `holder` has it. A process that dies
/// keeps the job until its lease runs out; the next period someone else takes it.
pub async fn take_job(
    db: &impl ConnectionTrait,
    job: &str,
    holder: &str,
    now: i64,
    lease_until: i64,
) -> Result<bool, sea_orm::DbErr> {
    changed_one(
        db,
        "INSERT INTO kernel_job_lease (job, holder, lease_until) VALUES ($1, $2, $3) \
         ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, \
         lease_until = excluded.lease_until WHERE kernel_job_lease.lease_until <= $4",
        vec![job.into(), holder.into(), lease_until.into(), now.into()],
    )
    .await
}

/// Runs `sql`; `true` when it changed exactly one row (a lease taken).
async fn changed_one(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<bool, sea_orm::DbErr> {
    let done = db.execute(statement(db, sql, values)).await?;
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::numbered_for_sqlite;

    #[test]
    fn parameters_are_renumbered_and_nothing_else() {
        assert_eq!(
            numbered_for_sqlite("SELECT $1, $12 WHERE a = '$' AND b = $2"),
            "SELECT ?1, ?12 WHERE a = '$' AND b = ?2"
        );
    }
}
