//! The cost of one estimate and one street lookup with the demo edition.
//!
//! `cargo bench -p rentindex --features ssr --bench estimate` (see BENCHMARKS.md).

#![expect(
    clippy::expect_used,
    reason = "a benchmark stops loudly on a broken fixture"
)]

use std::{collections::BTreeSet, hint::black_box, time::Instant};

use rentindex::{
    calc::{Flat, estimate},
    settings::RentIndexConfig,
};

#[path = "../../../bench/timings.rs"]
mod timings;

const RUNS: usize = 20_000;

fn main() {
    let book = RentIndexConfig::default().book().expect("the demo edition");
    let features: BTreeSet<String> = book.edition.features.iter().map(|f| f.id.clone()).collect();
    let flat = Flat {
        living_space: 72.5,
        year: 1962,
        location: "good".into(),
        features,
    };
    let mut micros = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        black_box(estimate(black_box(&book.edition), black_box(&flat)).expect("an estimate"));
        micros.push(started.elapsed().as_secs_f64() * 1e6);
    }
    timings::report("estimate, every feature", micros);
    let mut micros = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        black_box(rentindex::streets::category(
            &book.streets,
            "Leopoldstr.",
            "120",
        ));
        micros.push(started.elapsed().as_secs_f64() * 1e6);
    }
    timings::report("street lookup (12 sections)", micros);
}
