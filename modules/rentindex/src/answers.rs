//! The answers of the calculator's form as the address carries them (German names,
//! so they read in the address bar), and the flat they describe.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::calc::Flat;

/// What the person entered, as text (read from the address or, in the browser, from
/// the form).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatAnswers {
    /// Living space (`65` or `65,5`).
    pub space: String,
    /// Year of construction.
    pub year: String,
    /// Street.
    pub street: String,
    /// House number.
    pub number: String,
    /// District, for streets the list does not know.
    pub district: String,
    /// The features answered yes.
    pub features: BTreeSet<String>,
}

/// What is missing or wrong before a flat can be estimated (fluent keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    /// No living space, or none that reads as a number.
    Space,
    /// No year, or none that reads as one.
    Year,
    /// Neither a known street nor a district.
    Location,
}

impl Missing {
    /// The fluent key that says it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Space => "rentindex-missing-space",
            Self::Year => "rentindex-missing-year",
            Self::Location => "rentindex-missing-location",
        }
    }
}

impl FlatAnswers {
    /// Reads the answers from the address: `get` one value, `all` every value.
    pub fn from_params(
        get: impl Fn(&str) -> Option<String>,
        all: impl Fn(&str) -> Vec<String>,
    ) -> Self {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).unwrap_or_default();
        Self {
            space: text("flaeche"),
            year: text("baujahr"),
            street: text("strasse"),
            number: text("hausnummer"),
            district: text("bezirk"),
            features: all("ausstattung").into_iter().collect(),
        }
    }

    /// Street, house number and district: what the location is looked up by.
    pub fn address(&self) -> (String, String, String) {
        (
            self.street.clone(),
            self.number.clone(),
            self.district.clone(),
        )
    }

    /// The answers as the address's query (without `?`).
    pub fn query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("flaeche", &self.space),
            ("baujahr", &self.year),
            ("strasse", &self.street),
            ("hausnummer", &self.number),
            ("bezirk", &self.district),
        ] {
            if !value.is_empty() {
                query.append_pair(name, value);
            }
        }
        for feature in &self.features {
            query.append_pair("ausstattung", feature);
        }
        query.finish()
    }

    /// The flat, with the location category found for it.
    pub fn flat(&self, location: Option<&str>) -> Result<Flat, Missing> {
        let space = number(&self.space).ok_or(Missing::Space)?;
        let year = self.year.trim().parse::<u16>().map_err(|_| Missing::Year)?;
        let location = location.ok_or(Missing::Location)?;
        Ok(Flat {
            living_space: space,
            year,
            location: location.to_owned(),
            features: self.features.clone(),
        })
    }
}

/// A positive number as people write it here: `65`, `65,5` or `65.5`.
pub fn number(text: &str) -> Option<f64> {
    kernel::decimal::read(text).filter(|v| *v > 0.0)
}
