//! Transactions that will write, begun so that they wait for other writers instead
//! of failing.
//!
//! SQLite begins a transaction as a reader and makes it a writer at its first change.
//! When another connection committed a change in between, SQLite refuses that first
//! change at once ("database is locked", `SQLITE_BUSY_SNAPSHOT`): the busy timeout does
//! not apply, because waiting could not make the transaction's snapshot current. A
//! transaction that reads before it writes (confirming an appointment reads it, then
//! books it) therefore failed whenever a background worker (the mail outbox, the
//! reminders) wrote in that moment. `BEGIN IMMEDIATE` takes the write lock first, and
//! waits for it within the busy timeout; sea-orm begins with a plain `BEGIN`, so the
//! transaction's first statement is a change that alters nothing, which takes the lock
//! the same way. PostgreSQL's transactions are not affected and begin as they are.

use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, TransactionTrait};

/// A change that alters no row but makes SQLite take the write lock: the statement is
/// compiled as a write whatever its condition. `kernel_audit_head` is the kernel's
/// own table, present in every portal database.
const TAKE_WRITE_LOCK: &str = "UPDATE kernel_audit_head SET seq = seq WHERE 0";

/// Begins a transaction (a savepoint inside one) that holds the write lock from its
/// start on SQLite; see the module's text for why.
pub async fn begin_write(db: &impl TransactionTrait) -> Result<DatabaseTransaction, DbErr> {
    #[expect(
        clippy::disallowed_methods,
        reason = "the one place a transaction begins as sea-orm begins it"
    )]
    let txn = db.begin().await?;
    if txn.get_database_backend() == DbBackend::Sqlite {
        txn.execute_unprepared(TAKE_WRITE_LOCK).await?;
    }
    Ok(txn)
}
