//! Latencies and errors per request name, merged from every worker, and the report.

use std::{collections::BTreeMap, fmt::Write as _, time::Duration};

use hdrhistogram::Histogram;

/// Slowest latency kept apart (a minute, in microseconds).
const SLOWEST_US: u64 = 60_000_000;

/// What one request name saw.
pub struct Line {
    latencies: Histogram<u64>,
    errors: u64,
    example_error: Option<String>,
}

impl Line {
    fn new() -> Self {
        Self {
            latencies: Histogram::new_with_bounds(1, SLOWEST_US, 3)
                .unwrap_or_else(|_| unreachable!("the bounds are valid")),
            errors: 0,
            example_error: None,
        }
    }
}

/// Every request name's line.
#[derive(Default)]
pub struct Tally(BTreeMap<&'static str, Line>);

impl Tally {
    /// Notes one answered (or failed) request.
    pub fn record(&mut self, name: &'static str, took: Duration, error: Option<String>) {
        let line = self.0.entry(name).or_insert_with(Line::new);
        let micros = u64::try_from(took.as_micros()).unwrap_or(SLOWEST_US);
        line.latencies
            .saturating_record(micros.clamp(1, SLOWEST_US));
        if let Some(error) = error {
            line.errors += 1;
            line.example_error.get_or_insert(error);
        }
    }

    /// Adds another worker's tally.
    pub fn merge(&mut self, other: Tally) {
        for (name, line) in other.0 {
            let mine = self.0.entry(name).or_insert_with(Line::new);
            let _ = mine.latencies.add(&line.latencies);
            mine.errors += line.errors;
            if mine.example_error.is_none() {
                mine.example_error = line.example_error;
            }
        }
    }

    pub fn requests(&self) -> u64 {
        self.0.values().map(|l| l.latencies.len()).sum()
    }

    pub fn errors(&self) -> u64 {
        self.0.values().map(|l| l.errors).sum()
    }

    /// A Markdown table: requests, share, rate, p50/p95/p99, errors per name and in all.
    pub fn table(&self, wall: Duration) -> String {
        let seconds = wall.as_secs_f64().max(f64::EPSILON);
        let total = self.requests().max(1);
        let mut out = String::from(
            "| request | requests | share | requests/s | p50 | p95 | p99 | errors |\n\
             |---|---|---|---|---|---|---|---|\n",
        );
        let mut all = Line::new();
        for (name, line) in &self.0 {
            let _ = all.latencies.add(&line.latencies);
            all.errors += line.errors;
            row(&mut out, name, line, total, seconds);
        }
        row(&mut out, "**all**", &all, total, seconds);
        for (name, line) in &self.0 {
            if let Some(error) = &line.example_error {
                let _ = writeln!(out, "\nfirst error of {name}: {error}");
            }
        }
        out
    }
}

fn row(out: &mut String, name: &str, line: &Line, total: u64, seconds: f64) {
    let count = line.latencies.len();
    let ms = |q: f64| line.latencies.value_at_quantile(q) as f64 / 1000.0;
    let _ = writeln!(
        out,
        "| {name} | {count} | {:.1} % | {:.1} | {:.1} ms | {:.1} ms | {:.1} ms | {} |",
        100.0 * count as f64 / total as f64,
        count as f64 / seconds,
        ms(0.50),
        ms(0.95),
        ms(0.99),
        line.errors
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_tallies_count_requests_errors_and_quantiles() {
        let mut a = Tally::default();
        for ms in 1..=100 {
            a.record("page", Duration::from_millis(ms), None);
        }
        let mut b = Tally::default();
        b.record("page", Duration::from_millis(5), Some("status 500".into()));
        a.merge(b);
        assert_eq!(a.requests(), 101);
        assert_eq!(a.errors(), 1);
        let table = a.table(Duration::from_secs(1));
        assert!(
            table.contains("| page | 101 | 100.0 % | 101.0 | 50."),
            "{table}"
        );
        assert!(table.contains("first error of page: status 500"));
    }
}
