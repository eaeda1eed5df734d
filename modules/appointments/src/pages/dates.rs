//! Days as people read them, in the page's language.

use chrono::{Datelike, NaiveDate};
use kernel::I18n;

/// `YYYY-MM-DD` as "Tuesday, 8 December 2026" in `i18n`'s language; the text as it
/// is when it is no day.
pub fn long_day(i18n: &I18n, day: &str) -> String {
    let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
        return day.to_owned();
    };
    i18n.t_named(
        "appointments-date",
        &[
            (
                "weekday".into(),
                i18n.t(&format!(
                    "appointments-weekday-{}",
                    date.weekday().number_from_monday()
                )),
            ),
            ("day".into(), date.day().to_string()),
            (
                "month".into(),
                i18n.t(&format!("appointments-month-{}", date.month())),
            ),
            ("year".into(), date.year().to_string()),
        ],
    )
}

/// The month of `YYYY-MM-DD` as "December 2026".
pub fn month(i18n: &I18n, day: &str) -> String {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(|date| {
            format!(
                "{} {}",
                i18n.t(&format!("appointments-month-{}", date.month())),
                date.year()
            )
        })
        .unwrap_or_default()
}
