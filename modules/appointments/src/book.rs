//! Booking a visit: its slots taken and the appointment written in one transaction,
//! or nothing at all. A time can also be held for a few minutes while the citizen
//! enters their details (or confirms their e-mail address): the hold takes the slots
//! like a booking, [`confirm`] makes it a booking, and [`release_expired`] gives the
//! slots of holds that ran out back.

use chrono::NaiveDate;
use kernel::write_transaction::begin_write;
use rand::{Rng, RngCore};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, sea_query::Expr,
};
use sha2::{Digest, Sha256};

use crate::{
    capacity::{self, TakeError, Visit},
    entity::appointment,
};

/// Who books what.
#[derive(Clone, Debug)]
pub struct Booking {
    /// The slots.
    pub visit: Visit,
    /// The services of the visit (export ids).
    pub services: Vec<String>,
    /// People it is for.
    pub persons: u32,
    /// Who books it (empty while only held).
    pub who: Details,
    /// The filed request (submission id) it is for, if any.
    pub request: Option<String>,
}

/// The citizen's details for an appointment.
#[derive(Clone, Debug, Default)]
pub struct Details {
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Phone number, if given.
    pub phone: Option<String>,
    /// The signed-in citizen's subject; `None` when not signed in.
    pub owner: Option<String>,
    /// The language of the mails.
    pub locale: String,
}

/// A booked appointment as its citizen is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booked {
    /// Its id.
    pub id: String,
    /// What the citizen quotes.
    pub reference: String,
    /// The secret of the manage link (only its hash is kept).
    pub manage_token: String,
    /// The day.
    pub day: NaiveDate,
}

/// Letters of a reference: no 0/O, 1/I/L to misread on the phone.
const REFERENCE_LETTERS: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

fn reference(rng: &mut impl Rng) -> String {
    let mut text = String::from("T-");
    for _ in 0..8 {
        let letter = REFERENCE_LETTERS[rng.random_range(0..REFERENCE_LETTERS.len())];
        text.push(char::from(letter));
    }
    text
}

/// A link's secret (256 random bits, hex) and its [`token_hash`].
pub(crate) fn manage_token(rng: &mut impl RngCore) -> (String, String) {
    let mut bytes = [0u8; 32];
    rng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = token_hash(&token);
    (token, hash)
}

/// What is kept of a link's secret: its SHA-256, hex. A secret of the wrong shape
/// hashes to something no row has.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Books `booking` at `now` (Unix seconds): its slots and the appointment, or, when a
/// slot was taken meanwhile, nothing ([`TakeError::Taken`]).
pub async fn book(
    db: &DatabaseConnection,
    booking: &Booking,
    now: i64,
) -> Result<Booked, TakeError> {
    write(db, booking, now, None).await
}

/// Holds `booking`'s time until `until` (Unix seconds): its slots are taken as by a
/// booking, and given back by [`release_expired`] unless [`confirm`]ed by then.
pub async fn hold(
    db: &DatabaseConnection,
    booking: &Booking,
    now: i64,
    until: i64,
) -> Result<Booked, TakeError> {
    write(db, booking, now, Some(until)).await
}

/// Why a hold could not be confirmed.
#[derive(Debug, thiserror::Error)]
pub enum ConfirmError {
    /// No hold with this id, or it ran out (its time may be someone else's now).
    #[error("the hold has run out")]
    Expired,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Makes hold `id` a booking, if it has not run out at `now`.
pub async fn confirm(db: &impl ConnectionTrait, id: &str, now: i64) -> Result<(), ConfirmError> {
    confirm_from(db, id, HELD, now).await
}

/// Makes appointment `id` in state `from` a booking, if its hold has not run out.
pub(crate) async fn confirm_from(
    db: &impl ConnectionTrait,
    id: &str,
    from: &str,
    now: i64,
) -> Result<(), ConfirmError> {
    let confirmed = appointment::Entity::update_many()
        .col_expr(appointment::Column::State, Expr::value(BOOKED))
        .col_expr(
            appointment::Column::HeldUntil,
            Expr::value(Option::<i64>::None),
        )
        .filter(appointment::Column::Id.eq(id))
        .filter(appointment::Column::State.eq(from))
        .filter(appointment::Column::HeldUntil.gte(now))
        .exec(db)
        .await?
        .rows_affected;
    if confirmed == 1 {
        Ok(())
    } else {
        Err(ConfirmError::Expired)
    }
}

/// Ends every hold that ran out before `now` and gives its slots back; returns how
/// many. Each hold is ended by one conditional update, so a hold confirmed at the same
/// moment keeps its slots, and a release running twice gives them back once.
pub async fn release_expired(db: &DatabaseConnection, now: i64) -> Result<u64, DbErr> {
    let expired = appointment::Entity::find()
        .filter(appointment::Column::State.is_in([HELD, UNCONFIRMED]))
        .filter(appointment::Column::HeldUntil.lt(now))
        .all(db)
        .await?;
    let mut released = 0;
    for hold in expired {
        let txn = begin_write(db).await?;
        let ended = appointment::Entity::update_many()
            .col_expr(appointment::Column::State, Expr::value(EXPIRED))
            .filter(appointment::Column::Id.eq(&hold.id))
            .filter(appointment::Column::State.is_in([HELD, UNCONFIRMED]))
            .filter(appointment::Column::HeldUntil.lt(now))
            .exec(&txn)
            .await?
            .rows_affected;
        if ended == 1 {
            capacity::give_back(&txn, &visit_of(&hold)).await?;
            released += 1;
        }
        txn.commit().await?;
    }
    Ok(released)
}

/// The slots appointment `row` takes (its capacity is not needed to give them back).
pub(crate) fn visit_of(row: &appointment::Model) -> Visit {
    Visit {
        office: row.office.clone(),
        day: NaiveDate::parse_from_str(&row.day, "%Y-%m-%d").unwrap_or_default(),
        first_slot: u32::try_from(row.first_slot).unwrap_or(0),
        slots: u32::try_from(row.slot_count).unwrap_or(0),
        capacity: 0,
    }
}

/// An appointment's states.
pub(crate) const HELD: &str = "held";
pub(crate) const UNCONFIRMED: &str = "unconfirmed";
pub(crate) const BOOKED: &str = "booked";
pub(crate) const EXPIRED: &str = "expired";
pub(crate) const CANCELLED: &str = "cancelled";

/// Takes `booking`'s slots and writes its appointment, held until `held_until` or
/// booked, in a transaction of its own.
async fn write(
    db: &DatabaseConnection,
    booking: &Booking,
    now: i64,
    held_until: Option<i64>,
) -> Result<Booked, TakeError> {
    let txn = begin_write(db).await?;
    let booked = write_in(&txn, booking, now, held_until).await?;
    txn.commit().await?;
    Ok(booked)
}

/// Takes `booking`'s slots and writes its appointment in the caller's transaction
/// `txn`, which the caller rolls back on [`TakeError::Taken`].
pub(crate) async fn write_in(
    txn: &impl ConnectionTrait,
    booking: &Booking,
    now: i64,
    held_until: Option<i64>,
) -> Result<Booked, TakeError> {
    let (reference, (token, token_hash)) = {
        let mut rng = rand::rng();
        (reference(&mut rng), manage_token(&mut rng))
    };
    capacity::take(txn, &booking.visit).await?;
    let id = uuid::Uuid::new_v4().to_string();
    let visit = &booking.visit;
    appointment::ActiveModel {
        id: Set(id.clone()),
        reference: Set(reference.clone()),
        office: Set(visit.office.clone()),
        day: Set(visit.day.format("%Y-%m-%d").to_string()),
        first_slot: Set(i32::try_from(visit.first_slot).unwrap_or(i32::MAX)),
        slot_count: Set(i32::try_from(visit.slots).unwrap_or(i32::MAX)),
        persons: Set(i32::try_from(booking.persons).unwrap_or(i32::MAX)),
        services: Set(serde_json::to_string(&booking.services).unwrap_or_default()),
        state: Set(if held_until.is_some() { HELD } else { BOOKED }.into()),
        held_until: Set(held_until),
        name: Set(booking.who.name.clone()),
        email: Set(booking.who.email.clone()),
        phone: Set(booking.who.phone.clone()),
        owner: Set(booking.who.owner.clone()),
        manage_token_hash: Set(token_hash),
        created_at: Set(now),
        locale: Set(booking.who.locale.clone()),
        confirm_token_hash: Set(None),
        reminded: Set(false),
        attendance: Set(None),
        request: Set(booking.request.clone()),
    }
    .insert(txn)
    .await?;
    Ok(Booked {
        id,
        reference,
        manage_token: token,
        day: visit.day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_easy_to_read_out_and_tokens_are_long_and_hashed() {
        let mut rng = rand::rng();
        let reference = reference(&mut rng);
        assert_eq!(reference.len(), 10);
        assert!(
            reference[2..]
                .bytes()
                .all(|b| REFERENCE_LETTERS.contains(&b))
        );
        let (token, hash) = manage_token(&mut rng);
        assert_eq!((token.len(), hash.len()), (64, 64));
        assert_ne!(token, hash);
        assert_ne!(manage_token(&mut rng).0, token);
    }
}
