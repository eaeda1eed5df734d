//! `cases_file`: a document added to a case after filing.

use sea_orm::entity::prelude::*;

/// A document: `kind` is `answer` (from the citizen), `letter` (the decision) or
/// `opinion` (a consulted department's). `internal` ones only staff see (an opinion, or
/// the letter of a decision still waiting for its second pair of eyes). `event_id` is
/// the timeline entry it came with.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases_file")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub case_id: String,
    pub event_id: i32,
    pub kind: String,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub internal: bool,
    pub at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
