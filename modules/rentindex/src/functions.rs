//! The server functions of the rent index pages.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::edition::Edition;

/// What the browser needs to compute: the edition (without its street list), the
/// districts to choose from and the city's cap on increases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// The edition.
    pub edition: Edition,
    /// Districts, sorted.
    pub districts: Vec<String>,
    /// The most a rent may rise within three years, in percent.
    pub cap_percent: f64,
}

/// How the location category was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LocatedBy {
    /// The street list knows the address.
    Street,
    /// The district's category (the street list does not know the address).
    District,
}

/// The location category of an address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    /// The category's id.
    pub category: String,
    /// How it was found.
    pub by: LocatedBy,
}

/// The edition in use.
#[server(endpoint = "rentindex/edition")]
pub async fn rent_index_edition() -> Result<Published, AppError> {
    let desk = use_context::<std::sync::Arc<crate::module::Desk>>()
        .ok_or_else(|| AppError::internal("rent index not started"))?;
    Ok(desk.published())
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
    let desk = use_context::<std::sync::Arc<crate::module::Desk>>()
        .ok_or_else(|| AppError::internal("rent index not started"))?;
    Ok(desk.locate(&street, &number, &district))
}
