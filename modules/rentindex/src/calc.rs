//! The rent index's method: the base rent of the flat's cell in the table, plus the
//! location's and the features' additions (percent of the base rent, or euros per
//! square metre), gives the mean local comparative rent per square metre; the spread
//! around it gives the range; times the living space, the rent of the whole flat.
//! The same code runs on the server and in the browser.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::edition::{Amount, Edition};

/// The flat asked about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Flat {
    /// Living space in square metres.
    #[cfg_attr(feature = "ssr", schema(examples(68.5)))]
    pub living_space: f64,
    /// Year of construction.
    #[cfg_attr(feature = "ssr", schema(examples(1962)))]
    pub year: u16,
    /// The location category's id (from the street list or the district).
    #[cfg_attr(feature = "ssr", schema(examples("best")))]
    pub location: String,
    /// The ids of the features it has.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(examples("balcony")))]
    pub features: BTreeSet<String>,
}

/// Why a flat cannot be estimated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FlatError {
    /// The living space is outside the table.
    #[error("living space outside the rent index ({0})")]
    Space(String),
    /// The year of construction is outside the table.
    #[error("year of construction outside the rent index ({0})")]
    Year(String),
    /// No such location category.
    #[error("unknown location category {0}")]
    Location(String),
    /// No such feature.
    #[error("unknown feature {0}")]
    Feature(String),
}

/// One addition or deduction, as the result lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Adjustment {
    /// The location category's or feature's id.
    #[cfg_attr(feature = "ssr", schema(examples("fitted_kitchen")))]
    pub id: String,
    /// Percent of the base rent, when given so.
    #[cfg_attr(feature = "ssr", schema(examples(4.0)))]
    pub percent: Option<f64>,
    /// Euros per square metre (negative: a deduction), rounded to cents.
    #[cfg_attr(feature = "ssr", schema(examples(0.56)))]
    pub euro_per_sqm: f64,
}

/// The local comparative rent of a flat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Estimate {
    /// The edition used.
    #[cfg_attr(feature = "ssr", schema(examples("demo-2025")))]
    pub edition: String,
    /// The base rent of the flat's cell, euros per square metre.
    #[cfg_attr(feature = "ssr", schema(examples(14.0)))]
    pub base_per_sqm: f64,
    /// The location's addition first, then each feature's.
    pub adjustments: Vec<Adjustment>,
    /// Mean, euros per square metre.
    #[cfg_attr(feature = "ssr", schema(examples(16.36)))]
    pub mean_per_sqm: f64,
    /// Lower end of the range, euros per square metre.
    #[cfg_attr(feature = "ssr", schema(examples(13.91)))]
    pub low_per_sqm: f64,
    /// Upper end of the range, euros per square metre.
    #[cfg_attr(feature = "ssr", schema(examples(18.81)))]
    pub high_per_sqm: f64,
    /// Mean for the whole flat, euros per month.
    #[cfg_attr(feature = "ssr", schema(examples(1120.66)))]
    pub mean_total: f64,
    /// Lower end for the whole flat.
    #[cfg_attr(feature = "ssr", schema(examples(952.84)))]
    pub low_total: f64,
    /// Upper end for the whole flat.
    #[cfg_attr(feature = "ssr", schema(examples(1288.48)))]
    pub high_total: f64,
}

/// `value` rounded to cents (half away from zero).
pub fn cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Where `value` falls on `bands`, or the error naming the table's extent.
fn band_of(bands: &[crate::edition::Band], value: f64) -> Result<usize, String> {
    bands.iter().position(|b| b.holds(value)).ok_or_else(|| {
        let from = bands.first().map_or(0.0, |b| b.from);
        let to = bands.last().map_or(0.0, |b| b.to);
        format!("{from}–{to}")
    })
}

/// The local comparative rent of `flat` in `edition`.
pub fn estimate(edition: &Edition, flat: &Flat) -> Result<Estimate, FlatError> {
    let row = band_of(&edition.space_bands, flat.living_space).map_err(FlatError::Space)?;
    let column = band_of(&edition.year_bands, f64::from(flat.year)).map_err(FlatError::Year)?;
    let base = edition
        .base
        .get(row)
        .and_then(|r| r.get(column))
        .copied()
        .ok_or_else(|| FlatError::Space(format!("row {row}, column {column} missing")))?;
    let location = edition
        .location(&flat.location)
        .ok_or_else(|| FlatError::Location(flat.location.clone()))?;
    let mut adjustments = vec![Adjustment {
        id: location.id.clone(),
        percent: Some(location.percent),
        euro_per_sqm: cents(base * location.percent / 100.0),
    }];
    let mut unrounded = base * (1.0 + location.percent / 100.0);
    for id in &flat.features {
        let feature = edition
            .feature(id)
            .ok_or_else(|| FlatError::Feature(id.clone()))?;
        let (percent, euro) = match feature.amount {
            Amount::Percent(p) => (Some(p), base * p / 100.0),
            Amount::EuroPerSqm(e) => (None, e),
        };
        unrounded += euro;
        adjustments.push(Adjustment {
            id: id.clone(),
            percent,
            euro_per_sqm: cents(euro),
        });
    }
    let mean = cents(unrounded);
    let spread = edition.spread_percent / 100.0;
    let (low, high) = (cents(mean * (1.0 - spread)), cents(mean * (1.0 + spread)));
    Ok(Estimate {
        edition: edition.id.clone(),
        base_per_sqm: base,
        adjustments,
        mean_per_sqm: mean,
        low_per_sqm: low,
        high_per_sqm: high,
        mean_total: cents(mean * flat.living_space),
        low_total: cents(low * flat.living_space),
        high_total: cents(high * flat.living_space),
    })
}
