//! The finder's nearest query over 20,000 toilets spread over Munich's area: the 10
//! nearest with no filter, with the accessibility filters, and open now; and the
//! snapshot's build (what an import costs the running finder once).
//!
//! `cargo bench -p toilets --features ssr --bench nearest` (see BENCHMARKS.md).

#![expect(
    clippy::expect_used,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "a benchmark stops loudly on a broken fixture and prints its figures"
)]

use std::time::Instant;

use chrono::{DateTime, NaiveDateTime, Utc};
use kernel::geo::Position;
use toilets::{
    PlaceRow,
    finder::Snapshot,
    query::{FinderQuery, WheelchairNeed},
};

#[path = "../../../bench/timings.rs"]
mod timings;

const TOILETS: usize = 20_000;
const RUNS: usize = 5_000;

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 1_000_000) as f64 / 1_000_000.0
    }
}

fn rows(numbers: &mut Numbers) -> Vec<PlaceRow> {
    let hours = [
        "24/7",
        "Mo-Fr 07:00-20:00; Sa 09:00-16:00; PH off",
        "Mo-Su 06:00-22:00",
        "",
        "Apr-Oct: Mo-Su 08:00-21:00",
    ];
    let wheelchair = ["yes", "limited", "no", ""];
    (0..TOILETS)
        .map(|i| PlaceRow {
            id: i as i32 + 1,
            source: "bench".into(),
            source_key: format!("node/{i}"),
            name: format!("Toilette {i}"),
            street: String::new(),
            postcode: String::new(),
            district: format!("Bezirk {}", i % 25),
            // Munich's area: about 26 × 20 km.
            lat: 48.06 + numbers.next() * 0.19,
            lon: 11.36 + numbers.next() * 0.36,
            opening_hours: hours[i % hours.len()].into(),
            wheelchair: wheelchair[i % wheelchair.len()].into(),
            euro_key: i % 3 == 0,
            changing_table: i % 4 == 0,
            fee: if i % 2 == 0 {
                "no".into()
            } else {
                "0.50 EUR".into()
            },
            access: String::new(),
            operator: String::new(),
            licence: "CC0-1.0".into(),
            attribution: "bench".into(),
            published: true,
            changed_at: DateTime::<Utc>::UNIX_EPOCH,
        })
        .collect()
}

fn main() {
    let mut numbers = Numbers(0x2545_f491_4f6c_dd1d);
    let rows = rows(&mut numbers);
    let started = Instant::now();
    let snapshot = Snapshot::build(Some(1), rows);
    println!(
        "snapshot of {TOILETS}: built in {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let at = NaiveDateTime::parse_from_str("2026-12-07 10:00", "%Y-%m-%d %H:%M").expect("time");
    let cases = [
        ("nearest 10, no filter", FinderQuery::default()),
        (
            "nearest 10, wheelchair yes + Euro key + free",
            FinderQuery {
                wheelchair: WheelchairNeed::Yes,
                euro_key: true,
                free: true,
                ..FinderQuery::default()
            },
        ),
        (
            "nearest 10, open now",
            FinderQuery {
                open: true,
                ..FinderQuery::default()
            },
        ),
    ];
    for (name, query) in cases {
        let mut micros = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let from = Position::new(48.06 + numbers.next() * 0.19, 11.36 + numbers.next() * 0.36)
                .expect("position");
            let started = Instant::now();
            let found = snapshot.search(&query, at, Some(from), 1, 10);
            micros.push(started.elapsed().as_secs_f64() * 1e6);
            assert_eq!(found.items.len(), 10, "{name}");
        }
        timings::report(name, micros);
    }
    let mut micros = Vec::with_capacity(RUNS / 10);
    for page in 0..RUNS / 10 {
        let started = Instant::now();
        let found = snapshot.search(
            &FinderQuery {
                open: true,
                ..FinderQuery::default()
            },
            at,
            None,
            (page % 20) as u32 + 1,
            20,
        );
        micros.push(started.elapsed().as_secs_f64() * 1e6);
        assert_eq!(found.items.len(), 20);
    }
    timings::report("by district, open now, pages 1-20 of 20", micros);
}
