//! `info_service`: one service of the information catalogue in one language.

use sea_orm::entity::prelude::*;

/// A row of `info_service`; texts are stored sanitised.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "info_service")]
pub struct Model {
    /// The id in the service database it was imported from.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Language of the texts (`de`, `en`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub locale: String,
    pub name: String,
    /// Safe HTML.
    pub description: String,
    /// Safe HTML, when the service costs something or says so.
    pub fees: Option<String>,
    /// Search words, one per line.
    pub keywords: String,
    pub leika: Option<String>,
    /// Whether appointments for it can be booked online (the export's `public`).
    pub bookable: bool,
    /// How long one person's visit takes, in minutes.
    pub duration_minutes: Option<i32>,
    /// How many people one booking may be for.
    pub max_quantity: i32,
    /// Services that may be booked with it in one visit: ids, one per line.
    pub combinable: String,
    /// Shown to citizens; an entry that left the source file is unpublished, not deleted.
    pub published: bool,
    /// Fingerprint of what was imported, so that an unchanged entry is not rewritten.
    pub digest: String,
    pub imported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
