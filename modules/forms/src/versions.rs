//! Versions of definitions: when a definition's content changes, the portal records a
//! new version at start; unchanged content keeps its version.

use kernel::write_transaction::begin_write;
use std::collections::HashMap;

use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::{
    entity::service_version::{ActiveModel, Column, Entity},
    loader::Catalogue,
};

/// The stored version of a loaded definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    /// Row id, which drafts and submissions point at.
    pub id: i32,
    /// Version number per service, from 1.
    pub number: i32,
}

/// Records every definition of `catalogue` that the database does not know yet and
/// returns the version of each, by service id.
pub async fn sync(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    now: i64,
) -> Result<HashMap<String, Version>, DbErr> {
    let mut versions = HashMap::new();
    for service in &catalogue.services {
        let id = service.definition.id.clone();
        let txn = begin_write(db).await?;
        let existing = Entity::find()
            .filter(Column::ServiceId.eq(id.as_str()))
            .filter(Column::Hash.eq(service.hash.as_str()))
            .one(&txn)
            .await?;
        let version = match existing {
            Some(row) => Version {
                id: row.id,
                number: row.version,
            },
            None => {
                let latest = Entity::find()
                    .filter(Column::ServiceId.eq(id.as_str()))
                    .order_by_desc(Column::Version)
                    .one(&txn)
                    .await?
                    .map_or(0, |row| row.version);
                let definition = serde_json::to_string(service.definition.as_ref())
                    .map_err(|e| DbErr::Custom(e.to_string()))?;
                let inserted = Entity::insert(ActiveModel {
                    service_id: Set(id.clone()),
                    version: Set(latest + 1),
                    hash: Set(service.hash.clone()),
                    definition: Set(definition),
                    created_at: Set(now),
                    ..Default::default()
                })
                .exec(&txn)
                .await?;
                Version {
                    id: inserted.last_insert_id,
                    number: latest + 1,
                }
            }
        };
        txn.commit().await?;
        versions.insert(id, version);
    }
    Ok(versions)
}
