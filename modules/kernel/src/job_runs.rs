//! Runs of the background jobs (mail and webhook outboxes, search indexers, retention,
//! session clean-up, appointment holds and reminders) for the city's monitoring:
//! `portal_job_runs_total{job, outcome}` counts every pass as `ok` or `failed`, and
//! `portal_job_last_success_timestamp_seconds{job}` says when one last worked, so an
//! alert can ask "has the mail job not succeeded for ten minutes?". Without a metrics
//! recorder (`metrics_listen` unset) the calls cost next to nothing.

/// The counter of passes.
pub const RUNS: &str = "portal_job_runs_total";
/// The gauge of the last successful pass (Unix time, seconds).
pub const LAST_SUCCESS: &str = "portal_job_last_success_timestamp_seconds";

/// Describes the two series (once, when metrics are first served).
pub fn describe() {
    metrics::describe_counter!(RUNS, "Passes of background jobs, by job and outcome");
    metrics::describe_gauge!(
        LAST_SUCCESS,
        metrics::Unit::Seconds,
        "When a background job last ran without error (Unix time)"
    );
}

/// Records one pass of `job` with its `result`; hands the result back.
pub fn record<T, E>(job: &'static str, result: Result<T, E>) -> Result<T, E> {
    let outcome = if result.is_ok() { "ok" } else { "failed" };
    metrics::counter!(RUNS, "job" => job, "outcome" => outcome).increment(1);
    if result.is_ok() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        metrics::gauge!(LAST_SUCCESS, "job" => job).set(now);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_pass_counts_as_failed_and_leaves_the_last_success() {
        let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        metrics::with_local_recorder(&recorder, || {
            record::<(), ()>("mail", Ok(())).unwrap();
            let _ = record::<(), &str>("mail", Err("database away"));
            let _ = record::<(), &str>("retention", Err("database away"));
        });
        let scraped = handle.render();
        assert!(
            scraped.contains(r#"portal_job_runs_total{job="mail",outcome="ok"} 1"#),
            "{scraped}"
        );
        assert!(scraped.contains(r#"portal_job_runs_total{job="mail",outcome="failed"} 1"#));
        assert!(scraped.contains(r#"portal_job_runs_total{job="retention",outcome="failed"} 1"#));
        assert!(scraped.contains(r#"portal_job_last_success_timestamp_seconds{job="mail"}"#));
        assert!(
            !scraped.contains(r#"portal_job_last_success_timestamp_seconds{job="retention"}"#),
            "a job that never worked has no last success: {scraped}"
        );
    }
}
