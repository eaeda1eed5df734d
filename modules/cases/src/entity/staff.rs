//! `cases_staff`: caseworkers who have worked in the portal.

use sea_orm::entity::prelude::*;

/// A caseworker as last seen: name and departments (JSON list) from their sign-in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases_staff")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    pub name: String,
    pub departments: String,
    pub seen_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
