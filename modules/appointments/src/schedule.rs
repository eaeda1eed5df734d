//! The module's schedule file: opening hours, counters and booking rules for every
//! office by default, what differs per office (by the export's office id), and
//! closures. Every value has a default, so the offices of an imported export are
//! bookable without a file at all.
//!
//! ```toml
//! [defaults]
//! counters = 3
//! hours = { mon = ["07:30-12:00"], thu = ["08:30-12:00", "14:00-18:00"] }
//!
//! [offices.10546]
//! counters = 6
//!
//! [[closures]]
//! office = "10546"        # every office where left out
//! from = 2026-12-24
//! to = 2026-12-31
//! reason = "Jahreswechsel"
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use crate::hours::{self, HoursError, Interval};

/// The hours of one day: intervals in order, none overlapping.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<Interval>")]
pub struct DayHours(pub Vec<Interval>);

impl TryFrom<Vec<Interval>> for DayHours {
    type Error = HoursError;

    fn try_from(intervals: Vec<Interval>) -> Result<Self, Self::Error> {
        hours::day(intervals).map(Self)
    }
}

/// Opening hours per weekday; a day left out is closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Week {
    /// Monday.
    pub mon: DayHours,
    /// Tuesday.
    pub tue: DayHours,
    /// Wednesday.
    pub wed: DayHours,
    /// Thursday.
    pub thu: DayHours,
    /// Friday.
    pub fri: DayHours,
    /// Saturday.
    pub sat: DayHours,
    /// Sunday.
    pub sun: DayHours,
}

impl Week {
    /// The hours of `weekday`.
    pub fn on(&self, weekday: Weekday) -> &[Interval] {
        let day = match weekday {
            Weekday::Mon => &self.mon,
            Weekday::Tue => &self.tue,
            Weekday::Wed => &self.wed,
            Weekday::Thu => &self.thu,
            Weekday::Fri => &self.fri,
            Weekday::Sat => &self.sat,
            Weekday::Sun => &self.sun,
        };
        &day.0
    }

    /// The hours a Munich citizens' office keeps: long Tuesday and Thursday
    /// afternoons for people who work, short mornings otherwise.
    fn citizens_office() -> Self {
        let day = |intervals: &[&str]| {
            DayHours(
                intervals
                    .iter()
                    .filter_map(|text| Interval::try_from((*text).to_owned()).ok())
                    .collect(),
            )
        };
        Self {
            mon: day(&["07:30-12:00"]),
            tue: day(&["08:30-12:00", "14:00-18:00"]),
            wed: day(&["07:30-12:00"]),
            thu: day(&["08:30-15:00"]),
            fri: day(&["07:30-12:00"]),
            sat: DayHours::default(),
            sun: DayHours::default(),
        }
    }
}

/// How one office is booked.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// Opening hours per weekday.
    pub hours: Week,
    /// People served at the same time (counters, desks).
    pub counters: u32,
    /// Length of a slot in minutes, where the export gives none for the office.
    pub slot_minutes: u32,
    /// How many days ahead one may book.
    pub horizon_days: u32,
    /// How long a chosen time is held while the contact details are entered.
    pub hold_minutes: u32,
    /// How soon before it starts a time may still be booked.
    pub lead_minutes: u32,
    /// The department whose caseworkers serve the office (its day lists): a
    /// department id as the sign-in gives it.
    pub department: String,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            hours: Week::citizens_office(),
            counters: 3,
            slot_minutes: 10,
            horizon_days: 60,
            hold_minutes: 10,
            lead_minutes: 60,
            department: "kvr".into(),
        }
    }
}

/// What differs for one office; the rest is the defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Opening hours per weekday (the whole week: a day left out is closed).
    pub hours: Option<Week>,
    /// People served at the same time.
    pub counters: Option<u32>,
    /// Slot length in minutes (over the export's).
    pub slot_minutes: Option<u32>,
    /// Booking horizon in days.
    pub horizon_days: Option<u32>,
    /// The department whose caseworkers serve it.
    pub department: Option<String>,
}

/// Days an office (or every office) is closed, both days included.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// The office's export id; every office where left out.
    pub office: Option<String>,
    /// First closed day.
    #[serde(deserialize_with = "day")]
    pub from: NaiveDate,
    /// Last closed day.
    #[serde(deserialize_with = "day")]
    pub to: NaiveDate,
    /// Why, as citizens are told.
    pub reason: String,
}

/// The schedule file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScheduleFile {
    /// Rules of every office.
    pub defaults: Rules,
    /// What differs per office, by export id.
    pub offices: BTreeMap<String, Override>,
    /// Closures.
    pub closures: Vec<Closure>,
}

/// A value out of its range, named by its place in the file.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{place}`: {allowed}")]
pub struct ScheduleError {
    /// E.g. `offices.10546.counters`.
    pub place: String,
    /// What is allowed.
    pub allowed: String,
}

/// The schedule of one office as bookings use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeSchedule {
    /// The office's export id.
    pub office: String,
    /// Its rules, defaults and override merged.
    pub rules: Rules,
    /// Its closures and every office's.
    pub closures: Vec<Closure>,
}

impl ScheduleFile {
    /// Checks every value's range; the error names the first wrong one.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_rules("defaults", &self.defaults)?;
        for (office, over) in &self.offices {
            let rules = merge(&self.defaults, over, None);
            check_rules(&format!("offices.{office}"), &rules)?;
        }
        for (n, closure) in self.closures.iter().enumerate() {
            if closure.to < closure.from {
                return Err(ScheduleError {
                    place: format!("closures[{n}].to"),
                    allowed: "must not be before `from`".into(),
                });
            }
        }
        Ok(())
    }

    /// The schedule of `office`; `export_slot_minutes` is the slot length the export
    /// gives for it, used unless the file sets one for the office.
    pub fn office(&self, office: &str, export_slot_minutes: Option<u32>) -> OfficeSchedule {
        let over = self.offices.get(office).cloned().unwrap_or_default();
        OfficeSchedule {
            office: office.to_owned(),
            rules: merge(&self.defaults, &over, export_slot_minutes),
            closures: self
                .closures
                .iter()
                .filter(|c| c.office.as_deref().is_none_or(|o| o == office))
                .cloned()
                .collect(),
        }
    }
}

/// A day as TOML writes it (`2026-12-24`, or the same quoted); a time is refused.
fn day<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    use serde::de::Error;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Toml(toml::value::Datetime),
        Quoted(String),
    }
    let written = match Written::deserialize(deserializer)? {
        Written::Toml(datetime) => datetime,
        Written::Quoted(text) => text
            .parse::<toml::value::Datetime>()
            .map_err(|_| D::Error::custom(format!("`{text}` is not a day like 2026-12-24")))?,
    };
    match (written.date, written.time) {
        (Some(date), None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(|| D::Error::custom(format!("`{written}` is no day of the calendar"))),
        _ => Err(D::Error::custom(format!(
            "`{written}` is not a day like 2026-12-24"
        ))),
    }
}

fn merge(defaults: &Rules, over: &Override, export_slot_minutes: Option<u32>) -> Rules {
    Rules {
        hours: over.hours.clone().unwrap_or_else(|| defaults.hours.clone()),
        counters: over.counters.unwrap_or(defaults.counters),
        slot_minutes: over
            .slot_minutes
            .or(export_slot_minutes.filter(|m| *m > 0))
            .unwrap_or(defaults.slot_minutes),
        horizon_days: over.horizon_days.unwrap_or(defaults.horizon_days),
        department: over
            .department
            .clone()
            .unwrap_or_else(|| defaults.department.clone()),
        ..defaults.clone()
    }
}

fn check_rules(place: &str, rules: &Rules) -> Result<(), ScheduleError> {
    let ranges: [(&str, u32, u32, u32); 5] = [
        ("counters", rules.counters, 1, 100),
        ("slot_minutes", rules.slot_minutes, 5, 120),
        ("horizon_days", rules.horizon_days, 1, 365),
        ("hold_minutes", rules.hold_minutes, 1, 60),
        ("lead_minutes", rules.lead_minutes, 0, 10_080),
    ];
    for (key, value, low, high) in ranges {
        if !(low..=high).contains(&value) {
            return Err(ScheduleError {
                place: format!("{place}.{key}"),
                allowed: format!("must be between {low} and {high}"),
            });
        }
    }
    Ok(())
}

impl OfficeSchedule {
    /// Why the office is closed on `date` (a public holiday or a closure), if it is.
    pub fn closed_because(&self, date: NaiveDate) -> Option<String> {
        if let Some(holiday) = kernel::holidays::on(date) {
            return Some(holiday.name.to_owned());
        }
        self.closures
            .iter()
            .find(|c| (c.from..=c.to).contains(&date))
            .map(|c| c.reason.clone())
    }

    /// The opening hours on `date`: none on holidays, closures and closed weekdays.
    pub fn hours_on(&self, date: NaiveDate) -> &[Interval] {
        if self.closed_because(date).is_some() {
            return &[];
        }
        self.rules.hours.on(date.weekday())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const FILE: &str = r#"
        [defaults]
        counters = 2
        hours = { mon = ["08:00-12:00"], tue = ["08:00-12:00", "13:00-16:00"] }

        [offices.10546]
        counters = 6
        slot_minutes = 15

        [[closures]]
        office = "10546"
        from = 2026-12-28
        to = 2026-12-30
        reason = "Umzug"

        [[closures]]
        from = 2026-12-31
        to = 2026-12-31
        reason = "Silvester"
    "#;

    #[test]
    fn an_office_gets_the_defaults_and_its_own_values() {
        let file: ScheduleFile = toml::from_str(FILE).unwrap();
        file.validate().unwrap();
        let office = file.office("10546", Some(10));
        assert_eq!(office.rules.counters, 6);
        assert_eq!(
            office.rules.slot_minutes, 15,
            "the file's own over the export's"
        );
        let other = file.office("99", Some(12));
        assert_eq!(other.rules.counters, 2);
        assert_eq!(
            other.rules.slot_minutes, 12,
            "the export's over the default"
        );
        assert_eq!(file.office("99", None).rules.slot_minutes, 10);
        assert_eq!(
            other.rules.horizon_days, 60,
            "a default the file leaves out"
        );
    }

    #[test]
    fn holidays_closures_and_closed_weekdays_have_no_hours() {
        let file: ScheduleFile = toml::from_str(FILE).unwrap();
        let office = file.office("10546", None);
        assert_eq!(office.hours_on(date("2026-12-07")).len(), 1, "a Monday");
        assert_eq!(office.hours_on(date("2026-12-08")).len(), 2, "a Tuesday");
        assert!(
            office.hours_on(date("2026-12-09")).is_empty(),
            "Wednesday: not in the file"
        );
        assert_eq!(
            office.closed_because(date("2026-12-29")).as_deref(),
            Some("Umzug")
        );
        assert_eq!(
            office.closed_because(date("2026-12-31")).as_deref(),
            Some("Silvester")
        );
        assert_eq!(
            office.closed_because(date("2026-12-25")).as_deref(),
            Some("1. Weihnachtstag")
        );
        let other = file.office("99", None);
        assert_eq!(
            other.closed_because(date("2026-12-29")),
            None,
            "not its closure"
        );
    }

    #[test]
    fn without_a_file_every_office_keeps_a_citizens_office_week() {
        let office = ScheduleFile::default().office("10546", None);
        assert!(!office.hours_on(date("2026-12-10")).is_empty(), "Thursday");
        assert!(office.hours_on(date("2026-12-12")).is_empty(), "Saturday");
        ScheduleFile::default().validate().unwrap();
    }

    #[test]
    fn wrong_values_name_their_place() {
        let file: ScheduleFile = toml::from_str("[offices.7]\ncounters = 0\n").unwrap();
        let error = file.validate().unwrap_err();
        assert_eq!(error.place, "offices.7.counters");
        let overlap = toml::from_str::<ScheduleFile>(
            "[defaults]\nhours = { mon = [\"08:00-12:00\", \"11:00-13:00\"] }\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            overlap.contains("overlap") && overlap.contains("mon"),
            "{overlap}"
        );
        let backwards: ScheduleFile =
            toml::from_str("[[closures]]\nfrom = 2026-12-31\nto = 2026-12-01\nreason = \"x\"\n")
                .unwrap();
        assert_eq!(backwards.validate().unwrap_err().place, "closures[0].to");
        // A day may be quoted; a time of day is no day.
        let quoted: ScheduleFile = toml::from_str(
            "[[closures]]\nfrom = \"2026-12-24\"\nto = 2026-12-24\nreason = \"x\"\n",
        )
        .unwrap();
        assert_eq!(quoted.closures[0].from, date("2026-12-24"));
        let timed = toml::from_str::<ScheduleFile>(
            "[[closures]]\nfrom = 2026-12-24T08:00:00\nto = 2026-12-24\nreason = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(timed.contains("is not a day"), "{timed}");
    }
}
