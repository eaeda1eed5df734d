//! `info_office`: an office where citizens are served.

use sea_orm::entity::prelude::*;

/// A row of `info_office`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "info_office")]
pub struct Model {
    /// The id in the service database it was imported from.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The name citizens know it by.
    pub name: String,
    /// The department it belongs to.
    pub department: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
    /// Where it is (WGS 84).
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The length of one appointment slot, in minutes.
    pub slot_minutes: Option<i32>,
    /// Whether it takes online bookings (the export's `public`).
    pub bookable: bool,
    pub published: bool,
    pub digest: String,
    pub imported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
