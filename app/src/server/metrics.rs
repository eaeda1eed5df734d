//! Metrics for the city's monitoring, in the Prometheus text format, on a listen
//! address of their own (`metrics_listen`) and never on the public site: requests by
//! route template and status with their latency, the database pool, the outboxes'
//! lengths and oldest entries, live sessions, requests filed and the build. Off unless
//! `metrics_listen` is set; until then the recording middleware does nothing.

mod readings;

use std::{sync::OnceLock, time::Instant};

use axum::{
    Router,
    extract::{MatchedPath, Request, State},
    http::{Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::get,
};
use kernel::start::{Context, StartResult, anyhow};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

use super::AppState;

/// Request duration buckets, in seconds: from a page served from memory to the
/// request timeout.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The request counter's and histogram's names.
const REQUESTS: &str = "portal_http_requests_total";
const DURATION: &str = "portal_http_request_duration_seconds";

/// The process's recorder, installed when metrics are first served. One per process:
/// several portals in one process (the tests) share it.
static RECORDER: OnceLock<Result<PrometheusHandle, String>> = OnceLock::new();

fn recorder() -> StartResult<PrometheusHandle> {
    RECORDER
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(DURATION.into()), &LATENCY_BUCKETS)
                .and_then(PrometheusBuilder::install_recorder)
                .map_err(|e| e.to_string())?;
            describe();
            Ok(handle)
        })
        .clone()
        .map_err(|e| anyhow!("cannot record metrics: {e}"))
}

fn describe() {
    metrics::describe_counter!(
        REQUESTS,
        "Requests answered, by method, route template and status"
    );
    metrics::describe_histogram!(
        DURATION,
        metrics::Unit::Seconds,
        "Time to answer a request, by method and route template"
    );
    metrics::describe_counter!(
        "portal_requests_filed_total",
        "Requests citizens filed (forms and Open311), since the process started"
    );
    readings::describe();
    kernel::job_runs::describe();
}

/// Counts the request and times it, by route template (`/leistungen/{slug}`, never
/// the address itself, so the series stay few) and status.
pub async fn record(request: Request, next: Next) -> Response {
    if RECORDER.get().is_none() {
        return next.run(request).await;
    }
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let method = method_label(request.method());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(REQUESTS, "method" => method, "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!(DURATION, "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// The method as a label: a stranger's invented methods are one label, not many.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Serves `GET /metrics` on `listener` until the portal stops.
pub async fn serve(listener: TcpListener, state: AppState) -> StartResult {
    let handle = recorder()?;
    let addr = listener
        .local_addr()
        .context("the metrics socket has no address")?;
    tracing::info!(%addr, "metrics listening");
    let stop = state.jobs.clone();
    let app = Router::new()
        .route("/metrics", get(scrape))
        .with_state((state, handle));
    axum::serve(listener, app)
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await
        .context("metrics server error")
}

async fn scrape(State((state, handle)): State<(AppState, PrometheusHandle)>) -> Response {
    readings::refresh(&state).await;
    handle.run_upkeep();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}
