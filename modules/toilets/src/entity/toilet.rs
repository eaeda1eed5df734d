//! `toilets_toilet`: one public toilet with step-free access.

use sea_orm::entity::prelude::*;

/// A row of `toilets_toilet`; see [`crate::Toilet`] for the meaning of the columns.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "toilets_toilet")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub district: String,
    pub opening_hours: String,
    pub euro_key: bool,
    pub changing_table: bool,
    pub fee_cents: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
