//! The search outbox: what changed, for every portal process's search index.
//!
//! A module notes the ids of the documents it changed in the same transaction as the
//! change (`note`), so a change is noted if and only if it happened. Each process's
//! indexer reads the rows after the last one it applied (`after`) and keeps its
//! position with its index, so a crash between the database and the index loses
//! nothing: the rows are read again. Rows are kept for a while (`prune`), long enough
//! for every process to catch up; one that fell further behind rebuilds its index.

use sea_orm::{ConnectionTrait, DbErr, Value};

/// The id that says "every document of the module changed" (after a bulk load that
/// noted nothing row by row): the indexer rebuilds the module's part.
pub const EVERYTHING: &str = "*";

/// Longest document id kept (the column's width).
pub const LONGEST_ID: usize = 64;

/// Rows written per statement (keeps SQLite under its parameter limit).
const BATCH: usize = 300;

/// One noted change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its place in the outbox (increasing, with gaps where a transaction rolled back).
    pub seq: i64,
    /// The module whose document changed.
    pub module: String,
    /// The document's id, or [`EVERYTHING`].
    pub id: String,
    /// When it was noted (Unix seconds).
    pub at: i64,
}

/// Notes that documents `ids` of `module` changed at `at` (Unix seconds); call it
/// inside the transaction that changes them.
pub async fn note(
    db: &impl ConnectionTrait,
    module: &str,
    ids: &[&str],
    at: i64,
) -> Result<(), DbErr> {
    for batch in ids.chunks(BATCH) {
        let mut sql =
            String::from("INSERT INTO kernel_search_outbox (module, doc_id, noted_at) VALUES ");
        let mut values: Vec<Value> = Vec::with_capacity(batch.len() * 3);
        for (i, id) in batch.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            let n = i * 3;
            sql.push_str(&format!("(${}, ${}, ${})", n + 1, n + 2, n + 3));
            values.push(module.into());
            values.push(id.chars().take(LONGEST_ID).collect::<String>().into());
            values.push(at.into());
        }
        db.execute(crate::sql::statement(db, &sql, values)).await?;
    }
    Ok(())
}

/// Up to `limit` changes after `seq`, in order.
pub async fn after(db: &impl ConnectionTrait, seq: i64, limit: u64) -> Result<Vec<Change>, DbErr> {
    let sql = "SELECT seq, module, doc_id, noted_at FROM kernel_search_outbox \
               WHERE seq > $1 ORDER BY seq LIMIT $2";
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    db.query_all(crate::sql::statement(
        db,
        sql,
        vec![seq.into(), limit.into()],
    ))
    .await?
    .iter()
    .map(|row| {
        Ok(Change {
            seq: row.try_get_by_index(0)?,
            module: row.try_get_by_index(1)?,
            id: row.try_get_by_index(2)?,
            at: row.try_get_by_index(3)?,
        })
    })
    .collect()
}

/// The newest change's place, 0 when there is none: an index built from the database
/// now is current up to there.
pub async fn latest(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let sql = "SELECT COALESCE(MAX(seq), 0) FROM kernel_search_outbox";
    let row = db
        .query_one(crate::sql::statement(db, sql, Vec::new()))
        .await?;
    Ok(row
        .map(|r| r.try_get_by_index::<i64>(0))
        .transpose()?
        .unwrap_or(0))
}

/// The oldest change kept, if any: an index whose position is before it has missed
/// changes and must be rebuilt.
pub async fn oldest(db: &impl ConnectionTrait) -> Result<Option<i64>, DbErr> {
    let sql = "SELECT MIN(seq) FROM kernel_search_outbox";
    let row = db
        .query_one(crate::sql::statement(db, sql, Vec::new()))
        .await?;
    Ok(row
        .and_then(|r| r.try_get_by_index::<Option<i64>>(0).ok())
        .flatten())
}

/// Deletes the changes noted before `before` (Unix seconds); returns how many.
pub async fn prune(db: &impl ConnectionTrait, before: i64) -> Result<u64, DbErr> {
    let sql = "DELETE FROM kernel_search_outbox WHERE noted_at < $1";
    Ok(db
        .execute(crate::sql::statement(db, sql, vec![before.into()]))
        .await?
        .rows_affected())
}
