//! Checking an edition file before a city publishes it: every cell of the table,
//! bands in order without overlap, every category and feature named once and used
//! by known names, dates that read, and a street list whose sections know their
//! category and do not overlap. Each finding names its place.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::{
    edition::{Band, Edition},
    streets::Section,
};

/// Whether `id` is lowercase letters, digits and underscores, starting with a letter.
fn is_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The findings of `bands`, called `name`.
fn bands(findings: &mut Vec<String>, name: &str, bands: &[Band]) {
    if bands.is_empty() {
        findings.push(format!("{name}: no bands"));
    }
    for (index, band) in bands.iter().enumerate() {
        if band.from.partial_cmp(&band.to) != Some(std::cmp::Ordering::Less) {
            findings.push(format!(
                "{name}[{index}]: from {} is not below to {}",
                band.from, band.to
            ));
        }
        if index > 0 && band.from < bands[index - 1].to {
            findings.push(format!("{name}[{index}]: overlaps {name}[{}]", index - 1));
        }
    }
}

/// Every problem of `edition` and its `streets`; none when it may be published.
pub fn check(edition: &Edition, streets: &[Section]) -> Vec<String> {
    let mut findings = Vec::new();
    bands(&mut findings, "space_bands", &edition.space_bands);
    bands(&mut findings, "year_bands", &edition.year_bands);
    if edition.base.len() != edition.space_bands.len() {
        findings.push(format!(
            "base: {} rows, the space bands need {}",
            edition.base.len(),
            edition.space_bands.len()
        ));
    }
    for (row, values) in edition.base.iter().enumerate() {
        if values.len() != edition.year_bands.len() {
            findings.push(format!(
                "base[{row}]: {} values, the year bands need {}",
                values.len(),
                edition.year_bands.len()
            ));
        }
        for (column, value) in values.iter().enumerate() {
            if !(value.is_finite() && *value > 0.0) {
                findings.push(format!("base[{row}][{column}]: {value} is no rent per m²"));
            }
        }
    }
    if !(0.0..100.0).contains(&edition.spread_percent) {
        findings.push("spread_percent: between 0 and 100".to_owned());
    }
    let dates: Vec<Option<NaiveDate>> = [
        ("valid_from", &edition.valid_from),
        ("valid_until", &edition.valid_until),
    ]
    .into_iter()
    .map(|(name, text)| {
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if date.is_none() {
            findings.push(format!("{name}: {text:?} is no date (YYYY-MM-DD)"));
        }
        date
    })
    .collect();
    if let [Some(from), Some(until)] = dates[..]
        && from > until
    {
        findings.push("valid_until: before valid_from".to_owned());
    }
    let mut categories = BTreeSet::new();
    for (index, location) in edition.locations.iter().enumerate() {
        if !is_id(&location.id) || !categories.insert(location.id.as_str()) {
            findings.push(format!(
                "locations[{index}]: id {:?} is not a new id",
                location.id
            ));
        }
    }
    for (district, category) in &edition.districts {
        if !categories.contains(category.as_str()) {
            findings.push(format!(
                "districts.{district}: {category:?} is not a location"
            ));
        }
    }
    let mut features = BTreeSet::new();
    for (index, feature) in edition.features.iter().enumerate() {
        if !is_id(&feature.id) || !features.insert(feature.id.as_str()) {
            findings.push(format!(
                "features[{index}]: id {:?} is not a new id",
                feature.id
            ));
        }
    }
    for (index, section) in streets.iter().enumerate() {
        // Line 1 is the header.
        let line = index + 2;
        if !categories.contains(section.category.as_str()) {
            findings.push(format!(
                "streets line {line}: {:?} is not a location",
                section.category
            ));
        }
        if section.from > section.to {
            findings.push(format!(
                "streets line {line}: from {} after to {}",
                section.from, section.to
            ));
        }
        if let Some(earlier) = streets[..index]
            .iter()
            .position(|other| other.overlaps(section))
        {
            findings.push(format!(
                "streets line {line}: overlaps line {}",
                earlier + 2
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (Edition, Vec<Section>) {
        (
            toml::from_str(include_str!("../editions/demo-2025.toml")).unwrap(),
            crate::streets::read(include_str!("../editions/demo-2025-streets.csv")).unwrap(),
        )
    }

    #[test]
    fn the_demo_edition_is_whole() {
        let (edition, streets) = demo();
        assert_eq!(check(&edition, &streets), Vec::<String>::new());
    }

    #[test]
    fn missing_cells_overlaps_and_unknown_names_are_found_where_they_are() {
        let (mut edition, mut streets) = demo();
        edition.base[2].pop();
        edition.year_bands[3].from = 1990.0;
        edition.districts.insert("Hadern".into(), "luxury".into());
        edition.features[1].id = "fitted_kitchen".into();
        edition.valid_until = "2027-02-30".into();
        streets[4].category = "top".into();
        streets.push(streets[0].clone());
        let found = check(&edition, &streets);
        for expected in [
            "base[2]: 4 values, the year bands need 5",
            "year_bands[3]: overlaps year_bands[2]",
            "districts.Hadern: \"luxury\" is not a location",
            "features[1]: id \"fitted_kitchen\" is not a new id",
            "valid_until: \"2027-02-30\" is no date (YYYY-MM-DD)",
            "streets line 6: \"top\" is not a location",
            "streets line 14: overlaps line 2",
        ] {
            assert!(
                found.contains(&expected.to_owned()),
                "{expected} in {found:#?}"
            );
        }
    }
}
