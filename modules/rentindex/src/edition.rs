//! One edition of a rent index as its data file describes it (`editions/*.toml`): the
//! base rent per square metre by living space and year of construction, the location
//! categories with their addition, the features with theirs, the spread around the
//! mean, the dates it is valid and where it comes from. The street list (which street
//! section lies in which location category) is a CSV file beside it, read on the
//! server only.

use std::collections::BTreeMap;

use kernel::text::Text;
use serde::{Deserialize, Serialize};

/// A band of a table's axis: from `from` (included) to `to` (excluded).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Lower bound, included.
    pub from: f64,
    /// Upper bound, excluded.
    pub to: f64,
}

impl Band {
    /// Whether `value` lies in the band.
    pub fn holds(&self, value: f64) -> bool {
        self.from <= value && value < self.to
    }
}

/// A residential location category (average, good, best) and its addition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocationCategory {
    /// Its id, as the street list and the district table name it.
    pub id: String,
    /// What the pages call it.
    pub label: Text,
    /// Addition (or, negative, deduction) in percent of the base rent.
    pub percent: f64,
}

/// How a feature changes the rent: in percent of the base rent, or in euros per
/// square metre (one of the two).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Amount {
    /// Percent of the base rent (negative: a deduction).
    Percent(f64),
    /// Euros per square metre (negative: a deduction).
    EuroPerSqm(f64),
}

/// A feature of the flat, asked as a yes/no question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Feature {
    /// Its id: lowercase letters, digits, underscores.
    pub id: String,
    /// The question, answered yes or no.
    pub question: Text,
    /// What counts, in a sentence or two.
    pub explanation: Text,
    /// What a yes changes.
    pub amount: Amount,
}

/// An edition of the rent index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Its id, e.g. `2025`.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Invented figures with the structure of a real edition (the pages say so).
    #[serde(default)]
    pub synthetic: bool,
    /// First day it applies, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last day it applies, `YYYY-MM-DD`.
    pub valid_until: String,
    /// Who made it, from which survey.
    pub source: Text,
    /// The legal notes the pages show with every result.
    pub legal_note: Text,
    /// The range around the mean, in percent of it (both ways).
    pub spread_percent: f64,
    /// Living space bands in square metres: the rows of `base`.
    pub space_bands: Vec<Band>,
    /// Year of construction bands: the columns of `base`.
    pub year_bands: Vec<Band>,
    /// Base rent in euros per square metre: one row per space band, one value per year
    /// band.
    pub base: Vec<Vec<f64>>,
    /// The location categories.
    pub locations: Vec<LocationCategory>,
    /// The category of each district, for addresses the street list does not know.
    pub districts: BTreeMap<String, String>,
    /// The features asked about.
    pub features: Vec<Feature>,
    /// The street list (CSV: street, from, to, parity, category), relative to this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streets: Option<String>,
}

impl Edition {
    /// The location category `id`.
    pub fn location(&self, id: &str) -> Option<&LocationCategory> {
        self.locations.iter().find(|l| l.id == id)
    }

    /// The feature `id`.
    pub fn feature(&self, id: &str) -> Option<&Feature> {
        self.features.iter().find(|f| f.id == id)
    }
}
