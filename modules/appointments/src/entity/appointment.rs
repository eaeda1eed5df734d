//! `appointments_appointment`: one visit at an office, held or booked.

use sea_orm::entity::prelude::*;

/// An appointment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "appointments_appointment")]
pub struct Model {
    /// Id (UUID).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// What the citizen quotes.
    pub reference: String,
    /// The office's export id.
    pub office: String,
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// Index of its first slot in the day's grid.
    pub first_slot: i32,
    /// How many consecutive slots it takes.
    pub slot_count: i32,
    /// People it is for.
    pub persons: i32,
    /// The services of the visit, as a JSON array of export ids.
    pub services: String,
    /// `held`, `unconfirmed` (waits for its e-mail address to be confirmed), `booked`,
    /// `expired`, `cancelled`.
    pub state: String,
    /// Until when a hold keeps the slots (Unix seconds).
    pub held_until: Option<i64>,
    /// The citizen's name.
    pub name: String,
    /// Where the confirmation goes.
    pub email: String,
    /// Phone number, if given.
    pub phone: Option<String>,
    /// The signed-in citizen's subject.
    pub owner: Option<String>,
    /// SHA-256 of the token in the manage link (hex).
    pub manage_token_hash: String,
    /// When it was made (Unix seconds).
    pub created_at: i64,
    /// The language its mails are written in.
    pub locale: String,
    /// SHA-256 of the secret in the link that confirms the e-mail address (hex), while
    /// it waits for that.
    pub confirm_token_hash: Option<String>,
    /// Whether the reminder the day before went out.
    pub reminded: bool,
    /// What the office noted on the day: `arrived`, `done`, `no_show`.
    pub attendance: Option<String>,
    /// The filed request (submission id) it was booked for.
    pub request: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
