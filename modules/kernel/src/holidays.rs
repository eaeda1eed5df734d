//! Bavaria's public holidays, the city's days off for every module (offices, opening
//! hours), by rule: fixed dates and those that follow Easter. No list of dates to keep
//! up: any year is computed.

use chrono::{Datelike, Days, NaiveDate};

/// A public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// Its date.
    pub date: NaiveDate,
    /// Its German name.
    pub name: &'static str,
}

/// When a holiday falls.
enum Rule {
    /// On this month and day every year.
    Fixed(u32, u32),
    /// This many days after Easter Sunday (negative: before).
    Easter(i64),
}

/// Bavaria's holidays. Mariä Himmelfahrt is a holiday in the communities with a
/// mainly Catholic population, Munich among them; the Augsburg Peace Festival only in
/// Augsburg is not listed.
const BAVARIA: [(Rule, &str); 13] = [
    (Rule::Fixed(1, 1), "Neujahr"),
    (Rule::Fixed(1, 6), "Heilige Drei Könige"),
    (Rule::Easter(-2), "Karfreitag"),
    (Rule::Easter(1), "Ostermontag"),
    (Rule::Fixed(5, 1), "Tag der Arbeit"),
    (Rule::Easter(39), "Christi Himmelfahrt"),
    (Rule::Easter(50), "Pfingstmontag"),
    (Rule::Easter(60), "Fronleichnam"),
    (Rule::Fixed(8, 15), "Mariä Himmelfahrt"),
    (Rule::Fixed(10, 3), "Tag der Deutschen Einheit"),
    (Rule::Fixed(11, 1), "Allerheiligen"),
    (Rule::Fixed(12, 25), "1. Weihnachtstag"),
    (Rule::Fixed(12, 26), "2. Weihnachtstag"),
];

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm
/// published by Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Bavaria's public holidays in `year`, in date order.
pub fn bavaria(year: i32) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let mut holidays: Vec<Holiday> = BAVARIA
        .iter()
        .filter_map(|(rule, name)| {
            let date = match rule {
                Rule::Fixed(month, day) => NaiveDate::from_ymd_opt(year, *month, *day),
                Rule::Easter(offset) => easter.and_then(|easter| {
                    let days = Days::new(offset.unsigned_abs());
                    if *offset < 0 {
                        easter.checked_sub_days(days)
                    } else {
                        easter.checked_add_days(days)
                    }
                }),
            }?;
            Some(Holiday { date, name })
        })
        .collect();
    holidays.sort_by_key(|h| h.date);
    holidays
}

/// The holiday on `date`, if it is one.
pub fn on(date: NaiveDate) -> Option<Holiday> {
    bavaria(date.year()).into_iter().find(|h| h.date == date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_falls_on_the_published_dates() {
        for (year, easter) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), Some(date(easter)), "{year}");
        }
    }

    #[test]
    fn bavaria_has_its_thirteen_holidays_with_the_moving_ones_after_easter() {
        let holidays = bavaria(2026);
        assert_eq!(holidays.len(), 13);
        let by_name = |name: &str| holidays.iter().find(|h| h.name == name).unwrap().date;
        assert_eq!(by_name("Karfreitag"), date("2026-04-03"));
        assert_eq!(by_name("Ostermontag"), date("2026-04-06"));
        assert_eq!(by_name("Christi Himmelfahrt"), date("2026-05-14"));
        assert_eq!(by_name("Pfingstmontag"), date("2026-05-25"));
        assert_eq!(by_name("Fronleichnam"), date("2026-06-04"));
        assert!(holidays.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn an_ordinary_day_is_no_holiday() {
        assert_eq!(on(date("2026-12-07")), None);
        assert_eq!(
            on(date("2026-12-25")).map(|h| h.name),
            Some("1. Weihnachtstag")
        );
        assert_eq!(
            on(date("2027-01-06")).map(|h| h.name),
            Some("Heilige Drei Könige")
        );
    }
}
