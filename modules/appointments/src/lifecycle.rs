//! What happens to a held time after it is held: the citizen's details make it a
//! booking (signed in) or an appointment waiting for its e-mail address to be
//! confirmed (not signed in); the link in that mail makes it a booking; the manage link
//! cancels it. Every step is one conditional update, so a step taken twice, late, or
//! at the same moment as the release of holds that ran out happens once or not at all.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, sea_query::Expr,
};

use crate::{
    book::{
        BOOKED, CANCELLED, ConfirmError, HELD, UNCONFIRMED, confirm_from, manage_token, token_hash,
        visit_of,
    },
    capacity,
    entity::appointment,
};

pub use crate::{book::Details, entity::appointment::Model as Appointment};

/// What the details did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Booked (signed in: the address is known).
    Booked,
    /// Waits for the address to be confirmed with the link carrying this secret.
    Unconfirmed {
        /// The secret of the confirmation link (only its hash is kept).
        token: String,
    },
}

/// The appointment whose manage link carries `token`: the secret given when the time
/// was held, or the one of the link that confirmed the e-mail address.
pub async fn by_manage_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<Appointment>, DbErr> {
    let hash = token_hash(token);
    appointment::Entity::find()
        .filter(
            Condition::any()
                .add(appointment::Column::ManageTokenHash.eq(hash.clone()))
                .add(appointment::Column::ConfirmTokenHash.eq(hash)),
        )
        .one(db)
        .await
}

/// The appointment `key` names for someone: the secret of its manage link, or, for
/// the signed-in citizen who booked it (`subject`), its id (their overview links so).
pub async fn find_for(
    db: &impl ConnectionTrait,
    key: &str,
    subject: Option<&str>,
) -> Result<Option<Appointment>, DbErr> {
    if let Some(found) = by_manage_token(db, key).await? {
        return Ok(Some(found));
    }
    let Some(subject) = subject else {
        return Ok(None);
    };
    appointment::Entity::find_by_id(key)
        .filter(appointment::Column::Owner.eq(subject))
        .one(db)
        .await
}

/// The appointment whose confirmation link carries `token`.
pub async fn by_confirm_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<Appointment>, DbErr> {
    appointment::Entity::find()
        .filter(appointment::Column::ConfirmTokenHash.eq(token_hash(token)))
        .one(db)
        .await
}

/// Gives held appointment `id` its `details` at `now`: booked at once when `direct` (a
/// signed-in citizen's, or one the office's staff book for a caller), otherwise it
/// waits for the e-mail address to be confirmed until `confirm_until`.
/// [`ConfirmError::Expired`] when the hold ran out meanwhile.
pub async fn give_details(
    db: &impl ConnectionTrait,
    id: &str,
    details: &Details,
    direct: bool,
    now: i64,
    confirm_until: i64,
) -> Result<Outcome, ConfirmError> {
    let (token, hash) = manage_token(&mut rand::rng());
    let update = appointment::Entity::update_many()
        .col_expr(appointment::Column::Name, Expr::value(details.name.clone()))
        .col_expr(
            appointment::Column::Email,
            Expr::value(details.email.clone()),
        )
        .col_expr(
            appointment::Column::Phone,
            Expr::value(details.phone.clone()),
        )
        .col_expr(
            appointment::Column::Owner,
            Expr::value(details.owner.clone()),
        )
        .col_expr(
            appointment::Column::Locale,
            Expr::value(details.locale.clone()),
        );
    let update = if direct {
        update
    } else {
        update
            .col_expr(appointment::Column::State, Expr::value(UNCONFIRMED))
            .col_expr(appointment::Column::HeldUntil, Expr::value(confirm_until))
            .col_expr(appointment::Column::ConfirmTokenHash, Expr::value(hash))
    };
    let written = update
        .filter(appointment::Column::Id.eq(id))
        .filter(appointment::Column::State.eq(HELD))
        .filter(appointment::Column::HeldUntil.gte(now))
        .exec(db)
        .await?
        .rows_affected;
    if written != 1 {
        return Err(ConfirmError::Expired);
    }
    if direct {
        confirm_from(db, id, HELD, now).await?;
        Ok(Outcome::Booked)
    } else {
        Ok(Outcome::Unconfirmed { token })
    }
}

/// Confirms the e-mail address of the appointment whose confirmation link carries
/// `token`, making it a booking; returns it. [`ConfirmError::Expired`] when no
/// appointment waits for this link (never sent, used already, or run out).
pub async fn confirm_email(
    db: &impl ConnectionTrait,
    token: &str,
    now: i64,
) -> Result<Appointment, ConfirmError> {
    let waiting = appointment::Entity::find()
        .filter(appointment::Column::ConfirmTokenHash.eq(token_hash(token)))
        .filter(appointment::Column::State.eq(UNCONFIRMED))
        .one(db)
        .await?
        .ok_or(ConfirmError::Expired)?;
    confirm_from(db, &waiting.id, UNCONFIRMED, now).await?;
    appointment::Entity::find_by_id(&waiting.id)
        .one(db)
        .await?
        .ok_or(ConfirmError::Expired)
}

/// Why an appointment could not be moved.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    /// The new time was taken meanwhile.
    #[error("the time was just taken")]
    Taken,
    /// The appointment is not booked (any more).
    #[error("the appointment is not booked")]
    NotBooked,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Moves booked appointment `old` to `booking`'s time in `txn`: the new one is booked
/// with the same details, the old one cancelled and its slots given back. The caller
/// commits, or rolls back on an error.
pub async fn move_to(
    txn: &impl ConnectionTrait,
    old: &Appointment,
    booking: &crate::book::Booking,
    now: i64,
) -> Result<crate::book::Booked, MoveError> {
    let booked = crate::book::write_in(txn, booking, now, None)
        .await
        .map_err(|error| match error {
            crate::capacity::TakeError::Taken => MoveError::Taken,
            crate::capacity::TakeError::Database(error) => MoveError::Database(error),
        })?;
    let ended = appointment::Entity::update_many()
        .col_expr(appointment::Column::State, Expr::value(CANCELLED))
        .filter(appointment::Column::Id.eq(&old.id))
        .filter(appointment::Column::State.eq(BOOKED))
        .exec(txn)
        .await?
        .rows_affected;
    if ended != 1 {
        return Err(MoveError::NotBooked);
    }
    capacity::give_back(txn, &visit_of(old)).await?;
    Ok(booked)
}

/// Cancels `row` (held, waiting or booked) and gives its slots back, in the caller's
/// transaction; `false` when it was not active any more (nothing changed).
pub async fn cancel(db: &impl ConnectionTrait, row: &Appointment) -> Result<bool, DbErr> {
    let ended = appointment::Entity::update_many()
        .col_expr(appointment::Column::State, Expr::value(CANCELLED))
        .col_expr(
            appointment::Column::HeldUntil,
            Expr::value(Option::<i64>::None),
        )
        .filter(appointment::Column::Id.eq(&row.id))
        .filter(appointment::Column::State.is_in([HELD, UNCONFIRMED, BOOKED]))
        .exec(db)
        .await?
        .rows_affected;
    if ended == 1 {
        capacity::give_back(db, &visit_of(row)).await?;
    }
    Ok(ended == 1)
}
