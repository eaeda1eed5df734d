//! Opening hours in OpenStreetMap's syntax, read by the `opening-hours` crate and
//! evaluated in Munich's time with Bavaria's public holidays (`PH` in the syntax).

use std::sync::{Arc, LazyLock};

use chrono::{Datelike, NaiveDateTime};
use compact_calendar::CompactCalendar;
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};

use crate::place::{Change, Hours};

/// Years of holidays known to the evaluation: from ten years back to twenty ahead of
/// the portal's start.
static HOLIDAYS: LazyLock<ContextHolidays> = LazyLock::new(|| {
    let this_year = kernel::time::today().year();
    let mut public = CompactCalendar::default();
    for year in this_year - 10..=this_year + 20 {
        for holiday in kernel::holidays::bavaria(year) {
            public.insert(holiday.date);
        }
    }
    ContextHolidays::new(Arc::new(public), Arc::default())
});

/// A toilet's hours as read from its source.
#[derive(Clone, Debug)]
pub enum ReadHours {
    /// Hours the crate read.
    Read(OpeningHours),
    /// Hours it could not read.
    Unreadable,
    /// No hours given.
    NotGiven,
}

impl ReadHours {
    /// Reads `text` (`Mo-Fr 07:00-20:00; PH off`).
    pub fn read(text: &str) -> Self {
        if text.trim().is_empty() {
            return Self::NotGiven;
        }
        match text.parse::<OpeningHours>() {
            Ok(hours) => {
                Self::Read(hours.with_context(Context::default().with_holidays(HOLIDAYS.clone())))
            }
            Err(_) => Self::Unreadable,
        }
    }

    /// Open at `at` (Munich's time)?
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        matches!(self, Self::Read(hours) if hours.is_open(at))
    }

    /// The state at `at` (Munich's time) and when it changes.
    pub fn at(&self, at: NaiveDateTime) -> Hours {
        let hours = match self {
            Self::Read(hours) => hours,
            Self::Unreadable => return Hours::Unreadable,
            Self::NotGiven => return Hours::NotGiven,
        };
        let change = hours.next_change(at).map(|next| Change {
            time: next.format("%H:%M").to_string(),
            day: (next.date() != at.date()).then(|| {
                (
                    next.format("%d.%m.").to_string(),
                    next.weekday().number_from_monday(),
                )
            }),
        });
        match hours.state(at).0 {
            RuleKind::Open => Hours::Open(change),
            RuleKind::Closed => Hours::Closed(change),
            RuleKind::Unknown => Hours::Unknown,
        }
    }

    /// The open times of `day` as `HH:MM–HH:MM` (Munich's time).
    pub fn open_on(&self, day: chrono::NaiveDate) -> Option<Vec<String>> {
        let Self::Read(hours) = self else {
            return None;
        };
        let start = day.and_hms_opt(0, 0, 0)?;
        let end = start + chrono::Duration::days(1);
        Some(
            hours
                .iter_range(start, end)
                .filter(|range| range.kind == RuleKind::Open)
                .map(|range| {
                    let to = if range.range.end >= end {
                        "24:00".to_owned()
                    } else {
                        range.range.end.format("%H:%M").to_string()
                    };
                    format!("{}–{to}", range.range.start.format("%H:%M"))
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn weekday_hours_open_and_close_with_the_next_change() {
        let hours = ReadHours::read("Mo-Fr 07:00-20:00; Sa 09:00-18:00");
        // Monday 7 December 2026.
        assert_eq!(
            hours.at(at("2026-12-07 10:00")),
            Hours::Open(Some(Change {
                time: "20:00".into(),
                day: None
            }))
        );
        assert_eq!(
            hours.at(at("2026-12-07 06:00")),
            Hours::Closed(Some(Change {
                time: "07:00".into(),
                day: None
            }))
        );
        // Saturday evening: opens on Monday.
        assert_eq!(
            hours.at(at("2026-12-12 19:00")),
            Hours::Closed(Some(Change {
                time: "07:00".into(),
                day: Some(("14.12.".into(), 1))
            }))
        );
    }

    #[test]
    fn bavarian_holidays_close_what_closes_on_ph() {
        let hours = ReadHours::read("Mo-Sa 08:00-20:00; PH off");
        // Epiphany (6 January) is a holiday in Bavaria, not in all of Germany.
        assert!(!hours.is_open(at("2027-01-06 12:00")));
        assert!(hours.is_open(at("2027-01-07 12:00")));
        // Christmas Day 2026 is a Friday.
        assert!(!hours.is_open(at("2026-12-25 12:00")));
    }

    #[test]
    fn around_the_clock_never_changes_and_odd_hours_say_so() {
        assert_eq!(
            ReadHours::read("24/7").at(at("2026-12-07 03:00")),
            Hours::Open(None)
        );
        assert_eq!(
            ReadHours::read("sometimes").at(at("2026-12-07 03:00")),
            Hours::Unreadable
        );
        assert_eq!(
            ReadHours::read("  ").at(at("2026-12-07 03:00")),
            Hours::NotGiven
        );
        assert_eq!(
            ReadHours::read("Mo-Fr 08:00-12:00 unknown").at(at("2026-12-07 09:00")),
            Hours::Unknown
        );
    }

    #[test]
    fn a_days_open_times_are_listed() {
        let hours = ReadHours::read("Mo-Fr 07:00-12:00,13:00-20:00");
        let monday = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(
            hours.open_on(monday),
            Some(vec!["07:00–12:00".into(), "13:00–20:00".into()])
        );
        let sunday = chrono::NaiveDate::from_ymd_opt(2026, 12, 13).unwrap();
        assert_eq!(hours.open_on(sunday), Some(vec![]));
    }
}
