//! A search of the finder as the page's GET form sends it, and what comes back.

use kernel::AppError;
use serde::{Deserialize, Serialize};

use crate::place::{Credit, PlaceItem};

/// Longest district name or address accepted; longer input is refused, not cut.
pub const MAX_TEXT_LEN: usize = 200;

/// How accessible a toilet must be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WheelchairNeed {
    /// Any.
    #[default]
    Any,
    /// Fully accessible only.
    Yes,
    /// Fully or partly accessible.
    Limited,
}

impl WheelchairNeed {
    /// The form's value (`ja`, `eingeschraenkt`, empty).
    pub fn from_param(value: &str) -> Self {
        match value {
            "ja" => Self::Yes,
            "eingeschraenkt" => Self::Limited,
            _ => Self::Any,
        }
    }
}

/// The filters and where to search from; missing fields mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FinderQuery {
    /// Only this district.
    pub district: Option<String>,
    /// Step-free access needed.
    pub wheelchair: WheelchairNeed,
    /// Only with the Euro key.
    pub euro_key: bool,
    /// Only with a changing table.
    pub changing_table: bool,
    /// Only free of charge.
    pub free: bool,
    /// Only open at the moment asked about.
    pub open: bool,
    /// The moment asked about, `YYYY-MM-DDTHH:MM` in Munich's time; now when missing.
    pub at: Option<String>,
    /// The browser's position, `lat,lon`.
    pub here: Option<String>,
    /// An address or postcode to search near (with a geocoder).
    pub address: Option<String>,
    /// The page, from 1.
    pub page: u32,
}

impl FinderQuery {
    /// Checks the texts a stranger sent: short, without control characters.
    pub fn validate(&self) -> Result<(), AppError> {
        for (name, value) in [
            ("district", &self.district),
            ("address", &self.address),
            ("at", &self.at),
            ("here", &self.here),
        ] {
            if let Some(value) = value
                && (value.chars().count() > MAX_TEXT_LEN || value.chars().any(char::is_control))
            {
                return Err(AppError::BadRequest(name.into()));
            }
        }
        Ok(())
    }

    /// Reads the page's query parameters (German, as the form names them).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let flag = |name: &str| get(name).is_some_and(|v| v == "1");
        Self {
            district: text("bezirk"),
            wheelchair: WheelchairNeed::from_param(&text("rollstuhl").unwrap_or_default()),
            euro_key: flag("euroschluessel"),
            changing_table: flag("wickeltisch"),
            free: flag("kostenlos"),
            open: flag("offen"),
            at: text("zeitpunkt"),
            here: text("standort"),
            address: text("adresse"),
            page: text("seite")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
                .max(1),
        }
    }

    /// The query's parameters for page `page`, as [`FinderQuery::from_params`] reads
    /// them (without `?`).
    pub fn to_params(&self, page: u32) -> String {
        let mut url = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("bezirk", &self.district),
            ("zeitpunkt", &self.at),
            ("standort", &self.here),
            ("adresse", &self.address),
        ] {
            if let Some(value) = value {
                url.append_pair(name, value);
            }
        }
        match self.wheelchair {
            WheelchairNeed::Any => {}
            WheelchairNeed::Yes => {
                url.append_pair("rollstuhl", "ja");
            }
            WheelchairNeed::Limited => {
                url.append_pair("rollstuhl", "eingeschraenkt");
            }
        }
        for (name, on) in [
            ("euroschluessel", self.euro_key),
            ("wickeltisch", self.changing_table),
            ("kostenlos", self.free),
            ("offen", self.open),
        ] {
            if on {
                url.append_pair(name, "1");
            }
        }
        url.append_pair("seite", &page.to_string());
        url.finish()
    }
}

/// Where the list is ordered from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Origin {
    /// The browser's position.
    Browser,
    /// The address the geocoder found, as it names it.
    Address(String),
}

/// Why the list is not ordered by distance although asked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OriginProblem {
    /// The address was not found.
    NotFound,
    /// The geocoder did not answer.
    Unavailable,
    /// The position sent was not one.
    BadPosition,
}

/// The map's settings for the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapTiles {
    /// Tile URL template; empty for no tiles.
    pub url: String,
    /// The tile server's credit.
    pub attribution: String,
}

/// One page of results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinderPage {
    /// All districts with a toilet, sorted.
    pub districts: Vec<String>,
    /// The toilets of this page.
    pub places: Vec<PlaceItem>,
    /// This page, from 1.
    pub page: u32,
    /// Whether a next page has more.
    pub more: bool,
    /// Where the list is ordered from, if from somewhere.
    pub origin: Option<Origin>,
    /// Why it is not, though asked.
    pub origin_problem: Option<OriginProblem>,
    /// The moment the hours are judged at, `DD.MM.YYYY HH:MM`.
    pub at: String,
    /// That moment as the form's value, `YYYY-MM-DDTHH:MM`.
    pub at_value: String,
    /// The time asked about could not be read (now is used).
    pub at_unreadable: bool,
    /// Whether the form offers an address field.
    pub geocoder: bool,
    /// The data's sources and credits.
    pub credits: Vec<Credit>,
    /// The map's tiles.
    pub tiles: MapTiles,
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn a_query_reads_back_what_it_writes() {
        let query = FinderQuery {
            district: Some("Au-Haidhausen".into()),
            wheelchair: WheelchairNeed::Limited,
            free: true,
            open: true,
            at: Some("2026-12-25T12:00".into()),
            here: Some("48.137,11.575".into()),
            page: 3,
            ..FinderQuery::default()
        };
        let params: HashMap<String, String> = form_urlencoded::parse(query.to_params(3).as_bytes())
            .into_owned()
            .collect();
        assert_eq!(
            FinderQuery::from_params(|name| params.get(name).cloned()),
            query
        );
    }
}
