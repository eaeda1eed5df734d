//! The booking pages' server functions.

use kernel::AppError;
use leptos::prelude::*;

use crate::view::{AppointmentView, Calendar, Choice, OfficeItem, Offices, ServiceItem, StaffDay};

/// Longest id or secret asked for; longer ones name nothing.
#[cfg(feature = "ssr")]
const LONGEST: usize = 128;

#[cfg(feature = "ssr")]
fn context() -> Result<(kernel::ModuleContext, std::sync::Arc<crate::citizen::Desk>), AppError> {
    Ok((
        use_context::<kernel::ModuleContext>().ok_or(AppError::Internal)?,
        use_context::<std::sync::Arc<crate::citizen::Desk>>().ok_or(AppError::NotFound)?,
    ))
}

#[cfg(feature = "ssr")]
fn locale() -> &'static str {
    kernel::i18n::use_i18n().locale.code()
}

#[cfg(feature = "ssr")]
fn checked(texts: &[String]) -> Result<(), AppError> {
    if texts.len() > crate::plan::MOST_SERVICES * 2 || texts.iter().any(|t| t.len() > LONGEST) {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Every service that can be booked, by name.
#[server(endpoint = "appointments/services")]
pub async fn appointment_services() -> Result<Vec<ServiceItem>, AppError> {
    let (ctx, desk) = context()?;
    crate::citizen::services(&ctx, &desk, locale()).await
}

/// Service `id` with the number of people and the services it may be combined with.
#[server(endpoint = "appointments/choice")]
pub async fn appointment_choice(id: String) -> Result<Choice, AppError> {
    checked(std::slice::from_ref(&id))?;
    let (ctx, desk) = context()?;
    crate::citizen::choice(&ctx, &desk, &id, locale()).await
}

/// The offices for `services` and `persons`, by earliest free day or by distance from
/// postcode `near` or the browser's position `here` (`lat,lon`).
#[server(endpoint = "appointments/offices")]
pub async fn appointment_offices(
    services: Vec<String>,
    persons: u32,
    near: Option<String>,
    here: Option<String>,
) -> Result<Offices, AppError> {
    checked(&services)?;
    let (ctx, desk) = context()?;
    let wish = crate::plan::Wish::from_parts(services, persons);
    let near = near.filter(|n| n.len() <= 16);
    let here = here.filter(|h| h.len() <= 40);
    crate::citizen::offices(
        &ctx,
        &desk,
        &wish,
        crate::citizen::Near {
            postcode: near.as_deref(),
            here: here.as_deref(),
        },
        locale(),
        chrono::Utc::now(),
    )
    .await
}

/// Office `office`'s free days for the wish, and the free times of `day` when given.
#[server(endpoint = "appointments/calendar")]
pub async fn appointment_calendar(
    office: String,
    services: Vec<String>,
    persons: u32,
    day: Option<String>,
) -> Result<Calendar, AppError> {
    checked(&services)?;
    checked(std::slice::from_ref(&office))?;
    let (ctx, desk) = context()?;
    let wish = crate::plan::Wish::from_parts(services, persons);
    let day = day.filter(|d| d.len() <= 10);
    crate::citizen::calendar(
        &ctx,
        &desk,
        &wish,
        &office,
        day.as_deref(),
        locale(),
        chrono::Utc::now(),
    )
    .await
}

/// The appointment whose manage link carries `token` (or, for the signed-in citizen
/// who booked it, whose id it is); a held one shows what the sign-in provides for the
/// details.
#[server(endpoint = "appointments/appointment")]
pub async fn appointment_by_token(token: String) -> Result<AppointmentView, AppError> {
    checked(std::slice::from_ref(&token))?;
    let (ctx, desk) = context()?;
    let identity = use_context::<kernel::Identity>().unwrap_or_default();
    let row = crate::lifecycle::find_for(&ctx.db, &token, identity.subject.as_deref())
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now().timestamp();
    let mut view = crate::citizen::appointment_view(&ctx, &desk, &row, locale(), now).await?;
    if row.state == crate::book::HELD
        && identity.subject.is_some()
        && !crate::contact::is_staff(&identity)
    {
        if let Some(name) = crate::contact::signed_in_name(&identity) {
            view.name = name;
            view.name_fixed = true;
        }
        if let Some(email) = identity.profile.email.filter(|e| !e.trim().is_empty()) {
            view.email = email;
            view.email_fixed = true;
        }
    }
    Ok(view)
}

/// The appointment whose confirmation link carries `token`.
#[server(endpoint = "appointments/confirmation")]
pub async fn appointment_by_confirm_token(token: String) -> Result<AppointmentView, AppError> {
    checked(std::slice::from_ref(&token))?;
    let (ctx, desk) = context()?;
    let row = crate::lifecycle::by_confirm_token(&ctx.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now().timestamp();
    crate::citizen::appointment_view(&ctx, &desk, &row, locale(), now).await
}

/// The offices the signed-in caseworker serves.
#[server(endpoint = "appointments/staff-offices")]
pub async fn staff_offices() -> Result<Vec<OfficeItem>, AppError> {
    let identity =
        kernel::access::authorize(&kernel::Requirement::any_role(&[kernel::Role::Caseworker]))?;
    let (ctx, desk) = context()?;
    crate::staff::offices(&ctx, &desk, &identity).await
}

/// Office `office`'s appointments on `day` (today when not given), for its staff.
#[server(endpoint = "appointments/office-day")]
pub async fn office_day(office: String, day: Option<String>) -> Result<StaffDay, AppError> {
    let identity =
        kernel::access::authorize(&kernel::Requirement::any_role(&[kernel::Role::Caseworker]))?;
    checked(std::slice::from_ref(&office))?;
    let (ctx, desk) = context()?;
    let day = match day {
        Some(day) => chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
            .map_err(|_| AppError::BadRequest("not a day like 2026-12-24".into()))?,
        None => kernel::time::today(),
    };
    crate::staff::day_list(&ctx, &desk, &identity, &office, day).await
}
