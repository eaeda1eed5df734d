//! What the finder's pages show of a toilet and of a search: the types the server
//! functions return, the same in the browser app and on the server.

use serde::{Deserialize, Serialize};

/// Step-free access, as OpenStreetMap's `wheelchair` tag says it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wheelchair {
    /// Fully accessible.
    Yes,
    /// Partly (a step, a narrow door; no grab bars).
    Limited,
    /// Not accessible.
    No,
    /// Nobody has said.
    #[default]
    Unknown,
}

impl Wheelchair {
    /// Reads the tag's value; anything unknown is [`Wheelchair::Unknown`].
    pub fn from_tag(tag: &str) -> Self {
        match tag.trim().to_lowercase().as_str() {
            "yes" | "ja" | "designated" | "true" | "1" => Self::Yes,
            "limited" | "eingeschränkt" | "teilweise" => Self::Limited,
            "no" | "nein" | "false" | "0" => Self::No,
            _ => Self::Unknown,
        }
    }

    /// The tag's value as stored and published.
    pub fn as_tag(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::Limited => "limited",
            Self::No => "no",
            Self::Unknown => "",
        }
    }

    /// The fluent key that says it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "toilets-wheelchair-yes",
            Self::Limited => "toilets-wheelchair-limited",
            Self::No => "toilets-wheelchair-no",
            Self::Unknown => "toilets-wheelchair-unknown",
        }
    }
}

/// A moment the hours change, in Munich's time: the time, and the day when it is not
/// the day asked about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// `HH:MM`.
    pub time: String,
    /// `DD.MM.` when on another day, with the weekday's number (1 Monday … 7 Sunday).
    pub day: Option<(String, u32)>,
}

/// Whether a toilet is open at the moment asked about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hours {
    /// Open until the change (none: open day and night).
    Open(Option<Change>),
    /// Closed until the change (none: not opening again in the next year).
    Closed(Option<Change>),
    /// The hours say "unknown" for this moment (e.g. `off "nach Vereinbarung"`).
    Unknown,
    /// The source gives hours the portal cannot read; they are shown as given.
    Unreadable,
    /// The source gives no hours.
    NotGiven,
}

/// A toilet in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceItem {
    /// Its id in the portal (its page: `/toilets/{id}`).
    pub id: i32,
    /// Its name; empty when the source gives none.
    pub name: String,
    /// Street and house number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// District.
    pub district: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Step-free access.
    pub wheelchair: Wheelchair,
    /// Opened with the Euro key.
    pub euro_key: bool,
    /// Has a changing table.
    pub changing_table: bool,
    /// `no` when free, `yes` or the charge, empty when unknown.
    pub fee: String,
    /// Open or closed at the moment asked about.
    pub hours: Hours,
    /// Metres from the position searched from.
    pub distance_m: Option<u32>,
}

impl PlaceItem {
    /// Free of charge, as the source says.
    pub fn is_free(&self) -> bool {
        self.fee == "no"
    }
}

/// Where the data comes from and the credit its licence asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// E.g. `© OpenStreetMap-Mitwirkende`.
    pub attribution: String,
    /// E.g. `ODbL-1.0`.
    pub licence: String,
    /// The licence's text, when the portal knows it.
    pub licence_url: Option<String>,
}

/// A toilet's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceDetail {
    /// As a list shows it, judged now.
    pub item: PlaceItem,
    /// The hours as the source gives them.
    pub opening_hours: String,
    /// The next seven days' open times (`None`: the hours cannot be read), with the
    /// day (`DD.MM.`) and its weekday (1 Monday … 7 Sunday).
    pub week: Option<Vec<(String, u32, Vec<String>)>>,
    /// Who may use it.
    pub access: String,
    /// Who runs it.
    pub operator: String,
    /// The source's credit.
    pub credit: Credit,
    /// The moment judged, `DD.MM.YYYY HH:MM`.
    pub at: String,
}

/// Licences the portal links to, by their SPDX-like name.
pub fn licence_url(licence: &str) -> Option<&'static str> {
    Some(match licence {
        "ODbL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/",
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/",
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/",
        "DL-DE-BY-2.0" => "https://www.govdata.de/dl-de/by-2-0",
        "DL-DE-ZERO-2.0" => "https://www.govdata.de/dl-de/zero-2-0",
        _ => return None,
    })
}
