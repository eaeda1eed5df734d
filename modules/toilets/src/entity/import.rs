//! `toilets_import`: one import of a source file, with what it changed.

use sea_orm::entity::prelude::*;

/// A row of `toilets_import`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "toilets_import")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub source: String,
    pub file: String,
    pub at: DateTimeUtc,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub unpublished: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
