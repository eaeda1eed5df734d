//! Request traces for an OpenTelemetry collector (OTLP/HTTP, protobuf), off by default.
//! The spans are the ones the logs are written in (a request's span with its request
//! id, method and path, and what runs inside it), so a trace is found by the request
//! id a log line or a citizen's error page names. A `traceparent` the load balancer
//! sends makes the portal's spans part of its trace. Spans go out in batches from a
//! thread of their own; a collector that is away costs dropped spans, never a request.

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::{SpanExporter, WithExportConfig};
use opentelemetry_sdk::{
    Resource,
    propagation::TraceContextPropagator,
    trace::{Sampler, SdkTracerProvider},
};
use tracing_opentelemetry::OpenTelemetrySpanExt;

use crate::server::settings::TracesSettings;

/// What is traced: spans at level info and above, whatever the log filter keeps.
const FILTER: tracing_subscriber::filter::LevelFilter =
    tracing_subscriber::filter::LevelFilter::INFO;

/// Whether an export runs: without one, a request pays nothing for traces.
static EXPORTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The running export, if the settings ask for one.
#[derive(Debug, Default)]
pub struct Exporter {
    provider: Option<SdkTracerProvider>,
}

impl Exporter {
    /// Starts exporting as `settings` say; a failure to start is logged to standard
    /// error and leaves the portal without traces rather than without service.
    pub fn start(settings: &TracesSettings) -> Self {
        let Some(url) = &settings.otlp_url else {
            return Self::default();
        };
        let exporter = match SpanExporter::builder()
            .with_http()
            .with_endpoint(url)
            .build()
        {
            Ok(exporter) => exporter,
            Err(error) => {
                eprintln!("portal: traces are off, the OTLP exporter did not start: {error}");
                return Self::default();
            }
        };
        let provider = SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_sampler(Sampler::ParentBased(Box::new(Sampler::TraceIdRatioBased(
                settings.sample_ratio,
            ))))
            .with_resource(
                Resource::builder()
                    .with_service_name(settings.service_name.clone())
                    .build(),
            )
            .build();
        opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
        EXPORTING.store(true, std::sync::atomic::Ordering::Relaxed);
        Self {
            provider: Some(provider),
        }
    }

    /// The layer that turns spans into traces, with its own filter (none when off:
    /// a filter without its layer would still have every info span made).
    pub fn layer<S>(&self) -> Option<impl tracing_subscriber::Layer<S>>
    where
        S: tracing::Subscriber + for<'span> tracing_subscriber::registry::LookupSpan<'span>,
    {
        use tracing_subscriber::Layer as _;
        let tracer = self.provider.as_ref()?.tracer("portal");
        Some(
            tracing_opentelemetry::layer()
                .with_tracer(tracer)
                .with_filter(FILTER),
        )
    }

    /// Sends the spans still waiting and stops.
    pub fn shutdown(self) {
        if let Some(provider) = self.provider
            && let Err(error) = provider.shutdown()
        {
            eprintln!("portal: the last traces were not sent: {error}");
        }
    }
}

/// Makes `span` part of the trace the caller's `traceparent` header names (nothing
/// happens without one, or with traces off).
pub fn continue_trace(span: &tracing::Span, headers: &http::HeaderMap) {
    if !EXPORTING.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let parent = opentelemetry::global::get_text_map_propagator(|propagator| {
        propagator.extract(&opentelemetry_http::HeaderExtractor(headers))
    });
    // Fails only for a span the log filter left out, which is not traced either.
    let _ = span.set_parent(parent);
}
