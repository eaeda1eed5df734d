//! `forms_design`: one version of a service built in the portal.

use sea_orm::entity::prelude::*;

/// A designed version: the service's file (repository format), which service and
/// department it names once it parses, its state, and who wrote, proposed and
/// published it (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forms_design")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub service_id: Option<String>,
    pub department: Option<String>,
    pub source: String,
    pub state: String,
    pub author_subject: String,
    pub author_name: String,
    pub proposed_by_subject: Option<String>,
    pub proposed_by_name: Option<String>,
    pub published_by_name: Option<String>,
    pub changed_at: i64,
    pub published_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
