//! `cases_count`: cases per department, service and state.

use sea_orm::entity::prelude::*;

/// How many cases of `service_id` in `department` are in `state`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub department: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub state: String,
    pub count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
