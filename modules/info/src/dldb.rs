//! The DLDB export format ("Dienstleistungsdatenbank"), as the Munich/Berlin appointment
//! system imports it: `services_<lang>.json` and `locations_<lang>.json`, each
//! `{"data": [...], "meta": {...}}`. Only the parts the catalogue shows are read; every
//! other field is ignored, and a missing optional field is no error. The `public` flag
//! is ignored too: in the export it says whether appointments can be booked online, and
//! the catalogue describes every service, bookable or not.

use serde::{Deserialize, Deserializer};

/// A whole export file: its entries.
#[derive(Debug, Deserialize)]
pub struct Export<T> {
    /// The entries.
    pub data: Vec<T>,
}

/// One service of `services_<lang>.json`.
#[derive(Debug, Deserialize)]
pub struct Service {
    /// The service database's id (a number, written as a string).
    #[serde(deserialize_with = "id")]
    pub id: String,
    /// The service's name.
    pub name: String,
    /// What the service is, as HTML.
    #[serde(default)]
    pub description: Option<String>,
    /// The fees, as HTML.
    #[serde(default)]
    pub fees: Option<String>,
    /// The LeiKa key (federal service catalogue), 14 digits, when known.
    #[serde(default)]
    pub leika: Option<String>,
    /// Keywords and language.
    #[serde(default)]
    pub meta: Meta,
    /// The offices that offer it.
    #[serde(default)]
    pub locations: Vec<ServiceLocation>,
}

/// An entry's metadata.
#[derive(Debug, Default, Deserialize)]
pub struct Meta {
    /// The entry's language (`de`, `en`).
    #[serde(default)]
    pub locale: Option<String>,
    /// Search words, comma-separated.
    #[serde(default)]
    pub keywords: Option<String>,
}

/// An office named by a service.
#[derive(Debug, Deserialize)]
pub struct ServiceLocation {
    /// The office's id.
    #[serde(deserialize_with = "id")]
    pub location: String,
}

/// One office of `locations_<lang>.json`.
#[derive(Debug, Deserialize)]
pub struct Location {
    /// The service database's id.
    #[serde(deserialize_with = "id")]
    pub id: String,
    /// The office's full name.
    pub name: String,
    /// The short name shown to citizens, when there is one.
    #[serde(default, rename = "displayName")]
    pub display_name: Option<String>,
    /// The department it belongs to (e.g. "Kreisverwaltungsreferat").
    #[serde(default, rename = "organizationUnit")]
    pub organization_unit: Option<String>,
    /// Where it is.
    #[serde(default)]
    pub address: Address,
    /// How to reach it.
    #[serde(default)]
    pub contact: Contact,
}

/// An office's postal address.
#[derive(Debug, Default, Deserialize)]
pub struct Address {
    /// Street name.
    #[serde(default)]
    pub street: Option<String>,
    /// House number.
    #[serde(default)]
    pub house_number: Option<String>,
    /// Postcode.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
}

/// An office's contact details.
#[derive(Debug, Default, Deserialize)]
pub struct Contact {
    /// Telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Web page.
    #[serde(default)]
    pub webinfo: Option<String>,
}

/// An id written as a string or as a number.
fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Number(u64),
    }
    Ok(match Id::deserialize(deserializer)? {
        Id::Text(text) => text,
        Id::Number(number) => number.to_string(),
    })
}
