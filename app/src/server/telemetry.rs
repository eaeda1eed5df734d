//! Structured logs with `tracing`: a `RUST_LOG`-style filter, text or JSON lines. The
//! HTTP layer opens a span per request carrying its request id, so every line logged
//! while handling a request names it. With `traces.otlp_url` set, the same spans go to
//! an OpenTelemetry collector as traces (see [`traces`]).

pub mod traces;

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use super::settings::{LogFormat, Settings};

/// Installs the global subscriber, writing to standard error when `to_stderr` (for
/// commands whose standard output is their result). `RUST_LOG` wins over
/// `log_filter` when set. The returned exporter sends what is left when it is shut
/// down.
pub fn init(settings: &Settings, to_stderr: bool) -> traces::Exporter {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&settings.log_filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let exporter = traces::Exporter::start(&settings.traces);
    // The log filter is the log lines' alone: traces have theirs, so a log kept to
    // warnings still has its requests traced.
    let registry = tracing_subscriber::registry().with(exporter.layer());
    // A second init (tests that boot several servers) keeps the first subscriber.
    let writer = move || -> Box<dyn std::io::Write> {
        if to_stderr {
            Box::new(std::io::stderr())
        } else {
            Box::new(std::io::stdout())
        }
    };
    let _ = match settings.log_format {
        LogFormat::Text => registry
            .with(fmt::layer().with_writer(writer).with_filter(filter))
            .try_init(),
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .with_writer(writer)
                    .json()
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_filter(filter),
            )
            .try_init(),
    };
    exporter
}
