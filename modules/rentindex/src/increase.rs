//! Checking a landlord's request to raise the rent to the local comparative rent
//! (§§ 558, 558b BGB), as guidance: whether the new rent stays within the rent
//! index's range, whether the cap on increases within three years holds (a city's
//! figure: 15 % in Munich), and when the request may be made and take effect.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calc::{Estimate, cents};

/// What the tenant knows of the request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The rent now, euros per month without heating and service charges.
    pub current_rent: f64,
    /// The rent the landlord asks for.
    pub requested_rent: f64,
    /// The rent three years before the increase would take effect, when it was
    /// different from today's (otherwise today's is the base of the cap).
    pub rent_three_years_ago: Option<f64>,
    /// When the last increase took effect (or the tenancy began).
    pub last_change: NaiveDate,
    /// When the request reached the tenant.
    pub received: NaiveDate,
}

/// Where the requested rent stands against the rent index's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// At most the lower end.
    BelowRange,
    /// Within the range.
    WithinRange,
    /// Above the upper end.
    AboveRange,
}

/// The outcome, point by point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The increase asked for, in percent of the current rent.
    pub increase_percent: f64,
    /// The requested rent against the range.
    pub standing: Standing,
    /// The base of the cap (the rent three years ago).
    pub cap_base: f64,
    /// The most the cap allows.
    pub cap_most: f64,
    /// Whether the requested rent stays within the cap.
    pub within_cap: bool,
    /// The first day the request could be made (a year after the last change).
    pub request_allowed_from: NaiveDate,
    /// Whether it came too early.
    pub request_too_early: bool,
    /// The first day the new rent is owed: the third month after receipt, and not
    /// before the rent has been unchanged for 15 months.
    pub owed_from: NaiveDate,
}

/// The first day of the month `months` after `date`'s month.
fn month_start_after(date: NaiveDate, months: u32) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(Months::new(months))
        .unwrap_or(first)
}

/// Checks `request` against `estimate` with the city's `cap_percent`.
pub fn check(request: &Request, estimate: &Estimate, cap_percent: f64) -> Check {
    let requested = request.requested_rent;
    let standing = if requested > estimate.high_total {
        Standing::AboveRange
    } else if requested <= estimate.low_total {
        Standing::BelowRange
    } else {
        Standing::WithinRange
    };
    let cap_base = request.rent_three_years_ago.unwrap_or(request.current_rent);
    let cap_most = cents(cap_base * (1.0 + cap_percent / 100.0));
    let request_allowed_from = request
        .last_change
        .checked_add_months(Months::new(12))
        .unwrap_or(request.last_change);
    let unchanged_15_months = request
        .last_change
        .checked_add_months(Months::new(15))
        .unwrap_or(request.last_change);
    let owed_from = month_start_after(request.received, 2).max(unchanged_15_months);
    let increase_percent = if request.current_rent > 0.0 {
        cents((requested / request.current_rent - 1.0) * 100.0)
    } else {
        0.0
    };
    Check {
        increase_percent,
        standing,
        cap_base,
        cap_most,
        within_cap: requested <= cap_most,
        request_allowed_from,
        request_too_early: request.received < request_allowed_from,
        owed_from,
    }
}
