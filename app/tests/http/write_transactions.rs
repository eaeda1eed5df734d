//! A transaction that reads before it writes waits for another writer on SQLite
//! instead of failing at its first change (what confirming an appointment does while
//! the mail outbox marks a mail sent).

use std::time::Duration;

use kernel::write_transaction::begin_write;
use sea_orm::ConnectionTrait;

use crate::support::{Backend, run, spawn_app};

#[test]
fn a_transaction_that_reads_first_keeps_its_turn_while_another_connection_writes() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let txn = begin_write(&app.state.ctx.db).await.unwrap();
        txn.execute_unprepared("SELECT seq FROM kernel_audit_head")
            .await
            .unwrap();

        // Another connection changes the database meanwhile: it waits for the
        // transaction, which would otherwise be refused its change below.
        let other = sea_orm::Database::connect(&app.state.settings.database_url)
            .await
            .unwrap();
        let meanwhile = tokio::spawn(async move {
            other
                .execute_unprepared("CREATE TABLE test_meanwhile (n INTEGER)")
                .await
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !meanwhile.is_finished(),
            "the other writer waits for the transaction begun first"
        );

        txn.execute_unprepared("CREATE TABLE test_ours (n INTEGER)")
            .await
            .expect("the transaction's change is not refused");
        txn.commit().await.unwrap();
        tokio::time::timeout(Duration::from_secs(10), meanwhile)
            .await
            .expect("the other writer goes on once the transaction is committed")
            .unwrap()
            .expect("and its change is made");
    });
}
