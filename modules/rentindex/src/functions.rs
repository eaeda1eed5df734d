//! The server functions of the rent index pages.

use kernel::AppError;
use leptos::prelude::*;

use crate::view::{Located, Published};

/// The edition in use.
#[server(endpoint = "rentindex/edition")]
pub async fn rent_index_edition() -> Result<Published, AppError> {
    let desk = use_context::<std::sync::Arc<crate::desk::Desk>>()
        .ok_or_else(|| AppError::internal("rent index not started"))?;
    Ok(desk.published.clone())
}

/// The location category of `street` `number`, or of `district` when the street list
/// does not know the address; `None` when neither tells.
#[server(endpoint = "rentindex/locate")]
pub async fn rent_index_locate(
    street: String,
    number: String,
    district: String,
) -> Result<Option<Located>, AppError> {
    for value in [&street, &number, &district] {
        if value.chars().count() > 100 || value.chars().any(char::is_control) {
            return Err(AppError::BadRequest("address".into()));
        }
    }
    let desk = use_context::<std::sync::Arc<crate::desk::Desk>>()
        .ok_or_else(|| AppError::internal("rent index not started"))?;
    Ok(desk.locate(&street, &number, &district))
}
