//! `forms_draft`: a form in progress.

use sea_orm::entity::prelude::*;

/// A draft: whose, which service and definition version, the answers so far (JSON),
/// the problems of the last refused post of step `problem_step` (JSON), how far the
/// citizen got, and the times (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forms_draft")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub owner: String,
    pub service_id: String,
    pub version_id: i32,
    pub answers: String,
    pub problems: Option<String>,
    pub problem_step: Option<i32>,
    pub furthest_step: i32,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
