//! What a scrape reads from the database and the pool, as gauges: the outboxes'
//! lengths and the age of their oldest waiting entry (what alerts watch), live
//! sessions, the search outbox's latest number, whether the database answered, the
//! pool's connections and how long a connection took to get, and the build.
//! A reading that fails is logged and left as it was; the rest are still served.

use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

use crate::server::AppState;

/// Each outbox: its name, and a query giving `pending` and `oldest` (Unix seconds).
const OUTBOXES: [(&str, &str); 3] = [
    (
        "mail",
        "SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM kernel_mail \
         WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL",
    ),
    (
        "webhook_deliveries",
        "SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM kernel_webhook_delivery \
         WHERE delivered_at IS NULL AND failed_at IS NULL",
    ),
    (
        "webhook_events",
        "SELECT COUNT(*) AS pending, MIN(noted_at) AS oldest FROM kernel_webhook_event \
         WHERE NOT fanned_out",
    ),
];

pub(super) fn describe() {
    metrics::describe_gauge!("portal_build_info", "The running build (always 1)");
    metrics::describe_gauge!(
        "portal_outbox_pending",
        "Entries waiting to be sent, by outbox"
    );
    metrics::describe_gauge!(
        "portal_outbox_oldest_age_seconds",
        metrics::Unit::Seconds,
        "Age of the oldest entry waiting, by outbox (0 when none waits)"
    );
    metrics::describe_gauge!("portal_sessions_live", "Sessions not yet expired");
    metrics::describe_gauge!(
        "portal_database_up",
        "Whether the database answered this scrape's readings (1) or not (0)"
    );
    metrics::describe_gauge!(
        "portal_search_outbox_latest",
        "Number of the latest change noted for the search indexes"
    );
    metrics::describe_gauge!(
        "portal_search_index_position",
        "Number of the latest change this process's index has applied, by index"
    );
    metrics::describe_gauge!(
        "portal_db_pool_connections",
        "Database connections of this process, by state (idle, busy)"
    );
    metrics::describe_gauge!(
        "portal_db_pool_max",
        "Most database connections this process opens"
    );
    metrics::describe_gauge!(
        search::case_index::GENERATION_METRIC,
        metrics::Unit::Seconds,
        "When the index generation in use was started (Unix time; a rebuild moves it)"
    );
    metrics::describe_gauge!(
        "portal_db_pool_acquire_seconds",
        metrics::Unit::Seconds,
        "How long this scrape waited for a database connection (a request waits as long)"
    );
}

pub(super) async fn refresh(state: &AppState) {
    metrics::gauge!("portal_build_info", "version" => env!("CARGO_PKG_VERSION")).set(1.0);
    let db = &state.ctx.db;
    pool(db, state.settings.database_max_connections).await;
    let now = chrono::Utc::now().timestamp();
    let mut answered = true;
    for (outbox, sql) in OUTBOXES {
        match numbers(db, sql, &["pending", "oldest"]).await {
            Ok(found) => {
                let (pending, oldest) = (found[0].unwrap_or(0), found[1]);
                metrics::gauge!("portal_outbox_pending", "outbox" => outbox).set(as_gauge(pending));
                metrics::gauge!("portal_outbox_oldest_age_seconds", "outbox" => outbox)
                    .set(oldest.map_or(0.0, |at| as_gauge((now - at).max(0))));
            }
            Err(error) => {
                answered = false;
                tracing::warn!(%error, outbox, "metrics: outbox not read");
            }
        }
    }
    let sessions = format!("SELECT COUNT(*) AS live FROM kernel_session WHERE expires_at > {now}");
    match numbers(db, &sessions, &["live"]).await {
        Ok(found) => metrics::gauge!("portal_sessions_live").set(as_gauge(found[0].unwrap_or(0))),
        Err(error) => {
            answered = false;
            tracing::warn!(%error, "metrics: sessions not read");
        }
    }
    match numbers(
        db,
        "SELECT MAX(seq) AS latest FROM kernel_search_outbox",
        &["latest"],
    )
    .await
    {
        Ok(found) => {
            metrics::gauge!("portal_search_outbox_latest").set(as_gauge(found[0].unwrap_or(0)));
        }
        Err(error) => {
            answered = false;
            tracing::warn!(%error, "metrics: search outbox not read");
        }
    }
    metrics::gauge!("portal_database_up").set(if answered { 1.0 } else { 0.0 });
}

/// The integer columns `names` of the one row `sql` gives.
async fn numbers(
    db: &DatabaseConnection,
    sql: &str,
    names: &[&str],
) -> Result<Vec<Option<i64>>, sea_orm::DbErr> {
    let row = db
        .query_one(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| sea_orm::DbErr::Custom("no row".into()))?;
    names
        .iter()
        .map(|name| row.try_get::<Option<i64>>("", name))
        .collect()
}

/// The pool's connections, and the wait for one as a request would wait (up to the
/// pool's acquire timeout when every connection is busy).
async fn pool(db: &DatabaseConnection, max: u32) {
    let started = std::time::Instant::now();
    let (size, idle) = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            let counts = (pool.size(), pool.num_idle());
            drop(pool.acquire().await);
            counts
        }
        DatabaseBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            let counts = (pool.size(), pool.num_idle());
            drop(pool.acquire().await);
            counts
        }
        DatabaseBackend::MySql => return,
    };
    metrics::gauge!("portal_db_pool_acquire_seconds").set(started.elapsed().as_secs_f64());
    let idle = u32::try_from(idle).unwrap_or(u32::MAX);
    metrics::gauge!("portal_db_pool_connections", "state" => "idle").set(f64::from(idle));
    metrics::gauge!("portal_db_pool_connections", "state" => "busy")
        .set(f64::from(size.saturating_sub(idle)));
    metrics::gauge!("portal_db_pool_max").set(f64::from(max));
}

/// A count or age as a gauge's value (exact up to 2^53, far beyond any count here).
fn as_gauge(value: i64) -> f64 {
    value as f64
}
