//! Free times. A day's slots follow from the office's opening hours and slot length;
//! each slot serves as many people at once as the office has counters. A visit needs
//! consecutive slots (a service's slots per person, times the persons, summed over the
//! services of the visit) within one opening interval, each with a counter free.
//! Checking every slot's count against the counters is exact: visits that never
//! overlap by more than the counters at any slot can always be given counters (an
//! interval graph is coloured with as many colours as its largest overlap).

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Berlin;

use crate::schedule::OfficeSchedule;

/// One slot of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// When it starts, local time.
    pub start: NaiveTime,
    /// Which opening interval of the day it belongs to: a visit stays in one.
    pub interval: usize,
}

/// The slots of one office on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayGrid {
    /// The day.
    pub date: NaiveDate,
    /// Its slots in order (none when the office is closed).
    pub slots: Vec<Slot>,
    /// People served at once.
    pub capacity: u32,
}

impl OfficeSchedule {
    /// The slots of `date`: every whole slot of every opening interval.
    pub fn grid(&self, date: NaiveDate) -> DayGrid {
        let length = TimeDelta::minutes(i64::from(self.rules.slot_minutes.max(1)));
        let mut slots = Vec::new();
        for (interval, hours) in self.hours_on(date).iter().enumerate() {
            let mut start = hours.start;
            loop {
                // A slot that would run past closing, or past midnight, is none.
                let (end, past_midnight) = start.overflowing_add_signed(length);
                if past_midnight != 0 || end > hours.end {
                    break;
                }
                slots.push(Slot { start, interval });
                start = end;
            }
        }
        DayGrid {
            date,
            slots,
            capacity: self.rules.counters,
        }
    }
}

/// The slots at which a visit of `need` slots can start, given how many people each
/// slot already serves (`used`, one count per slot; missing counts are 0).
pub fn free_starts(grid: &DayGrid, used: &[u32], need: usize) -> Vec<usize> {
    if need == 0 {
        return Vec::new();
    }
    let has_room = |slot: usize| used.get(slot).copied().unwrap_or(0) < grid.capacity;
    (0..grid.slots.len())
        .filter(|&first| {
            let Some(last) = grid.slots.get(first + need - 1) else {
                return false;
            };
            last.interval == grid.slots[first].interval && (first..first + need).all(has_room)
        })
        .collect()
}

/// The instant a local Munich time on `date` is; `None` for a time that does not
/// exist (skipped when the clocks go forward). A time that exists twice (when they go
/// back) is its first occurrence.
pub fn in_munich(date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    Berlin
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// The free starts of `grid` a person can still book at `now`: those at least the
/// office's lead time ahead.
pub fn bookable_starts(
    schedule: &OfficeSchedule,
    grid: &DayGrid,
    used: &[u32],
    need: usize,
    now: DateTime<Utc>,
) -> Vec<usize> {
    let earliest = now + TimeDelta::minutes(i64::from(schedule.rules.lead_minutes));
    free_starts(grid, used, need)
        .into_iter()
        .filter(|&slot| {
            in_munich(grid.date, grid.slots[slot].start).is_some_and(|at| at >= earliest)
        })
        .collect()
}

/// The days from Munich's today at `now` through the office's horizon with at least
/// one bookable start for a visit of `need` slots; `used_on` gives the counts of a
/// day's grid.
pub fn free_days(
    schedule: &OfficeSchedule,
    need: usize,
    now: DateTime<Utc>,
    mut used_on: impl FnMut(&DayGrid) -> Vec<u32>,
) -> Vec<NaiveDate> {
    let today = now.with_timezone(&Berlin).date_naive();
    (0..u64::from(schedule.rules.horizon_days))
        .filter_map(|offset| today.checked_add_days(Days::new(offset)))
        .filter(|&date| {
            let grid = schedule.grid(date);
            !grid.slots.is_empty()
                && !bookable_starts(schedule, &grid, &used_on(&grid), need, now).is_empty()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::ScheduleFile;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    fn office(file: &str) -> OfficeSchedule {
        let file: ScheduleFile = toml::from_str(file).unwrap();
        file.validate().unwrap();
        file.office("1", None)
    }

    /// Monday 08:00–09:00 and 10:00–10:30 in 15-minute slots, two counters.
    const SMALL: &str = r#"
        [defaults]
        counters = 2
        slot_minutes = 15
        lead_minutes = 0
        hours = { mon = ["08:00-09:00", "10:00-10:40"], sun = ["01:30-03:30"] }
    "#;

    #[test]
    fn a_day_has_every_whole_slot_of_its_intervals() {
        let grid = office(SMALL).grid(date("2026-12-07"));
        let starts: Vec<String> = grid
            .slots
            .iter()
            .map(|s| s.start.format("%H:%M").to_string())
            .collect();
        // 10:30–10:45 would end after closing at 10:40.
        assert_eq!(
            starts,
            ["08:00", "08:15", "08:30", "08:45", "10:00", "10:15"]
        );
        assert_eq!(grid.slots[4].interval, 1);
        assert!(
            office(SMALL).grid(date("2026-12-08")).slots.is_empty(),
            "Tuesday"
        );
        assert!(
            !office(SMALL).grid(date("2026-12-28")).slots.is_empty(),
            "a Monday"
        );
        assert!(
            office(SMALL).grid(date("2027-01-06")).slots.is_empty(),
            "a holiday"
        );
    }

    #[test]
    fn a_visit_needs_consecutive_slots_with_a_counter_free_in_one_interval() {
        let grid = office(SMALL).grid(date("2026-12-07"));
        assert_eq!(free_starts(&grid, &[], 1), [0, 1, 2, 3, 4, 5]);
        // Two slots: not from 08:45 into 10:00 (another interval), not from 10:15.
        assert_eq!(free_starts(&grid, &[], 2), [0, 1, 2, 4]);
        assert_eq!(free_starts(&grid, &[], 5), Vec::<usize>::new());
        // 08:15 has both counters taken: nothing may cover it.
        let used = [1, 2, 0, 1, 0, 0];
        assert_eq!(free_starts(&grid, &used, 1), [0, 2, 3, 4, 5]);
        assert_eq!(free_starts(&grid, &used, 2), [2, 4]);
        assert_eq!(free_starts(&grid, &used, 0), Vec::<usize>::new());
    }

    #[test]
    fn munich_time_follows_the_clock_changes() {
        // Winter: UTC+1; summer: UTC+2.
        let winter = in_munich(date("2026-12-07"), time("08:00")).unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-12-07T07:00:00+00:00");
        let summer = in_munich(date("2026-07-06"), time("08:00")).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-06T06:00:00+00:00");
        // 2026-03-29: 02:00 becomes 03:00; 02:30 does not exist.
        assert_eq!(in_munich(date("2026-03-29"), time("02:30")), None);
        // 2026-10-25: 02:30 happens twice; the first is meant.
        let twice = in_munich(date("2026-10-25"), time("02:30")).unwrap();
        assert_eq!(twice.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn on_the_night_the_clocks_go_forward_a_time_that_does_not_exist_is_not_offered() {
        let schedule = office(SMALL);
        let night = date("2026-03-29");
        let grid = schedule.grid(night);
        let now = in_munich(date("2026-03-28"), time("12:00")).unwrap();
        let offered: Vec<String> = bookable_starts(&schedule, &grid, &[], 1, now)
            .into_iter()
            .map(|slot| grid.slots[slot].start.format("%H:%M").to_string())
            .collect();
        assert!(!offered.iter().any(|t| t.starts_with("02:")), "{offered:?}");
        assert!(offered.contains(&"01:30".to_owned()) && offered.contains(&"03:15".to_owned()));
    }

    #[test]
    fn free_days_start_today_keep_the_lead_time_and_the_horizon() {
        let schedule = office(
            r#"
            [defaults]
            counters = 1
            slot_minutes = 30
            lead_minutes = 120
            horizon_days = 14
            hours = { mon = ["08:00-09:00"], wed = ["08:00-09:00"] }
            "#,
        );
        // Monday 2026-12-07, 07:00 in Munich: 08:00 is only an hour away.
        let now = in_munich(date("2026-12-07"), time("07:00")).unwrap();
        let days = free_days(&schedule, 1, now, |_| Vec::new());
        let expected: Vec<NaiveDate> = ["2026-12-09", "2026-12-14", "2026-12-16"]
            .into_iter()
            .map(date)
            .collect();
        assert_eq!(days, expected);
        // Wednesday fully booked: gone; a two-slot visit fits only on whole mornings.
        let days = free_days(&schedule, 2, now, |grid| {
            if grid.date == date("2026-12-09") {
                vec![1, 0]
            } else {
                Vec::new()
            }
        });
        assert_eq!(days, [date("2026-12-14"), date("2026-12-16")]);
    }
}
