//! `forms_service_version`: one stored version of a service definition.

use sea_orm::entity::prelude::*;

/// A definition version: its number per service, the content hash that identifies it,
/// the definition as JSON, and when the portal first saw it (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forms_service_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub service_id: String,
    pub version: i32,
    pub hash: String,
    pub definition: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
