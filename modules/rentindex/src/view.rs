//! What the server functions hand the pages: the edition to compute with, and the
//! location category an address was found in.

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
