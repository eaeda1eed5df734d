//! `cases_case`: one case per filed request.

use sea_orm::entity::prelude::*;

/// A case. `version` counts every change: an update names the version it read, so of
/// two caseworkers acting at once one wins and the other is told.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases_case")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub reference: String,
    pub submission_id: String,
    pub service_id: String,
    /// The service title when filed, as JSON (`{"de": …, "en": …}`).
    pub service_title: String,
    pub version_id: i32,
    pub department: String,
    pub team: Option<String>,
    pub owner: String,
    pub applicant: String,
    pub assignee: Option<String>,
    pub assignee_name: Option<String>,
    pub state: String,
    pub outcome: Option<String>,
    pub reason: Option<String>,
    pub proposed_by: Option<String>,
    pub consulted: Option<String>,
    pub version: i32,
    pub submitted_at: i64,
    pub updated_at: i64,
    pub due_at: i64,
    pub paused_since: Option<i64>,
    /// The citizen's e-mail address when they filed, for notifications.
    pub contact_email: Option<String>,
    /// The language they filed in (`de`, `en`).
    pub contact_locale: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
