//! `cases_service`: a service cases were filed for, per department.

use sea_orm::entity::prelude::*;

/// A department's service, with its latest title as JSON (`{"de": …, "en": …}`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases_service")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub department: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_id: String,
    pub title: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
