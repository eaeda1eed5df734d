//! Taking a service offline and back: while offline, the service page says so and
//! nobody can start or file a request for it; drafts stay, and running cases go on.

use std::collections::HashSet;

use kernel::sql::statement;
use sea_orm::{ConnectionTrait, DbErr};

/// Whether service `service_id` is offline.
pub async fn is_offline(db: &impl ConnectionTrait, service_id: &str) -> Result<bool, DbErr> {
    Ok(db
        .query_one(statement(
            db,
            "SELECT 1 FROM forms_service_offline WHERE service_id = $1",
            vec![service_id.into()],
        ))
        .await?
        .is_some())
}

/// Every service that is offline.
pub async fn offline(db: &impl ConnectionTrait) -> Result<HashSet<String>, DbErr> {
    let rows = db
        .query_all(statement(
            db,
            "SELECT service_id FROM forms_service_offline",
            Vec::new(),
        ))
        .await?;
    rows.iter()
        .map(|row| row.try_get_by_index::<String>(0))
        .collect()
}

/// Takes service `service_id` offline (`online` false) or back online, on behalf of
/// `by_name`; returns whether that changed anything.
pub async fn set(
    db: &impl ConnectionTrait,
    service_id: &str,
    online: bool,
    by_name: &str,
    now: i64,
) -> Result<bool, DbErr> {
    let done = if online {
        db.execute(statement(
            db,
            "DELETE FROM forms_service_offline WHERE service_id = $1",
            vec![service_id.into()],
        ))
        .await?
    } else {
        db.execute(statement(
            db,
            "INSERT INTO forms_service_offline (service_id, since, by_name) VALUES ($1, $2, $3) \
             ON CONFLICT (service_id) DO NOTHING",
            vec![
                service_id.into(),
                now.into(),
                by_name.chars().take(200).collect::<String>().into(),
            ],
        ))
        .await?
    };
    Ok(done.rows_affected() == 1)
}
