//! Appointments: no slot is ever booked beyond its capacity, whoever races for it.

use std::sync::Arc;

use appointments::{
    availability::{free_days, free_times},
    book::{Booking, ConfirmError, Details, book, confirm, hold, release_expired},
    capacity::{TakeError, Visit, used_on},
    schedule::ScheduleFile,
    slots::in_munich,
};
use chrono::{NaiveDate, NaiveTime};
use sea_orm::{ConnectionTrait, Statement};

use crate::support::{backends, run, spawn_app};

fn booking(n: usize, visit: &Visit) -> Booking {
    Booking {
        visit: visit.clone(),
        services: vec!["1063423".into()],
        persons: 1,
        request: None,
        who: Details {
            name: format!("Person {n}"),
            email: format!("person{n}@example.org"),
            locale: "de".into(),
            ..Details::default()
        },
    }
}

/// `slots` slots from `first_slot` at the Gewerbeamt on Monday 2026-12-14, which
/// serves `capacity` people at once.
fn monday_visit(first_slot: u32, slots: u32, capacity: u32) -> Visit {
    Visit {
        office: "10546".into(),
        day: NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(),
        first_slot,
        slots,
        capacity,
    }
}

#[test]
fn fifty_racing_for_the_last_place_book_it_once() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let db = app.state.ctx.db.clone();
            // Two of three counters already serve the slots 3 and 4 of the day.
            let visit = monday_visit(3, 2, 3);
            for n in 0..2 {
                book(&db, &booking(n, &visit), 0).await.unwrap();
            }
            let db = Arc::new(db);
            let attempts: Vec<_> = (0..50)
                .map(|n| {
                    let (db, booking) = (Arc::clone(&db), booking(100 + n, &visit));
                    tokio::spawn(async move { book(&db, &booking, 0).await })
                })
                .collect();
            let (mut booked, mut taken) = (0, 0);
            for attempt in attempts {
                match attempt.await.unwrap() {
                    Ok(_) => booked += 1,
                    Err(TakeError::Taken) => taken += 1,
                    Err(other) => panic!("{backend:?}: a failure, not an answer: {other}"),
                }
            }
            assert_eq!((booked, taken), (1, 49), "{backend:?}");
            let used = used_on(db.as_ref(), "10546", visit.day, 6).await.unwrap();
            assert_eq!(used, [0, 0, 0, 3, 3, 0], "{backend:?}");
            let rows = db
                .query_one(Statement::from_string(
                    db.get_database_backend(),
                    "SELECT COUNT(*) AS n FROM appointments_appointment",
                ))
                .await
                .unwrap()
                .unwrap();
            let count: i64 = rows.try_get("", "n").unwrap();
            assert_eq!(
                count, 3,
                "{backend:?}: an appointment for every place, no more"
            );

            // A visit overlapping a full slot is refused whole: nothing of it is kept.
            let overlapping = Visit {
                first_slot: 2,
                slots: 2,
                ..visit.clone()
            };
            assert!(matches!(
                book(&db, &booking(999, &overlapping), 0).await,
                Err(TakeError::Taken)
            ));
            let used = used_on(db.as_ref(), "10546", visit.day, 6).await.unwrap();
            assert_eq!(used, [0, 0, 0, 3, 3, 0], "{backend:?}: slot 2 untouched");
        }
    });
}

#[test]
fn taken_places_leave_the_free_times_and_a_full_day_leaves_the_free_days() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let db = app.state.ctx.db.clone();
            // The defaults: Mondays 07:30-12:00 in 10-minute slots, three counters.
            let schedule = ScheduleFile::default().office("10546", None);
            let monday = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
            let time = |text: &str| NaiveTime::parse_from_str(text, "%H:%M").unwrap();
            let now =
                in_munich(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), time("08:00")).unwrap();
            let visit =
                |first_slot, slots| monday_visit(first_slot, slots, schedule.rules.counters);
            // 08:00 and 08:10 full.
            for n in 0..3 {
                book(&db, &booking(n, &visit(3, 2)), 0).await.unwrap();
            }
            let times = |need| {
                let (db, schedule) = (db.clone(), schedule.clone());
                async move { free_times(&db, &schedule, monday, need, now).await.unwrap() }
            };
            let one: Vec<NaiveTime> = times(1).await.into_iter().map(|(_, t)| t).collect();
            assert_eq!(one.len(), 27 - 2, "{backend:?}");
            assert!(!one.contains(&time("08:00")) && !one.contains(&time("08:10")));
            assert!(one.contains(&time("07:50")) && one.contains(&time("08:20")));
            // A visit of two slots may not start at 07:50 either: it would run into 08:00.
            let two: Vec<NaiveTime> = times(2).await.into_iter().map(|(_, t)| t).collect();
            assert!(!two.contains(&time("07:50")) && two.contains(&time("07:40")));
            assert!(
                !two.contains(&time("11:50")),
                "the last slot cannot start two"
            );

            // The Monday after, booked out at every counter, is no free day.
            let next_monday = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
            let days = free_days(&db, &schedule, 1, now).await.unwrap();
            assert!(days.contains(&monday) && days.contains(&next_monday));
            for n in 0..3 {
                let whole_day = Visit {
                    day: next_monday,
                    ..visit(0, 27)
                };
                book(&db, &booking(10 + n, &whole_day), 0).await.unwrap();
            }
            let days = free_days(&db, &schedule, 1, now).await.unwrap();
            assert!(
                days.contains(&monday) && !days.contains(&next_monday),
                "{backend:?}"
            );
            // Christmas and the weekends are never free days.
            let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
            let saturday = NaiveDate::from_ymd_opt(2026, 12, 19).unwrap();
            assert!(!days.contains(&christmas) && !days.contains(&saturday));
        }
    });
}

#[test]
fn a_hold_keeps_the_time_until_it_runs_out_and_then_frees_it() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let db = app.state.ctx.db.clone();
            let visit = monday_visit(0, 1, 1);
            let used = || {
                let db = db.clone();
                let day = visit.day;
                async move { used_on(&db, "10546", day, 2).await.unwrap() }
            };
            // Held at 1000 until 1600: the only place is taken.
            let first = hold(&db, &booking(1, &visit), 1000, 1600).await.unwrap();
            assert_eq!(used().await, [1, 0]);
            assert!(matches!(
                hold(&db, &booking(2, &visit), 1100, 1700).await,
                Err(TakeError::Taken)
            ));
            // Confirmed in time: a booking, which no release touches.
            confirm(&db, &first.id, 1500).await.unwrap();
            assert_eq!(release_expired(&db, 99_999).await.unwrap(), 0);
            assert_eq!(used().await, [1, 0], "{backend:?}");

            // Another hold runs out: released once, its place free again, too late to
            // confirm.
            let later = Visit {
                first_slot: 1,
                ..visit.clone()
            };
            let second = hold(&db, &booking(3, &later), 2000, 2600).await.unwrap();
            assert_eq!(used().await, [1, 1]);
            assert!(matches!(
                confirm(&db, &second.id, 2601).await,
                Err(ConfirmError::Expired)
            ));
            assert_eq!(release_expired(&db, 2601).await.unwrap(), 1);
            assert_eq!(
                release_expired(&db, 2602).await.unwrap(),
                0,
                "released once"
            );
            assert_eq!(used().await, [1, 0], "{backend:?}");
            assert!(matches!(
                confirm(&db, &second.id, 2500).await,
                Err(ConfirmError::Expired)
            ));
            assert!(matches!(
                confirm(&db, "no-such-hold", 0).await,
                Err(ConfirmError::Expired)
            ));
            // The freed place can be booked by the next person.
            book(&db, &booking(4, &later), 2700).await.unwrap();
            assert_eq!(used().await, [1, 1]);
        }
    });
}
