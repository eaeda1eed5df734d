//! `toilets_place`: one toilet from an open-data source.

use sea_orm::entity::prelude::*;

/// A row of `toilets_place`; see [`crate::record::PlaceRecord`] for the meaning of the
/// imported columns.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "toilets_place")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub source: String,
    pub source_key: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub district: String,
    pub lat: f64,
    pub lon: f64,
    pub opening_hours: String,
    pub wheelchair: String,
    pub euro_key: bool,
    pub changing_table: bool,
    pub fee: String,
    pub access: String,
    pub operator: String,
    pub licence: String,
    pub attribution: String,
    pub published: bool,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
