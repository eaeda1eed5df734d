//! The free days of one office over its 60-day horizon with 20,000 appointments booked
//! there: from the database (one query) and computed, and the computation alone.
//!
//! `cargo bench -p appointments --features ssr --bench availability` (see BENCHMARKS.md).

#![expect(
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a benchmark stops loudly on a broken fixture and prints its figures"
)]

use std::{sync::Arc, time::Instant};

use appointments::{
    AppointmentsModule,
    availability::free_days,
    book::{Booking, Details, book},
    capacity::Visit,
    schedule::ScheduleFile,
    slots::{self, in_munich},
};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use sea_orm::{ConnectOptions, Database};
use sea_orm_migration::SchemaManager;

#[path = "../../../bench/timings.rs"]
mod timings;

const APPOINTMENTS: usize = 20_000;
const RUNS: usize = 2_000;

#[tokio::main]
async fn main() {
    let mut options = ConnectOptions::new("sqlite::memory:");
    options.max_connections(1).sqlx_logging(false);
    let db = Database::connect(options).await.expect("sqlite");
    let manager = SchemaManager::new(&db);
    let registered =
        kernel::module::registered(&[Arc::new(AppointmentsModule::default()) as Arc<_>]);
    for (_, parts) in registered.parts {
        for migration in parts.migrations {
            migration.up(&manager).await.expect("migration");
        }
    }
    // An office with 40 counters: 20,000 appointments fill most of its 60 days.
    let file: ScheduleFile = toml::from_str("[offices.10546]\ncounters = 40\n").expect("schedule");
    let schedule = file.office("10546", None);
    let first_day = NaiveDate::from_ymd_opt(2026, 12, 7).expect("day");
    let now = in_munich(first_day, NaiveTime::MIN).expect("time");
    let open_days: Vec<NaiveDate> = (0..60)
        .filter_map(|n| first_day.checked_add_days(Days::new(n)))
        .filter(|day| !schedule.grid(*day).slots.is_empty())
        .collect();
    let mut booked = 0;
    'fill: for round in 0..schedule.rules.counters {
        for day in &open_days {
            let slots = u32::try_from(schedule.grid(*day).slots.len()).expect("slots");
            for first_slot in (0..slots.saturating_sub(1)).step_by(2) {
                if booked == APPOINTMENTS {
                    break 'fill;
                }
                let booking = Booking {
                    visit: Visit {
                        office: "10546".into(),
                        day: *day,
                        first_slot,
                        slots: 2,
                        capacity: schedule.rules.counters,
                    },
                    services: vec!["1063423".into()],
                    persons: 1,
                    request: None,
                    who: Details {
                        name: format!("Person {round}"),
                        email: "a@example.org".into(),
                        locale: "de".into(),
                        ..Details::default()
                    },
                };
                book(&db, &booking, 0).await.expect("booking");
                booked += 1;
            }
        }
    }
    let days = free_days(&db, &schedule, 2, now).await.expect("free days");
    println!(
        "{booked} appointments on {} open days; {} days still free for a two-slot visit",
        open_days.len(),
        days.len()
    );
    let mut from_database = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let days = free_days(&db, &schedule, 2, now).await.expect("free days");
        from_database.push(start.elapsed().as_secs_f64() * 1e6);
        assert!(days.len() <= open_days.len());
    }
    timings::report("free days, query and computation", from_database);
    // The computation alone, on every slot nearly full.
    let full = vec![schedule.rules.counters - 1; 64];
    let mut computed = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let days = slots::free_days(&schedule, 2, now, |grid| {
            let weekend = matches!(grid.date.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend { Vec::new() } else { full.clone() }
        });
        computed.push(start.elapsed().as_secs_f64() * 1e6);
        assert!(!days.is_empty());
    }
    timings::report("free days, computation alone", computed);
}
