//! `info_office_booking`: which service can be booked at which office, and how many
//! slots one person needs for it there.

use sea_orm::entity::prelude::*;

/// A row of `info_office_booking`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "info_office_booking")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub office_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_id: String,
    /// Slots one person needs (at least 1).
    pub slots: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
