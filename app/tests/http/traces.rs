//! Request traces over OTLP/HTTP: the real portal binary with `traces.otlp_url` set
//! exports to a receiver of the test's own that decodes the protobuf requests as a
//! collector does. A request's span carries its request id (the join key with the
//! logs) and the service name, and one that came with a `traceparent` continues that
//! trace under the caller's span; a log filtered to warnings does not thin the traces.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{body::Bytes, extract::State, routing::post};
use opentelemetry_proto::tonic::{
    collector::trace::v1::ExportTraceServiceRequest, common::v1::any_value::Value, trace::v1::Span,
};
use prost::Message;

use crate::{
    portal_process::{PortalProcess, free_port},
    support::run,
};

/// A received span with the service name of its resource.
#[derive(Clone, Debug)]
struct Received {
    service: String,
    span: Span,
}

type Inbox = Arc<Mutex<Vec<Received>>>;

fn text(value: Option<&opentelemetry_proto::tonic::common::v1::AnyValue>) -> String {
    match value.and_then(|v| v.value.as_ref()) {
        Some(Value::StringValue(text)) => text.clone(),
        _ => String::new(),
    }
}

async fn receive(State(inbox): State<Inbox>, body: Bytes) -> &'static str {
    let request = ExportTraceServiceRequest::decode(body).expect("an OTLP trace export");
    let mut spans = inbox.lock().unwrap();
    for resource_spans in request.resource_spans {
        let service = resource_spans
            .resource
            .iter()
            .flat_map(|r| &r.attributes)
            .find(|a| a.key == "service.name")
            .map(|a| text(a.value.as_ref()))
            .unwrap_or_default();
        for scope in resource_spans.scope_spans {
            for span in scope.spans {
                spans.push(Received {
                    service: service.clone(),
                    span,
                });
            }
        }
    }
    ""
}

/// The attribute `key` of `span` as text.
fn attribute(span: &Span, key: &str) -> String {
    text(
        span.attributes
            .iter()
            .find(|a| a.key == key)
            .and_then(|a| a.value.as_ref()),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The request span with request id `id`, once it arrived (at most 20 seconds).
async fn request_span(inbox: &Inbox, id: &str) -> Received {
    for _ in 0..200 {
        let found = inbox
            .lock()
            .unwrap()
            .iter()
            .find(|r| r.span.name == "request" && attribute(&r.span, "request_id") == id)
            .cloned();
        if let Some(found) = found {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no span of request {id}: {:?}", inbox.lock().unwrap());
}

#[test]
fn requests_are_traced_by_their_request_id_and_join_the_callers_trace() {
    run(async {
        let inbox = Inbox::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let collector = listener.local_addr().unwrap();
        let app = axum::Router::new()
            .route("/v1/traces", post(receive))
            .with_state(Arc::clone(&inbox));
        tokio::spawn(async move { axum::serve(listener, app).await });

        let portal = PortalProcess::serve(
            free_port(),
            &[
                (
                    "PORTAL_TRACES__OTLP_URL",
                    format!("http://{collector}/v1/traces"),
                ),
                ("PORTAL_TRACES__SERVICE_NAME", "portal-under-test".into()),
                // A log kept to warnings: requests are traced all the same.
                ("PORTAL_LOG_FILTER", "warn".into()),
                // Batches every half second instead of every five.
                ("OTEL_BSP_SCHEDULE_DELAY", "500".into()),
            ],
        )
        .await;
        let client = reqwest::Client::new();

        // A request on its own: a trace of its own, found by its request id.
        let response = client
            .get(format!("{}/leistungen", portal.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let alone = request_span(&inbox, &id).await;
        assert_eq!(alone.service, "portal-under-test");
        assert_eq!(attribute(&alone.span, "method"), "GET");
        assert_eq!(attribute(&alone.span, "path"), "/leistungen");
        assert!(alone.span.parent_span_id.is_empty(), "a root span");

        // Behind a load balancer that traces: the portal's span joins its trace.
        let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
        let caller_span = "00f067aa0ba902b7";
        let response = client
            .get(format!("{}/", portal.base))
            .header("traceparent", format!("00-{trace_id}-{caller_span}-01"))
            .header("x-request-id", "balancer-7f3a")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let joined = request_span(&inbox, "balancer-7f3a").await;
        assert_eq!(hex(&joined.span.trace_id), trace_id);
        assert_eq!(hex(&joined.span.parent_span_id), caller_span);
        assert_ne!(hex(&alone.span.trace_id), trace_id);
        assert!(!portal.log().contains("traces are off"), "{}", portal.log());
    });
}
