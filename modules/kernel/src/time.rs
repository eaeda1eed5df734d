//! The portal's clock face: German civil time. Central European Time (UTC+1), and
//! summer time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
//! last Sunday of October, as the EU rule fixes it. Written out here rather than
//! carrying a time-zone database into the browser app.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime};

/// The last Sunday of `month` in `year`, 01:00 UTC, as Unix seconds.
fn switch(year: i32, month: u32) -> i64 {
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or_default();
    let back = last.weekday().num_days_from_sunday();
    let sunday = last - Duration::days(i64::from(back));
    sunday
        .and_hms_opt(1, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp()
}

/// The offset from UTC in seconds at `at` (Unix seconds).
fn offset(at: i64) -> i64 {
    let year = DateTime::from_timestamp(at, 0).unwrap_or_default().year();
    let summer = (switch(year, 3)..switch(year, 10)).contains(&at);
    if summer { 7200 } else { 3600 }
}

/// German civil time at `at` (Unix seconds).
pub fn local(at: i64) -> NaiveDateTime {
    DateTime::from_timestamp(at.saturating_add(offset(at)), 0)
        .unwrap_or_default()
        .naive_utc()
}

/// Unix seconds of German civil time `local` (the earlier instant where the clock is
/// put back and the hour happens twice).
pub fn to_unix(local: NaiveDateTime) -> i64 {
    let guess = local.and_utc().timestamp() - 3600;
    let summer = guess - 3600;
    if offset(summer) == 7200 {
        summer
    } else {
        guess
    }
}

/// The calendar day in Germany at `at`, `DD.MM.YYYY`.
pub fn day(at: i64) -> String {
    local(at).format("%d.%m.%Y").to_string()
}

/// The time in Germany at `at`, `DD.MM.YYYY HH:MM`.
pub fn minute(at: i64) -> String {
    local(at).format("%d.%m.%Y %H:%M").to_string()
}

/// Today's date in Germany.
pub fn today() -> NaiveDate {
    local(chrono::Utc::now().timestamp()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> i64 {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
            .unwrap_or_default()
            .and_utc()
            .timestamp()
    }

    #[test]
    fn winter_and_summer_time() {
        assert_eq!(minute(utc("2026-01-15 12:00")), "15.01.2026 13:00");
        assert_eq!(minute(utc("2026-07-15 12:00")), "15.07.2026 14:00");
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(minute(utc("2026-03-29 00:59")), "29.03.2026 01:59");
        assert_eq!(minute(utc("2026-03-29 01:00")), "29.03.2026 03:00");
        assert_eq!(minute(utc("2026-10-25 00:59")), "25.10.2026 02:59");
        assert_eq!(minute(utc("2026-10-25 01:00")), "25.10.2026 02:00");
        // Late evening in winter is already the next day in Germany.
        assert_eq!(day(utc("2026-12-31 23:30")), "01.01.2027");
    }

    #[test]
    fn local_midnight_back_to_unix() {
        for text in ["2026-01-15 00:00", "2026-07-15 00:00", "2026-10-25 00:00"] {
            let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap_or_default();
            assert_eq!(super::local(to_unix(local)), local, "{text}");
        }
    }
}
