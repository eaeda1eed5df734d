//! Loading each module's demo content once per database.
//!
//! The row in `kernel_demo_content` is written first, in the same transaction as the
//! content: a second portal process starting at the same moment fails on the primary
//! key and rolls back, so content is never loaded twice.

use kernel::write_transaction::begin_write;
use sea_orm::{
    ConnectionTrait, DatabaseConnection,
    sea_query::{Alias, Expr, OnConflict, Query},
};

use kernel::start::{StartResult, anyhow};

use kernel::{capabilities::Capabilities, demo::DemoContent};

/// Loads the demo content of every module that has not loaded it yet.
pub async fn load(db: &DatabaseConnection, capabilities: &Capabilities) -> StartResult {
    for (id, content) in capabilities.all::<dyn DemoContent>() {
        let fail = |e: &dyn std::fmt::Display| anyhow!("demo content of `{id}`: {e}");
        let txn = begin_write(db).await.map_err(|e| fail(&e))?;
        let claim = Query::insert()
            .into_table(Alias::new("kernel_demo_content"))
            .columns([Alias::new("module_id"), Alias::new("loaded_at")])
            .values([id.into(), Expr::current_timestamp().into()])
            .map_err(|e| fail(&e))?
            .on_conflict(
                OnConflict::column(Alias::new("module_id"))
                    .do_nothing()
                    .to_owned(),
            )
            .to_owned();
        let claimed = txn
            .execute(txn.get_database_backend().build(&claim))
            .await
            .map_err(|e| fail(&e))?
            .rows_affected()
            == 1;
        if !claimed {
            continue;
        }
        content.load(&txn).await.map_err(|e| fail(&e))?;
        txn.commit().await.map_err(|e| fail(&e))?;
        tracing::info!(module = id, "demo content loaded");
    }
    Ok(())
}
