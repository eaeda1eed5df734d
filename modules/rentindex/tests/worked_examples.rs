//! The demo edition worked by hand: each expected figure below was computed on paper
//! from `editions/demo-2025.toml` (base cell × (1 + percent additions) + euro
//! additions, rounded to cents; range ± 15 % of the rounded mean; totals from the
//! rounded figures), covering each edge of the table and every feature.

#![expect(clippy::unwrap_used, clippy::float_cmp, reason = "tests")]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use rentindex::{
    calc::{Flat, FlatError, estimate},
    edition::{Amount, Edition},
    increase::{Request, Standing, check},
};

fn demo() -> Edition {
    toml::from_str(include_str!("../editions/demo-2025.toml")).unwrap()
}

fn flat(space: f64, year: u16, location: &str, features: &[&str]) -> Flat {
    Flat {
        living_space: space,
        year,
        location: location.to_owned(),
        features: features.iter().map(|f| (*f).to_owned()).collect(),
    }
}

/// (mean, low, high) per m², then (mean, low, high) for the flat.
fn figures(flat: &Flat) -> [f64; 6] {
    let e = estimate(&demo(), flat).unwrap();
    [
        e.mean_per_sqm,
        e.low_per_sqm,
        e.high_per_sqm,
        e.mean_total,
        e.low_total,
        e.high_total,
    ]
}

#[test]
fn the_tables_first_cell_at_its_lower_edges() {
    // 20 m², built 1800, average location: the base 18.00 as it is.
    assert_eq!(
        figures(&flat(20.0, 1800, "average", &[])),
        [18.00, 15.30, 20.70, 360.00, 306.00, 414.00]
    );
}

#[test]
fn a_band_starts_at_its_lower_bound() {
    // 40 m² is the second row, 1948 still the first column: 16.00; good +5 % = 0.80.
    assert_eq!(
        figures(&flat(40.0, 1948, "good", &[])),
        [16.80, 14.28, 19.32, 672.00, 571.20, 772.80]
    );
}

#[test]
fn euro_additions_add_to_the_located_base() {
    // 60 m², 1949: 14.00; best +10 % = 1.40; balcony +0.40 €/m² = 15.80.
    assert_eq!(
        figures(&flat(60.0, 1949, "best", &["balcony"])),
        [15.80, 13.43, 18.17, 948.00, 805.80, 1090.20]
    );
}

#[test]
fn just_below_a_bands_upper_bound() {
    // 79.99 m², 1977: still 14.00; fitted kitchen +4 %, floor heating +3 % = 14.98.
    assert_eq!(
        figures(&flat(
            79.99,
            1977,
            "average",
            &["fitted_kitchen", "floor_heating"]
        )),
        [14.98, 12.73, 17.23, 1198.25, 1018.27, 1378.23]
    );
}

#[test]
fn the_last_cell_with_percent_additions() {
    // 100 m², 2025: 18.60; good 5 + modernised 7 + bathroom 5 = 17 % → 21.762.
    assert_eq!(
        figures(&flat(
            100.0,
            2025,
            "good",
            &["modernised", "high_quality_bathroom"]
        )),
        [21.76, 18.50, 25.02, 2176.00, 1850.00, 2502.00]
    );
}

#[test]
fn deductions_lower_the_rent() {
    // 85 m², 1930: 15.00; no central heating −8 %, simple bathroom −4 % = 13.20.
    assert_eq!(
        figures(&flat(
            85.0,
            1930,
            "average",
            &["no_central_heating", "simple_bathroom"]
        )),
        [13.20, 11.22, 15.18, 1122.00, 953.70, 1290.30]
    );
}

#[test]
fn the_largest_flat_the_table_holds() {
    // 160.9 m², 2000: 16.40; best +10 % = 18.04; lift +0.30 = 18.34.
    assert_eq!(
        figures(&flat(160.9, 2000, "best", &["lift"])),
        [18.34, 15.59, 21.09, 2950.91, 2508.43, 3393.38]
    );
}

#[test]
fn every_feature_at_once_with_each_adjustment_listed() {
    // 50 m², 1990: 15.20; 5 + 4 + 5 + 3 + 7 − 8 − 4 = 12 % → 17.024; + 0.70 €/m².
    let every = [
        "fitted_kitchen",
        "high_quality_bathroom",
        "floor_heating",
        "balcony",
        "lift",
        "modernised",
        "no_central_heating",
        "simple_bathroom",
    ];
    let flat = flat(50.0, 1990, "good", &every);
    assert_eq!(
        figures(&flat),
        [17.72, 15.06, 20.38, 886.00, 753.00, 1019.00]
    );
    let result = estimate(&demo(), &flat).unwrap();
    let amounts: Vec<(String, f64)> = result
        .adjustments
        .iter()
        .map(|a| (a.id.clone(), a.euro_per_sqm))
        .collect();
    assert_eq!(
        amounts,
        [
            ("good", 0.76),
            ("balcony", 0.40),
            ("fitted_kitchen", 0.61),
            ("floor_heating", 0.46),
            ("high_quality_bathroom", 0.76),
            ("lift", 0.30),
            ("modernised", 1.06),
            ("no_central_heating", -1.22),
            ("simple_bathroom", -0.61),
        ]
        .map(|(id, euro)| (id.to_owned(), euro))
    );
}

#[test]
fn outside_the_table_or_unknown_names_are_refused() {
    let edition = demo();
    let refused = |flat: Flat| estimate(&edition, &flat).unwrap_err();
    assert!(matches!(
        refused(flat(161.0, 2000, "good", &[])),
        FlatError::Space(_)
    ));
    assert!(matches!(
        refused(flat(19.9, 2000, "good", &[])),
        FlatError::Space(_)
    ));
    assert!(matches!(
        refused(flat(50.0, 2026, "good", &[])),
        FlatError::Year(_)
    ));
    assert!(matches!(
        refused(flat(50.0, 1799, "good", &[])),
        FlatError::Year(_)
    ));
    assert_eq!(
        refused(flat(50.0, 1990, "lakeside", &[])),
        FlatError::Location("lakeside".into())
    );
    assert_eq!(
        refused(flat(50.0, 1990, "good", &["sauna"])),
        FlatError::Feature("sauna".into())
    );
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn an_increase_within_range_cap_and_periods() {
    // The flat of `a_band_starts_at_its_lower_bound`: 571.20 to 772.80 a month.
    let estimate = estimate(&demo(), &flat(40.0, 1948, "good", &[])).unwrap();
    let request = Request {
        current_rent: 600.0,
        requested_rent: 690.0,
        rent_three_years_ago: None,
        last_change: date("2024-01-01"),
        received: date("2025-06-10"),
    };
    let result = check(&request, &estimate, 15.0);
    assert_eq!(result.increase_percent, 15.0);
    assert_eq!(result.standing, Standing::WithinRange);
    assert_eq!(
        (result.cap_base, result.cap_most, result.within_cap),
        (600.0, 690.0, true)
    );
    assert_eq!(result.request_allowed_from, date("2025-01-01"));
    assert!(!result.request_too_early);
    // Received in June: owed from the start of the third month after, August.
    assert_eq!(result.owed_from, date("2025-08-01"));
}

#[test]
fn an_increase_too_early_and_over_the_cap() {
    let estimate = estimate(&demo(), &flat(40.0, 1948, "good", &[])).unwrap();
    let request = Request {
        current_rent: 600.0,
        requested_rent: 700.0,
        rent_three_years_ago: Some(580.0),
        last_change: date("2025-01-15"),
        received: date("2025-06-10"),
    };
    let result = check(&request, &estimate, 15.0);
    assert_eq!((result.cap_most, result.within_cap), (667.0, false));
    assert!(result.request_too_early);
    assert_eq!(result.request_allowed_from, date("2026-01-15"));
    // Fifteen months unchanged come later than the third month after receipt.
    assert_eq!(result.owed_from, date("2026-04-15"));
    let above = Request {
        requested_rent: 800.0,
        ..request.clone()
    };
    assert_eq!(
        check(&above, &estimate, 15.0).standing,
        Standing::AboveRange
    );
    let below = Request {
        requested_rent: 560.0,
        ..request
    };
    assert_eq!(
        check(&below, &estimate, 20.0).standing,
        Standing::BelowRange
    );
}

proptest! {
    /// More features never lower the mean when every factor is an addition.
    #[test]
    fn added_features_never_lower_the_mean(
        space in 20.0f64..161.0,
        year in 1800u16..2026,
        location in prop::sample::select(vec!["average", "good", "best"]),
        some in prop::collection::vec(any::<bool>(), 6),
        more in prop::collection::vec(any::<bool>(), 6),
    ) {
        let edition = demo();
        let additions: Vec<&str> = edition
            .features
            .iter()
            .filter(|f| matches!(f.amount, Amount::Percent(p) | Amount::EuroPerSqm(p) if p >= 0.0))
            .map(|f| f.id.as_str())
            .collect();
        prop_assert_eq!(additions.len(), 6);
        let fewer: BTreeSet<String> = additions.iter().zip(&some).filter(|(_, on)| **on).map(|(f, _)| (*f).to_owned()).collect();
        let mut plus = fewer.clone();
        plus.extend(additions.iter().zip(&more).filter(|(_, on)| **on).map(|(f, _)| (*f).to_owned()));
        let base = Flat { living_space: space, year, location: location.to_owned(), features: fewer };
        let with_more = Flat { features: plus, ..base.clone() };
        let (a, b) = (estimate(&edition, &base).unwrap(), estimate(&edition, &with_more).unwrap());
        prop_assert!(a.mean_per_sqm <= b.mean_per_sqm);
        prop_assert!(b.low_per_sqm <= b.mean_per_sqm && b.mean_per_sqm <= b.high_per_sqm);
        prop_assert!((b.mean_total - b.mean_per_sqm * space).abs() <= 0.005 + 1e-9);
    }
}
