//! Percentiles of measured durations as the project's micro-benchmarks print them;
//! included by each with `#[path = "…/bench/timings.rs"] mod timings;`.

#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::print_stdout,
    reason = "indexes into a short list of timings, and the figures are the output"
)]

/// The value at `p` (0 to 1) of `sorted`.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// Prints `name: p50 …, p99 …, max … (n runs)` of `micros` (microseconds).
pub fn report(name: &str, mut micros: Vec<f64>) {
    if micros.is_empty() {
        println!("{name}: no runs");
        return;
    }
    micros.sort_by(f64::total_cmp);
    println!(
        "{name}: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs ({} runs)",
        percentile(&micros, 0.5),
        percentile(&micros, 0.99),
        micros.last().copied().unwrap_or_default(),
        micros.len()
    );
}
