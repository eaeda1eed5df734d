//! A `tower-sessions` store on the portal database (SQLite or PostgreSQL via sea-orm).

use async_trait::async_trait;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, SqlErr,
    sea_query::OnConflict,
};
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    cookie::time::OffsetDateTime,
    session::{Id, Record},
    session_store,
};

use super::{
    clock::Clock,
    session_entity::{ActiveModel, Column, Entity},
    signed_in::provider_sid,
};

/// How often a new id is drawn when the random one is taken (practically never).
const MAX_ID_ATTEMPTS: usize = 8;

/// A session whose data did not change is written again only when its expiry moves
/// by more than this (seconds): every request of a signed-in person extends the
/// session, and writing it each time was a database write per page. The idle timeout
/// is kept to the minute.
const EXTEND_AFTER_SECS: i64 = 60;

/// Sessions remembered as last read or written (for [`EXTEND_AFTER_SECS`]).
const REMEMBERED: usize = 100_000;

/// A session as this process last read or wrote it.
#[derive(Debug)]
struct Seen {
    data: std::collections::HashMap<String, serde_json::Value>,
    expires_at: i64,
}

/// Sessions in the `kernel_session` table; expiry is judged by `clock`.
#[derive(Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
    clock: Clock,
    seen: std::sync::Arc<quick_cache::sync::Cache<Id, std::sync::Arc<Seen>>>,
}

impl std::fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DbSessionStore").finish_non_exhaustive()
    }
}

impl DbSessionStore {
    /// A store on `db`.
    pub fn new(db: DatabaseConnection, clock: Clock) -> Self {
        Self {
            db,
            clock,
            seen: std::sync::Arc::new(quick_cache::sync::Cache::new(REMEMBERED)),
        }
    }

    /// Whether `record` (expiring at `expires_at` on the portal's clock) is what the
    /// database holds already, but for an expiry less than [`EXTEND_AFTER_SECS`]
    /// later. Every request reads its session first, so this compares with what the
    /// request found, whichever process wrote it.
    fn unchanged(&self, record: &Record, expires_at: i64) -> bool {
        self.seen.get(&record.id).is_some_and(|seen| {
            seen.data == record.data && expires_at - seen.expires_at < EXTEND_AFTER_SECS
        })
    }

    fn remember(&self, record: &Record, expires_at: i64) {
        self.seen.insert(
            record.id,
            std::sync::Arc::new(Seen {
                data: record.data.clone(),
                expires_at,
            }),
        );
    }

    /// Deletes every session signed in through the provider session `sid`; returns
    /// how many there were.
    pub async fn delete_by_provider_sid(&self, sid: &str) -> Result<u64, DbErr> {
        let result = Entity::delete_many()
            .filter(Column::ProviderSid.eq(sid))
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected)
    }
}

fn backend(err: DbErr) -> session_store::Error {
    session_store::Error::Backend(err.to_string())
}

/// The row for `record`. The session layer computes expiry from the system clock; the
/// row holds it on the portal's clock, which is what `load` and the clean-up compare.
fn row(record: &Record, clock: &Clock) -> session_store::Result<ActiveModel> {
    let data = serde_json::to_string(&record.data)
        .map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok(ActiveModel {
        id: Set(record.id.to_string()),
        data: Set(data),
        expires_at: Set(record.expiry_date.unix_timestamp() + clock.offset()),
        provider_sid: Set(provider_sid(&record.data)),
    })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        for _ in 0..MAX_ID_ATTEMPTS {
            match Entity::insert(row(record, &self.clock)?)
                .exec(&self.db)
                .await
            {
                Ok(_) => return Ok(()),
                Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    record.id = Id::default();
                }
                Err(err) => return Err(backend(err)),
            }
        }
        Err(session_store::Error::Backend("no free session id".into()))
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = row(record, &self.clock)?;
        let expires_at = *row.expires_at.as_ref();
        if self.unchanged(record, expires_at) {
            return Ok(());
        }
        Entity::insert(row)
            .on_conflict(
                OnConflict::column(Column::Id)
                    .update_columns([Column::Data, Column::ExpiresAt, Column::ProviderSid])
                    .to_owned(),
            )
            .exec(&self.db)
            .await
            .map_err(backend)?;
        self.remember(record, expires_at);
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let now = self.clock.now();
        let Some(model) = Entity::find_by_id(id.to_string())
            .filter(Column::ExpiresAt.gt(now))
            .one(&self.db)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let data = serde_json::from_str(&model.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date =
            OffsetDateTime::from_unix_timestamp(model.expires_at - self.clock.offset())
                .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let record = Record {
            id: *id,
            data,
            expiry_date,
        };
        self.remember(&record, model.expires_at);
        Ok(Some(record))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.seen.remove(id);
        Entity::delete_by_id(id.to_string())
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let now = self.clock.now();
        Entity::delete_many()
            .filter(Column::ExpiresAt.lte(now))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
