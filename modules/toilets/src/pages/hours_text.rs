//! Opening states and distances as sentences in the page's language.

use kernel::I18n;

use crate::place::{Change, Hours};

/// When `change` is, as `(key on the same day, key on another day)` fill it.
fn at_change(i18n: I18n, same_day: &str, other_day: &str, change: &Change) -> String {
    match &change.day {
        None => i18n.t_args(same_day, &[("time", change.time.clone().into())]),
        Some((day, weekday)) => {
            let weekday = i18n.t_args("toilets-weekday", &[("day", (*weekday).into())]);
            i18n.t_args(
                other_day,
                &[
                    ("time", change.time.clone().into()),
                    ("day", day.clone().into()),
                    ("weekday", weekday.into()),
                ],
            )
        }
    }
}

/// Whether it is open, and until or from when; `raw` is shown when unreadable.
pub fn hours_text(i18n: I18n, hours: &Hours, raw: &str) -> String {
    match hours {
        Hours::Open(None) => i18n.t("toilets-open-always"),
        Hours::Open(Some(change)) => {
            at_change(i18n, "toilets-open-until", "toilets-open-until-day", change)
        }
        Hours::Closed(Some(change)) => at_change(
            i18n,
            "toilets-closed-opens",
            "toilets-closed-opens-day",
            change,
        ),
        Hours::Closed(None) => i18n.t("toilets-closed"),
        Hours::Unknown => i18n.t("toilets-hours-unknown"),
        Hours::Unreadable => i18n.t_args(
            "toilets-hours-unreadable",
            &[("hours", raw.to_owned().into())],
        ),
        Hours::NotGiven => i18n.t("toilets-hours-none"),
    }
}

/// Whether the state is "open" (for the badge's colour).
pub fn is_open(hours: &Hours) -> bool {
    matches!(hours, Hours::Open(_))
}

/// `metres` as people read distances: `350 m`, `1,2 km`.
pub fn distance_text(i18n: I18n, metres: u32) -> String {
    if metres < 1000 {
        i18n.t_args("toilets-distance-m", &[("metres", metres.into())])
    } else {
        let km = i18n.decimal(f64::from(metres) / 1000.0, 1);
        i18n.t_args("toilets-distance-km", &[("km", km.into())])
    }
}
