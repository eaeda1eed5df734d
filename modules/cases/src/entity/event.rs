//! `cases_event`: the timeline of a case.

use sea_orm::entity::prelude::*;

/// One thing that happened to a case: a transition (`from_state` to `to_state`), an
/// assignment, a note (internal) or a message. `actor` is the subject, `actor_name`
/// what the timeline shows.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: String,
    pub at: i64,
    pub actor: String,
    pub actor_name: String,
    pub kind: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub body: Option<String>,
    pub internal: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
