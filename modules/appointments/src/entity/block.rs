//! `appointments_block`: slots of a day an office's staff blocked.

use sea_orm::entity::prelude::*;

/// A blocked time.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "appointments_block")]
pub struct Model {
    /// Id (UUID).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The office's export id.
    pub office: String,
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// Index of its first slot in the day's grid.
    pub first_slot: i32,
    /// How many consecutive slots.
    pub slot_count: i32,
    /// Why (shown to staff and told to the citizens whose appointments it cancelled).
    pub reason: String,
    /// Subject of who blocked it.
    pub blocked_by: String,
    /// When (Unix seconds).
    pub blocked_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
