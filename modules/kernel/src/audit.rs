//! The audit trail: who did or saw what, when, on which case. Every module records a
//! change through [`record`], inside the transaction of the change it records, so a
//! change and its entry exist together or not at all; what was only seen goes through
//! the process's [`ReadLog`], written in batches. Entries are append-only and chained:
//! each carries the SHA-256 of its content and of the entry before, so editing,
//! removing or inserting a row breaks the chain at that row, which [`verify`] finds.

mod read_log;

use sea_orm::{ConnectionTrait, DbErr, TransactionTrait};

pub use read_log::ReadLog;

use crate::{sql::statement, upload::sha256_hex};

/// What happened, as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// When (Unix seconds).
    pub at: i64,
    /// Subject of who did it.
    pub actor: String,
    /// Their name when they did it.
    pub actor_name: String,
    /// What: an action on a case (`claim`, `approve` …), `read`, `download`, `export` ….
    pub action: String,
    /// The case it concerns, if one.
    pub case_id: Option<String>,
    /// Non-personal detail (a file id, a filter).
    pub detail: Option<String>,
}

/// The hash of `entry` as entry number `seq` after `prev`.
fn chain_hash(seq: i64, entry: &AuditEntry, prev: &str) -> String {
    let text = format!(
        "{seq}\n{}\n{}\n{}\n{}\n{}\n{}\n{prev}",
        entry.at,
        entry.actor,
        entry.actor_name,
        entry.action,
        entry.case_id.as_deref().unwrap_or(""),
        entry.detail.as_deref().unwrap_or(""),
    );
    sha256_hex(text.as_bytes())
}

/// Longest name kept with an entry (longer ones are cut before hashing).
const LONGEST_NAME: usize = 200;

/// Rows written per `INSERT` by [`record_all`]: nine values each, well below the
/// parameter limits of SQLite (32,766) and PostgreSQL (65,535).
const ROWS_PER_INSERT: usize = 1000;

/// Appends `entry`. Call it inside the transaction of the change it records (it works
/// in a savepoint there, in a transaction of its own otherwise); the chain's head is
/// updated first, which makes appends wait for each other.
pub async fn record(db: &impl TransactionTrait, entry: &AuditEntry) -> Result<(), DbErr> {
    record_all(db, std::slice::from_ref(entry)).await
}

/// Appends `entries` in their order, as [`record`] does one (imports and seeded data
/// write many at once).
pub async fn record_all(db: &impl TransactionTrait, entries: &[AuditEntry]) -> Result<(), DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    let count = i64::try_from(entries.len()).map_err(|e| DbErr::Custom(e.to_string()))?;
    let txn = crate::write_transaction::begin_write(db).await?;
    // The head moves first: it gives these entries their numbers and the hash of the
    // entry before them, and holds other appends back until this one is committed.
    let head = txn
        .query_one(statement(
            &txn,
            "UPDATE kernel_audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash",
            vec![count.into()],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("kernel_audit_head".into()))?;
    let last: i64 = head.try_get_by_index(0)?;
    let mut prev: String = head.try_get_by_index(1)?;
    let mut seq = last - count;
    for chunk in entries.chunks(ROWS_PER_INSERT) {
        let mut values = Vec::with_capacity(chunk.len() * 9);
        let mut rows = Vec::with_capacity(chunk.len());
        for entry in chunk {
            seq += 1;
            let entry = AuditEntry {
                actor_name: entry.actor_name.chars().take(LONGEST_NAME).collect(),
                ..entry.clone()
            };
            let hash = chain_hash(seq, &entry, &prev);
            let first = values.len() + 1;
            rows.push(format!(
                "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                first,
                first + 1,
                first + 2,
                first + 3,
                first + 4,
                first + 5,
                first + 6,
                first + 7,
                first + 8
            ));
            values.extend([
                seq.into(),
                entry.at.into(),
                entry.actor.into(),
                entry.actor_name.into(),
                entry.action.into(),
                entry.case_id.into(),
                entry.detail.into(),
                std::mem::replace(&mut prev, hash.clone()).into(),
                hash.into(),
            ]);
        }
        txn.execute(statement(
            &txn,
            &format!(
                "INSERT INTO kernel_audit (seq, at, actor, actor_name, action, case_id, detail, \
                 prev_hash, hash) VALUES {}",
                rows.join(", ")
            ),
            values,
        ))
        .await?;
    }
    txn.execute(statement(
        &txn,
        "UPDATE kernel_audit_head SET hash = $1 WHERE id = 1",
        vec![prev.into()],
    ))
    .await?;
    txn.commit().await
}

/// What checking the chain found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every entry is unchanged and in place; how many there are.
    Intact(i64),
    /// The first entry that does not fit the chain, and why.
    Broken {
        /// Its number (or the number missing).
        seq: i64,
        /// What does not fit.
        reason: String,
    },
}

/// Entries read per query while verifying.
const VERIFY_BATCH: i64 = 10_000;

/// Recomputes the chain from the first entry to the head.
pub async fn verify(db: &impl ConnectionTrait) -> Result<Verdict, DbErr> {
    let mut prev = "0".repeat(64);
    let mut expected = 1_i64;
    loop {
        let rows = db
            .query_all(statement(
                db,
                "SELECT seq, at, actor, actor_name, action, case_id, detail, prev_hash, hash \
                 FROM kernel_audit WHERE seq >= $1 ORDER BY seq LIMIT $2",
                vec![expected.into(), VERIFY_BATCH.into()],
            ))
            .await?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            let seq: i64 = row.try_get_by_index(0)?;
            let broken = |reason: &str| {
                Ok(Verdict::Broken {
                    seq: expected,
                    reason: reason.to_owned(),
                })
            };
            if seq != expected {
                return broken("an entry is missing");
            }
            let entry = AuditEntry {
                at: row.try_get_by_index(1)?,
                actor: row.try_get_by_index(2)?,
                actor_name: row.try_get_by_index(3)?,
                action: row.try_get_by_index(4)?,
                case_id: row.try_get_by_index(5)?,
                detail: row.try_get_by_index(6)?,
            };
            let prev_hash: String = row.try_get_by_index(7)?;
            let hash: String = row.try_get_by_index(8)?;
            if prev_hash != prev {
                return broken("it does not name the entry before");
            }
            if chain_hash(seq, &entry, &prev) != hash {
                return broken("its content was changed");
            }
            prev = hash;
            expected += 1;
        }
    }
    let head = db
        .query_one(statement(
            db,
            "SELECT seq, hash FROM kernel_audit_head WHERE id = 1",
            Vec::new(),
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("kernel_audit_head".into()))?;
    let head_seq: i64 = head.try_get_by_index(0)?;
    let head_hash: String = head.try_get_by_index(1)?;
    if head_seq != expected - 1 || head_hash != prev {
        return Ok(Verdict::Broken {
            seq: expected,
            reason: "entries after it were removed".into(),
        });
    }
    Ok(Verdict::Intact(expected - 1))
}
