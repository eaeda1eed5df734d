//! The booking posts: holding a time, giving the details, confirming the e-mail
//! address, cancelling. Plain HTML form posts answered with redirects
//! (post/redirect/get), so everything works without JavaScript and a reload never
//! books twice. Input that does not fit leads back to the page it came from with a
//! note saying what to change; what was typed is kept.

use kernel::write_transaction::begin_write;
use std::sync::Arc;

use axum::{
    Extension,
    extract::{DefaultBodyLimit, Path, State},
    response::{IntoResponse, Redirect, Response},
};
use chrono::{NaiveDate, Utc};
use kernel::{AppError, Identity, ModuleContext, routes::Routes, url::segment};
use sea_orm::EntityTrait;

use kernel::webhook::EventKind;

use crate::{
    book::{self, Booking, ConfirmError},
    capacity::{TakeError, Visit},
    citizen::{self, Desk},
    contact::{self, Contact},
    events,
    lifecycle::{self, Outcome},
    mails,
    plan::{self, Wish},
    slots, staff,
};

/// What the handlers share.
#[derive(Clone)]
struct Flow {
    desk: Arc<Desk>,
    ctx: ModuleContext,
}

/// Largest body of a booking post: a few short fields.
const BODY_LIMIT: usize = 16 * 1024;

/// How long a citizen who is not signed in has to confirm the e-mail address.
const CONFIRM_MINUTES: i64 = 30;

/// The module's POST endpoints.
pub fn router(desk: Arc<Desk>, ctx: &ModuleContext) -> Routes {
    Routes::new()
        .post("/termine/halten", hold)
        .post("/termine/vormerkung/{token}", details)
        .post("/termine/vormerkung/{token}/absagen", cancel)
        .post("/termine/bestaetigen/{token}", confirm)
        .map_router(|router| router.layer(DefaultBodyLimit::max(BODY_LIMIT)))
        .with_state(Flow {
            desk,
            ctx: ctx.clone(),
        })
}

fn failed(error: impl Into<AppError>) -> Response {
    let error: AppError = error.into();
    if error.status() >= 500 {
        tracing::warn!(%error, "appointments: a post failed");
    }
    error.into_response()
}

use kernel::form_body::{trimmed as value, values};

/// The calendar page of `office` for `wish`, on `day`, with `note` (a code the page
/// turns into text).
fn calendar_url(office: &str, wish: &Wish, day: Option<&str>, note: Option<&str>) -> String {
    let mut url = format!("/termine/buero/{}?{}", segment(office), wish.query());
    if let Some(day) = day {
        url.push_str(&format!("&tag={}", segment(day)));
    }
    if let Some(note) = note {
        url.push_str(&format!("&hinweis={note}"));
    }
    url
}

/// `POST /termine/halten`: holds the chosen time for a few minutes and leads to the
/// details; a time taken meanwhile leads back to the day's other free times.
async fn hold(
    State(flow): State<Flow>,
    Extension(identity): Extension<Identity>,
    client: Option<Extension<kernel::client::ClientNetwork>>,
    body: axum::body::Bytes,
) -> Response {
    let wish = Wish::from_parts(
        values(&body, "leistung"),
        value(&body, "personen").parse().unwrap_or(0),
    )
    .for_request(Some(value(&body, "antrag")));
    let office_id = value(&body, "buero");
    let day_text = value(&body, "tag");
    let ctx = &flow.ctx;
    let snapshot = match flow.desk.catalogue.get(ctx).await {
        Ok(snapshot) => snapshot,
        Err(error) => return failed(error),
    };
    let (services, offices) = (&snapshot.services, &snapshot.offices);
    if let Err(error) = plan::services(services, &wish) {
        return failed(error);
    }
    let (office, need) = match plan::at_office(offices, &office_id, &wish) {
        Ok(found) => found,
        Err(error) => return failed(error),
    };
    // A move (`statt`: the manage secret of the appointment it replaces) keeps it in
    // the way back.
    let replacing = value(&body, "statt");
    let back = |note: &str| {
        let mut url = calendar_url(&office.id, &wish, Some(&day_text), Some(note));
        if !replacing.is_empty() {
            url.push_str(&format!("&statt={}", segment(&replacing)));
        }
        Redirect::to(&url).into_response()
    };
    // Holding takes a time from everyone else for minutes: one client may do it only
    // so often (bots hoarding times), unless it paid with the proof of work.
    let proven = match (&flow.desk.proof, value(&body, "altcha")) {
        (Some(proof), solution) if !solution.is_empty() => {
            match proof
                .redeem(&ctx.db, &solution, Utc::now().timestamp())
                .await
            {
                Ok(crate::proof::Redeemed::Yes) => true,
                Ok(crate::proof::Redeemed::Refused) => return back("pruefung"),
                Err(error) => return failed(error),
            }
        }
        _ => false,
    };
    let client = client.map(|Extension(network)| network);
    if !proven
        && flow
            .desk
            .holds
            .as_ref()
            .is_some_and(|holds| !holds.allows(client))
    {
        return back("viele");
    }
    if let Some(request) = &wish.request
        && let Err(error) = for_request(ctx, &identity, request, &wish).await
    {
        return failed(error);
    }
    let Ok(day) = NaiveDate::parse_from_str(&day_text, "%Y-%m-%d") else {
        return back("tag");
    };
    let schedule = flow.desk.schedule_of(office);
    let now = Utc::now();
    if citizen::day_refused(&schedule, day, now).is_some() {
        return back("tag");
    }
    let grid = schedule.grid(day);
    let slot: Option<usize> = value(&body, "zeit").parse().ok();
    let starts = slots::bookable_starts(
        &schedule,
        &grid,
        &vec![0; grid.slots.len()],
        need as usize,
        now,
    );
    let Some(slot) = slot.filter(|s| starts.contains(s)) else {
        return back("zeit");
    };
    let booking = Booking {
        visit: Visit {
            office: office.id.clone(),
            day,
            first_slot: u32::try_from(slot).unwrap_or(u32::MAX),
            slots: need,
            capacity: grid.capacity,
        },
        services: wish.services.clone(),
        persons: wish.persons,
        who: book::Details {
            locale: kernel::Locale::DE.code().into(),
            ..book::Details::default()
        },
        request: wish.request.clone(),
    };
    if !replacing.is_empty() {
        let subject = identity.subject.as_deref();
        return moved(&flow, &replacing, subject, booking, now.timestamp(), back).await;
    }
    let until = now.timestamp() + i64::from(schedule.rules.hold_minutes) * 60;
    match book::hold(&ctx.db, &booking, now.timestamp(), until).await {
        Ok(held) => {
            flow.desk.free_days.forget(&office.id);
            Redirect::to(&format!("/termine/vormerkung/{}", held.manage_token)).into_response()
        }
        Err(TakeError::Taken) => back("vergeben"),
        Err(TakeError::Database(error)) => failed(error),
    }
}

/// Checks that `identity` may book `wish` for filed request `request`: it is theirs,
/// and its form asks for an appointment for the wish's first service.
async fn for_request(
    ctx: &ModuleContext,
    identity: &Identity,
    request: &str,
    wish: &Wish,
) -> Result<(), AppError> {
    let Some(subject) = identity.subject.as_deref() else {
        return Err(AppError::SignInRequired);
    };
    let requests = ctx
        .get::<dyn kernel::booking::RequestsForBooking>()
        .ok_or(AppError::NotFound)?;
    let filed = requests
        .request(&ctx.db, request)
        .await?
        .filter(|filed| filed.owner == subject)
        .ok_or(AppError::NotFound)?;
    if filed.service.as_deref() != wish.services.first().map(String::as_str) {
        return Err(AppError::BadRequest(
            "this request asks for an appointment for another service".into(),
        ));
    }
    Ok(())
}

/// Moves the booked appointment whose manage link carries `token` to `booking`'s time
/// (the same services and people), with the same details, and sends the new
/// confirmation, in one transaction; leads to the new appointment's page.
async fn moved(
    flow: &Flow,
    token: &str,
    subject: Option<&str>,
    mut booking: Booking,
    now: i64,
    back: impl Fn(&str) -> Response,
) -> Response {
    let db = &flow.ctx.db;
    let old = match lifecycle::find_for(db, token, subject).await {
        Ok(Some(old)) => old,
        Ok(None) => return failed(AppError::NotFound),
        Err(error) => return failed(error),
    };
    let services: Vec<String> = serde_json::from_str(&old.services).unwrap_or_default();
    if services != booking.services || u32::try_from(old.persons).ok() != Some(booking.persons) {
        return failed(AppError::BadRequest(
            "a moved appointment keeps its services and people".into(),
        ));
    }
    let old_page = Redirect::to(&format!("/termine/vormerkung/{token}")).into_response();
    if old.state != book::BOOKED {
        return old_page;
    }
    booking.who = book::Details {
        name: old.name.clone(),
        email: old.email.clone(),
        phone: old.phone.clone(),
        owner: old.owner.clone(),
        locale: old.locale.clone(),
    };
    booking.request.clone_from(&old.request);
    match move_and_tell(flow, &old, &booking, now).await {
        Ok(Moved::To(new)) => Redirect::to(&format!("/termine/vormerkung/{new}")).into_response(),
        Ok(Moved::NotBooked) => old_page,
        Ok(Moved::Taken) => back("vergeben"),
        Err(error) => failed(error),
    }
}

/// What a move came to.
enum Moved {
    /// Moved: the new appointment's manage secret.
    To(String),
    /// The new time was taken meanwhile.
    Taken,
    /// The old appointment was not booked any more.
    NotBooked,
}

/// Moves `old` to `booking` and sends the new confirmation in one transaction.
async fn move_and_tell(
    flow: &Flow,
    old: &lifecycle::Appointment,
    booking: &Booking,
    now: i64,
) -> Result<Moved, AppError> {
    let txn = begin_write(&flow.ctx.db).await?;
    let booked = match lifecycle::move_to(&txn, old, booking, now).await {
        Ok(booked) => booked,
        Err(lifecycle::MoveError::Taken) => return Ok(Moved::Taken),
        Err(lifecycle::MoveError::NotBooked) => return Ok(Moved::NotBooked),
        Err(lifecycle::MoveError::Database(error)) => return Err(error.into()),
    };
    let row = crate::entity::appointment::Entity::find_by_id(&booked.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    events::tell(
        &txn,
        &flow.desk,
        EventKind::AppointmentMoved,
        &row,
        Some(old),
        now,
    )
    .await?;
    let mail = mails::booked(
        &flow.ctx,
        &flow.desk,
        &row,
        &booked.manage_token,
        "appointments-mail-moved",
        now,
    )
    .await?;
    mails::send(&txn, &mail, now).await?;
    txn.commit().await?;
    flow.desk.free_days.forget(&old.office);
    flow.desk.free_days.forget(&booking.visit.office);
    Ok(Moved::To(booked.manage_token))
}

/// `POST /termine/vormerkung/{token}`: the details for a held time. Signed in, the
/// appointment is booked; otherwise it waits for the e-mail address to be confirmed.
async fn details(
    State(flow): State<Flow>,
    Path(token): Path<String>,
    Extension(identity): Extension<Identity>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let locale = kernel::i18n::request_locale(&headers);
    let db = &flow.ctx.db;
    let row = match lifecycle::by_manage_token(db, &token).await {
        Ok(Some(row)) => row,
        Ok(None) => return failed(AppError::NotFound),
        Err(error) => return failed(error),
    };
    let page = format!("/termine/vormerkung/{token}");
    let typed = Contact {
        name: value(&body, "name"),
        email: value(&body, "email"),
        phone: value(&body, "telefon"),
    };
    let entered = contact::entered(&typed, &identity);
    if let Err(field) = contact::check(&entered) {
        // Keep what was typed, so the page shows it with the note.
        if let Err(error) = contact::keep(db, &row.id, &entered).await {
            return failed(error);
        }
        return Redirect::to(&format!("{page}?fehler={field}")).into_response();
    }
    // Against hoarding: so many coming appointments per address and service.
    let services: Vec<String> = serde_json::from_str(&row.services).unwrap_or_default();
    let today = kernel::time::today().format("%Y-%m-%d").to_string();
    match contact::coming_for(db, &entered.email, &services, &today, &row.id).await {
        Ok(coming) if coming >= flow.desk.most_per_address as usize => {
            if let Err(error) = contact::keep(db, &row.id, &entered).await {
                return failed(error);
            }
            return Redirect::to(&format!("{page}?fehler=zuviele")).into_response();
        }
        Ok(_) => {}
        Err(error) => return failed(error),
    }
    let now = Utc::now().timestamp();
    // Staff of the office book for a caller at once (the caller is on the phone);
    // staff elsewhere book like anyone without an account.
    let staff = contact::is_staff(&identity);
    let by_phone = staff
        && staff::served_office(&flow.ctx, &flow.desk, &identity, &row.office)
            .await
            .is_ok();
    let details = lifecycle::Details {
        name: entered.name.clone(),
        email: entered.email.clone(),
        phone: (!entered.phone.is_empty()).then(|| entered.phone.clone()),
        owner: identity.subject.clone().filter(|_| !staff),
        locale: locale.code().to_owned(),
    };
    let booker = by_phone.then_some(&identity);
    match booked_or_waiting(&flow, &row, &details, booker, &token, now).await {
        Ok(()) => Redirect::to(&page).into_response(),
        Err(error) => failed(error),
    }
}

/// Gives held `row` its `details` and sends what follows (the confirmation, or the
/// link to confirm the address) in the same transaction. A hold that ran out meanwhile
/// changes nothing; its page then says so.
async fn booked_or_waiting(
    flow: &Flow,
    row: &lifecycle::Appointment,
    details: &lifecycle::Details,
    by_phone: Option<&Identity>,
    manage_token: &str,
    now: i64,
) -> Result<(), AppError> {
    let txn = begin_write(&flow.ctx.db).await?;
    let direct = details.owner.is_some() || by_phone.is_some();
    let until = now + CONFIRM_MINUTES * 60;
    let outcome = lifecycle::give_details(&txn, &row.id, details, direct, now, until).await;
    if let (Ok(Outcome::Booked), Some(staff)) = (&outcome, by_phone) {
        let entry = staff::audit(staff, "appointment-phone-booking", &row.reference, now);
        kernel::audit::record(&txn, &entry).await?;
    }
    let mut written = row.clone();
    written.name.clone_from(&details.name);
    written.email.clone_from(&details.email);
    written.locale.clone_from(&details.locale);
    let mail = match outcome {
        Ok(Outcome::Booked) => {
            events::tell(
                &txn,
                &flow.desk,
                EventKind::AppointmentBooked,
                &written,
                None,
                now,
            )
            .await?;
            mails::booked(
                &flow.ctx,
                &flow.desk,
                &written,
                manage_token,
                "appointments-mail-booked",
                now,
            )
            .await?
        }
        Ok(Outcome::Unconfirmed { token }) => {
            mails::confirm_address(&written, &token, CONFIRM_MINUTES)
        }
        Err(ConfirmError::Expired) => return Ok(()),
        Err(ConfirmError::Database(error)) => return Err(error.into()),
    };
    mails::send(&txn, &mail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// `POST /termine/bestaetigen/{token}`: the link from the mail, confirming the e-mail
/// address; the appointment is booked and its confirmation sent.
async fn confirm(State(flow): State<Flow>, Path(token): Path<String>) -> Response {
    match lifecycle::by_confirm_token(&flow.ctx.db, &token).await {
        Ok(Some(_)) => {}
        Ok(None) => return failed(AppError::NotFound),
        Err(error) => return failed(error),
    }
    let now = Utc::now().timestamp();
    let page = format!("/termine/bestaetigen/{token}");
    match confirmed(&flow, &token, now).await {
        Ok(()) => Redirect::to(&page).into_response(),
        Err(error) => failed(error),
    }
}

/// Books the appointment waiting for the link with `token`, and sends its
/// confirmation, in one transaction. The confirmation link also manages the
/// appointment: only the address's owner has it. A link used already or run out
/// changes nothing; its page says so.
async fn confirmed(flow: &Flow, token: &str, now: i64) -> Result<(), AppError> {
    let txn = begin_write(&flow.ctx.db).await?;
    let row = match lifecycle::confirm_email(&txn, token, now).await {
        Ok(row) => row,
        Err(ConfirmError::Expired) => return Ok(()),
        Err(ConfirmError::Database(error)) => return Err(error.into()),
    };
    events::tell(
        &txn,
        &flow.desk,
        EventKind::AppointmentBooked,
        &row,
        None,
        now,
    )
    .await?;
    let mail = mails::booked(
        &flow.ctx,
        &flow.desk,
        &row,
        token,
        "appointments-mail-booked",
        now,
    )
    .await?;
    mails::send(&txn, &mail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// `POST /termine/vormerkung/{token}/absagen`: cancels the appointment and frees its
/// time.
async fn cancel(
    State(flow): State<Flow>,
    Path(token): Path<String>,
    Extension(identity): Extension<Identity>,
) -> Response {
    let db = &flow.ctx.db;
    let row = match lifecycle::find_for(db, &token, identity.subject.as_deref()).await {
        Ok(Some(row)) => row,
        Ok(None) => return failed(AppError::NotFound),
        Err(error) => return failed(error),
    };
    if let Err(error) = cancelled(&flow, &row, Utc::now().timestamp()).await {
        return failed(error);
    }
    Redirect::to(&format!("/termine/vormerkung/{token}")).into_response()
}

/// Cancels `row` and, when it was booked, tells the citizen and the subscribers, in
/// one transaction. (The mail is written first: it shows the appointment as it was.)
async fn cancelled(flow: &Flow, row: &lifecycle::Appointment, now: i64) -> Result<(), AppError> {
    let was_booked = row.state == book::BOOKED;
    let mail = if was_booked {
        Some(
            mails::about_appointment(
                &flow.ctx,
                &flow.desk,
                row,
                "appointments-mail-cancelled",
                now,
            )
            .await?,
        )
    } else {
        None
    };
    let txn = begin_write(&flow.ctx.db).await?;
    if lifecycle::cancel(&txn, row).await?
        && let Some(mail) = mail
    {
        mails::send(&txn, &mail, now).await?;
        events::tell(
            &txn,
            &flow.desk,
            EventKind::AppointmentCancelled,
            row,
            None,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    flow.desk.free_days.forget(&row.office);
    Ok(())
}
