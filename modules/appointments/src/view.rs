//! What the booking pages show, as the server functions hand it over.

use serde::{Deserialize, Serialize};

/// A service as a choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceItem {
    /// The service database's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The language of the name when it is not the page's.
    pub lang: Option<String>,
}

/// The choice of people and combined services for a first service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The service chosen first.
    pub service: ServiceItem,
    /// Most people one booking may be for.
    pub most_persons: u32,
    /// Services that may be booked with it.
    pub combinable: Vec<ServiceItem>,
}

/// An office as a choice, or as the place of an appointment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeItem {
    /// The service database's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Street, postcode and city.
    pub address: String,
    /// The first day with a free time (`YYYY-MM-DD`), if any within the horizon.
    pub earliest: Option<String>,
    /// How far it is from the place the citizen gave, in kilometres.
    pub distance_km: Option<f64>,
}

/// The offices for a wish.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offices {
    /// The chosen services.
    pub services: Vec<ServiceItem>,
    /// People the visit is for.
    pub persons: u32,
    /// The offices, by earliest free day or by distance.
    pub offices: Vec<OfficeItem>,
    /// The postcode offices are ordered by distance from, when known.
    pub near: Option<String>,
    /// Offices are ordered by distance from the position the browser gave.
    pub near_here: bool,
    /// The postcode the citizen gave when no office position is known for it.
    pub near_unknown: Option<String>,
}

/// The free days and, for a chosen day, the free times at an office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    /// The office.
    pub office: OfficeItem,
    /// The chosen services.
    pub services: Vec<ServiceItem>,
    /// People the visit is for.
    pub persons: u32,
    /// How long the visit takes, in minutes.
    pub minutes: u32,
    /// Days with a free time (`YYYY-MM-DD`).
    pub days: Vec<String>,
    /// The chosen day (`YYYY-MM-DD`), when it is one of `days`.
    pub day: Option<String>,
    /// Free times on the chosen day: slot index and `HH:MM`.
    pub times: Vec<(u32, String)>,
    /// A chosen day that cannot be booked: why (a fluent key).
    pub day_refused: Option<String>,
    /// The proof of work the browser app solves before a time is held, when the
    /// portal asks for one and times are shown.
    pub proof: Option<ProofChallenge>,
}

/// A challenge of the proof of work (ALTCHA): find the number `n` up to `max_number`
/// whose SHA-256 of `salt` followed by `n` (hex) is `challenge`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofChallenge {
    /// `SHA-256`.
    pub algorithm: String,
    /// The hash to find, hex.
    pub challenge: String,
    /// The largest number it may be.
    pub max_number: u64,
    /// The salt (with its expiry).
    pub salt: String,
    /// The portal's signature of the challenge.
    pub signature: String,
}

/// An appointment as its manage page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppointmentView {
    /// `held`, `unconfirmed`, `booked`, `cancelled`, `expired`.
    pub state: String,
    /// What the citizen quotes.
    pub reference: String,
    /// The office.
    pub office: OfficeItem,
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// Start and end, `HH:MM`.
    pub from: String,
    /// End, `HH:MM`.
    pub to: String,
    /// The services.
    pub services: Vec<ServiceItem>,
    /// People it is for.
    pub persons: u32,
    /// Minutes left to enter the details (held) or to confirm (unconfirmed).
    pub minutes_left: Option<i64>,
    /// The details entered, or what the sign-in provides while held.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Phone number.
    pub phone: Option<String>,
    /// Whether the name comes from the sign-in (and cannot be changed here).
    pub name_fixed: bool,
    /// Whether the e-mail address comes from the sign-in.
    pub email_fixed: bool,
}

/// One appointment in an office's day list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    /// Its id.
    pub id: String,
    /// Start, `HH:MM`.
    pub time: String,
    /// End, `HH:MM`.
    pub until: String,
    /// The services' names.
    pub services: String,
    /// People it is for.
    pub persons: u32,
    /// The citizen's name.
    pub name: String,
    /// Its reference.
    pub reference: String,
    /// `held`, `unconfirmed`, `booked`.
    pub state: String,
    /// What the office noted: `arrived`, `done`, `no_show`.
    pub attendance: Option<String>,
}

/// An office's day as its staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffDay {
    /// The office.
    pub office: OfficeItem,
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// Its appointments by time.
    pub rows: Vec<StaffRow>,
    /// Blocked times: from, to (`HH:MM`) and why.
    pub blocks: Vec<(String, String, String)>,
}
