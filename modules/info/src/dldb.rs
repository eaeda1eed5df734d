//! The DLDB export format ("Dienstleistungsdatenbank"), as the Munich/Berlin appointment
//! system imports it: `services_<lang>.json` and `locations_<lang>.json`, each
//! `{"data": [...], "meta": {...}}`. Only the parts the catalogue shows are read; every
//! other field is ignored, and a missing optional field is no error. The catalogue
//! describes every service; the booking facts (a service's `public` flag, which says
//! whether appointments can be booked online, its duration, how many people one booking
//! may be for, what it combines with; an office's position, slot length and the slots
//! each service needs there) are kept for the appointments module.

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
    /// Whether appointments for it can be booked online.
    #[serde(default)]
    pub public: Option<bool>,
    /// How long one person's visit takes, in minutes.
    #[serde(default, deserialize_with = "number")]
    pub duration: Option<f64>,
    /// How many people one booking may be for.
    #[serde(default, rename = "maxQuantity", deserialize_with = "number")]
    pub max_quantity: Option<f64>,
    /// Services that can be booked together with it (it names itself too).
    #[serde(default, deserialize_with = "ids")]
    pub combinable: Vec<String>,
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
    /// Whether it is shown to citizens and takes online bookings.
    #[serde(default)]
    pub public: Option<bool>,
    /// Where it is.
    #[serde(default)]
    pub geo: Option<Geo>,
    /// The length of one appointment slot.
    #[serde(default, rename = "slotTimeInMinutes", deserialize_with = "number")]
    pub slot_time_in_minutes: Option<f64>,
    /// The services it offers, with their booking facts.
    #[serde(default)]
    pub services: Vec<OfficeService>,
}

/// A position (WGS 84), each number written as a string or a number.
#[derive(Debug, Default, Deserialize)]
pub struct Geo {
    /// Latitude.
    #[serde(default, deserialize_with = "number")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default, deserialize_with = "number")]
    pub lon: Option<f64>,
}

/// A service named by an office.
#[derive(Debug, Deserialize)]
pub struct OfficeService {
    /// The service's id.
    #[serde(deserialize_with = "id")]
    pub service: String,
    /// How it is booked here.
    #[serde(default)]
    pub appointment: Option<OfficeAppointment>,
}

/// How a service is booked at an office.
#[derive(Debug, Deserialize)]
pub struct OfficeAppointment {
    /// Slots one person needs.
    #[serde(default, deserialize_with = "number")]
    pub slots: Option<f64>,
    /// Booked elsewhere (another system), not here.
    #[serde(default)]
    pub external: bool,
    /// Whether it may be booked.
    #[serde(default)]
    pub allowed: bool,
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

/// An id as the export writes it: a string or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(u64),
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        match id {
            Id::Text(text) => text,
            Id::Number(number) => number.to_string(),
        }
    }
}

/// An id written as a string or as a number.
fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Id::deserialize(deserializer).map(String::from)
}

/// A list of ids; `null` is an empty list.
fn ids<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let ids: Option<Vec<Id>> = Option::deserialize(deserializer)?;
    Ok(ids.into_iter().flatten().map(String::from).collect())
}

/// A number written as a number or as a string ("48.12"); `null`, an empty or a
/// non-numeric string is no number.
fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Number(f64),
        Text(String),
    }
    Ok(match Option::<Number>::deserialize(deserializer)? {
        Some(Number::Number(number)) => Some(number),
        Some(Number::Text(text)) => text.trim().parse().ok(),
        None => None,
    }
    .filter(|number: &f64| number.is_finite()))
}
