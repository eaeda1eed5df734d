//! Opening hours as the schedule file writes them: `"08:00-12:00"`, several per day.

use std::fmt;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// One opening interval of a day, `start` before `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Interval {
    /// Opening.
    pub start: NaiveTime,
    /// Closing: the last appointment ends by then.
    pub end: NaiveTime,
}

/// Why an interval was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// Not `HH:MM-HH:MM`.
    #[error("`{0}` is not opening hours like `08:00-12:00`")]
    Malformed(String),
    /// Closing before opening.
    #[error("`{0}` closes before it opens")]
    Backwards(String),
    /// Two intervals of one day overlap.
    #[error("`{0}` and `{1}` overlap")]
    Overlap(Interval, Interval),
}

impl TryFrom<String> for Interval {
    type Error = HoursError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let malformed = || HoursError::Malformed(text.clone());
        let (start, end) = text.trim().split_once('-').ok_or_else(malformed)?;
        let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| malformed());
        let (start, end) = (time(start)?, time(end)?);
        if end <= start {
            return Err(HoursError::Backwards(text));
        }
        Ok(Self { start, end })
    }
}

impl From<Interval> for String {
    fn from(interval: Interval) -> Self {
        interval.to_string()
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// The intervals of one day in order; an error when two overlap.
pub fn day(mut intervals: Vec<Interval>) -> Result<Vec<Interval>, HoursError> {
    intervals.sort();
    if let Some(pair) = intervals.windows(2).find(|w| w[1].start < w[0].end) {
        return Err(HoursError::Overlap(pair[0], pair[1]));
    }
    Ok(intervals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Interval, HoursError> {
        Interval::try_from(text.to_owned())
    }

    #[test]
    fn hours_are_read_and_written_the_same_way() {
        let interval = parse(" 07:30 - 12:00 ").unwrap();
        assert_eq!(interval.to_string(), "07:30-12:00");
    }

    #[test]
    fn wrong_hours_say_what_is_wrong() {
        assert_eq!(parse("8-12"), Err(HoursError::Malformed("8-12".into())));
        assert_eq!(parse("08:00"), Err(HoursError::Malformed("08:00".into())));
        assert_eq!(
            parse("25:00-26:00"),
            Err(HoursError::Malformed("25:00-26:00".into()))
        );
        assert_eq!(
            parse("12:00-08:00"),
            Err(HoursError::Backwards("12:00-08:00".into()))
        );
        let overlap = day(vec![
            parse("13:00-16:00").unwrap(),
            parse("08:00-13:30").unwrap(),
        ]);
        assert!(matches!(overlap, Err(HoursError::Overlap(..))));
        assert_eq!(
            overlap.unwrap_err().to_string(),
            "`08:00-13:30` and `13:00-16:00` overlap"
        );
    }
}
