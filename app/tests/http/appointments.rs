//! Appointments: no slot is ever booked beyond its capacity, whoever races for it.

use std::sync::Arc;

use appointments::{
    book::{Booking, book},
    capacity::{TakeError, Visit, used_on},
};
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, Statement};

use crate::support::{backends, run, spawn_app};

fn booking(n: usize, visit: &Visit) -> Booking {
    Booking {
        visit: visit.clone(),
        services: vec!["1063423".into()],
        persons: 1,
        name: format!("Person {n}"),
        email: format!("person{n}@example.org"),
        phone: None,
        owner: None,
    }
}

#[test]
fn fifty_racing_for_the_last_place_book_it_once() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let db = app.state.ctx.db.clone();
            // Two of three counters already serve the slots 3 and 4 of the day.
            let visit = Visit {
                office: "10546".into(),
                day: NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(),
                first_slot: 3,
                slots: 2,
                capacity: 3,
            };
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
