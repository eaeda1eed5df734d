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

/// Sessions in the `kernel_session` table; expiry is judged by `clock`.
#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: DatabaseConnection,
    clock: Clock,
}

impl DbSessionStore {
    /// A store on `db`.
    pub fn new(db: DatabaseConnection, clock: Clock) -> Self {
        Self { db, clock }
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
        Entity::insert(row(record, &self.clock)?)
            .on_conflict(
                OnConflict::column(Column::Id)
                    .update_columns([Column::Data, Column::ExpiresAt, Column::ProviderSid])
                    .to_owned(),
            )
            .exec(&self.db)
            .await
            .map_err(backend)?;
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
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
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
