//! `kernel_session`: one row per server-side session.

use sea_orm::entity::prelude::*;

/// A stored session: its id (the cookie value), its data as JSON, its expiry in Unix
/// seconds, and the identity provider's session id when someone signed in there.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kernel_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub data: String,
    pub expires_at: i64,
    pub provider_sid: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
