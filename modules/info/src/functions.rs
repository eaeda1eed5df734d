//! The catalogue's server functions: one service, and the list from A to Z.

use kernel::AppError;
use leptos::prelude::*;

use crate::view::{ListedService, ServiceView};

/// Longest id asked for; the catalogue's ids are shorter.
#[cfg(feature = "ssr")]
const LONGEST_ID: usize = 32;

/// The published service `id` in the page's language (German when not translated);
/// `NotFound` when there is none.
#[server(endpoint = "info/service")]
pub async fn info_service(id: String) -> Result<ServiceView, AppError> {
    if id.len() > LONGEST_ID {
        return Err(AppError::NotFound);
    }
    let ctx = use_context::<kernel::ModuleContext>().ok_or(AppError::Internal)?;
    let locale = kernel::i18n::use_i18n().locale;
    let mut service = crate::read::service(&ctx.db, &id, locale.code())
        .await
        .map_err(AppError::from)?
        .ok_or(AppError::NotFound)?;
    service.booking = crate::booking::booking_href(&ctx, &id).await?;
    Ok(service)
}

/// Every published service by name, in the page's language (German when not
/// translated).
#[server(endpoint = "info/services")]
pub async fn info_services() -> Result<Vec<ListedService>, AppError> {
    let db = use_context::<kernel::ModuleContext>()
        .ok_or(AppError::Internal)?
        .db;
    let locale = kernel::i18n::use_i18n().locale;
    crate::read::list(&db, locale.code())
        .await
        .map_err(AppError::from)
}
