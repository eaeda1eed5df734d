//! The inbox's server functions: the page and the suggestions while typing.

use kernel::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::model::LONGEST_SEARCH;
use super::model::{InboxFilter, InboxPage};

/// The inbox of the signed-in caseworker.
#[server(endpoint = "cases/inbox")]
pub async fn inbox(filter: InboxFilter) -> Result<InboxPage, AppError> {
    let identity =
        kernel::access::authorize(&kernel::Requirement::any_role(&[kernel::Role::Caseworker]))?;
    let ctx = crate::pages::ssr::context()?;
    let now = chrono::Utc::now().timestamp();
    if let Some(seen) = use_context::<crate::directory::SeenStaff>() {
        crate::directory::record_staff(&ctx.db, &seen, &identity, now).await?;
    }
    if filter.search.is_some() {
        return match super::search::page(&ctx, &identity, &filter, now).await? {
            super::search::Outcome::Page(page) => Ok(page),
            super::search::Outcome::Case(id) => {
                leptos_axum::redirect(&format!("/bearbeitung/faelle/{id}"));
                Ok(InboxPage::default())
            }
        };
    }
    Ok(super::query::page(&ctx.db, &identity, &filter, now).await?)
}

/// Cases suggested at most while typing.
pub const SUGGESTED: usize = 6;

/// Cases of the caseworker's departments for what is being typed in the inbox search
/// (the last word may be the beginning of a name or reference): reference, applicant
/// and service as the link text.
#[server(endpoint = "cases/suggest")]
pub async fn suggest_cases(q: String) -> Result<Vec<kernel::suggest_field::Suggestion>, AppError> {
    let identity =
        kernel::access::authorize(&kernel::Requirement::any_role(&[kernel::Role::Caseworker]))?;
    let ctx = crate::pages::ssr::context()?;
    let typed: String = q.chars().take(LONGEST_SEARCH).collect();
    super::search::suggestions(&ctx, &identity, &typed, SUGGESTED).await
}
