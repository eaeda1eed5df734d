//! `forms_submission`: a filed request.

use sea_orm::entity::prelude::*;

/// A submission: its reference number, the draft it came from (unique: one
/// submission per draft), whose, which service and version, the answers (JSON), when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forms_submission")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub reference: String,
    pub draft_id: String,
    pub owner: String,
    pub service_id: String,
    pub version_id: i32,
    pub answers: String,
    pub submitted_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
