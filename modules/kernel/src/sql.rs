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
        _ => {
            let mut plain = sql.to_owned();
            for n in (1..=values.len()).rev() {
                plain = plain.replace(&format!("${n}"), &format!("?{n}"));
            }
            plain
        }
    };
    Statement::from_sql_and_values(backend, sql, values)
}
