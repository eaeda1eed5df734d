//! Metrics for the city's monitoring: `/metrics` on its own address (not the public
//! one), with requests by route template and status, their latency, the outboxes (an
//! old waiting mail shows its age), sessions, the pool, the background jobs' runs,
//! requests filed and the build;
//! and the alert rules in `ops/prometheus/portal-alerts.yml` read by a YAML reader and
//! naming only metrics the portal serves.

use std::collections::BTreeSet;

use reqwest::StatusCode;

use crate::{
    open311::{POTHOLE, report},
    support::{Backend, TestApp, backends, client, run, spawn_app, within_moments},
};

/// The metrics served for `app` on an address of their own.
async fn metrics_address(app: &TestApp) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let state = app.state.clone();
    tokio::spawn(async move { app::server::metrics::serve(listener, state).await });
    address
}

async fn scrape(address: std::net::SocketAddr) -> String {
    let response = client()
        .get(format!("http://{address}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    response.text().await.unwrap()
}

/// The value of the series `name{labels}` (labels as written, in order).
fn value(scraped: &str, series: &str) -> Option<f64> {
    scraped
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
}

/// A mail queued `age` seconds ago that is not due yet (so nobody sends it now).
async fn queue_old_mail(app: &TestApp, age: i64) {
    use sea_orm::ConnectionTrait;
    let db = &app.state.ctx.db;
    let now = chrono::Utc::now().timestamp();
    db.execute(sea_orm::Statement::from_string(
        db.get_database_backend(),
        format!(
            "INSERT INTO kernel_mail (message_id, recipient, locale, template, args, created_at, \
             attempts, next_attempt_at) VALUES ('<metrics-test@portal>', 'x@example.org', 'de', \
             'test', '{{}}', {}, 3, {})",
            now - age,
            now + 3600
        ),
    ))
    .await
    .unwrap();
}

#[test]
fn monitoring_reads_requests_outboxes_and_the_build_from_its_own_address() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let metrics = metrics_address(&app).await;
            for path in ["/", "/leistungen/hund-anmelden", "/gibt-es-nicht"] {
                let _ = app.get(path).await;
            }
            let (status, _) = report(&app, POTHOLE).await;
            assert_eq!(status, StatusCode::CREATED, "{backend:?}");
            queue_old_mail(&app, 1_200).await;

            // Not on the public site.
            let (status, _, public) = app.get("/metrics").await;
            assert!(
                status == StatusCode::NOT_FOUND && !public.contains("portal_http_requests_total"),
                "{status}"
            );

            // The indexers and jobs report at their next pass after the recorder exists.
            let scraped = within_moments(
                async || scrape(metrics).await,
                |scraped| {
                    [
                        r#"portal_search_index_position{index="services"}"#,
                        r#"portal_search_index_generation_timestamp_seconds{index="cases"}"#,
                        r#"portal_job_runs_total{job="mail",outcome="ok"}"#,
                    ]
                    .iter()
                    .all(|series| scraped.contains(series))
                },
            )
            .await;
            let service_page = r#"portal_http_requests_total{method="GET",route="/leistungen/{slug}",status="200"}"#;
            assert!(
                value(&scraped, service_page).is_some_and(|n| n >= 1.0),
                "{scraped}"
            );
            assert!(
                scraped.contains(r#"route="unmatched",status="404""#),
                "an unknown address is one series, not one per address: {scraped}"
            );
            assert!(
                value(
                    &scraped,
                    r#"portal_http_request_duration_seconds_bucket{method="GET",route="/leistungen/{slug}",le="10"}"#
                )
                .is_some_and(|n| n >= 1.0),
                "{scraped}"
            );
            assert!(value(&scraped, "portal_requests_filed_total").is_some_and(|n| n >= 1.0));
            let mail_age = value(
                &scraped,
                r#"portal_outbox_oldest_age_seconds{outbox="mail"}"#,
            );
            assert!(mail_age.is_some_and(|age| age >= 1_200.0), "{mail_age:?}");
            assert!(
                value(&scraped, r#"portal_outbox_pending{outbox="mail"}"#)
                    .is_some_and(|n| n >= 1.0)
            );
            for series in [
                r#"portal_outbox_pending{outbox="webhook_deliveries"}"#,
                r#"portal_outbox_pending{outbox="webhook_events"}"#,
                "portal_sessions_live",
                "portal_search_outbox_latest",
                r#"portal_search_index_position{index="services"}"#,
                r#"portal_db_pool_connections{state="idle"}"#,
                "portal_db_pool_max",
                "portal_db_pool_acquire_seconds",
                r#"portal_search_index_generation_timestamp_seconds{index="cases"}"#,
                r#"portal_job_runs_total{job="mail",outcome="ok"}"#,
                r#"portal_job_last_success_timestamp_seconds{job="mail"}"#,
                r#"portal_job_runs_total{job="service_search_index",outcome="ok"}"#,
            ] {
                assert!(
                    value(&scraped, series).is_some(),
                    "{series} missing: {scraped}"
                );
            }
            assert_eq!(value(&scraped, "portal_database_up"), Some(1.0));
            assert_eq!(
                value(
                    &scraped,
                    &format!(
                        r#"portal_build_info{{version="{}"}}"#,
                        env!("CARGO_PKG_VERSION")
                    )
                ),
                Some(1.0)
            );
            alert_rules_name_only_served_metrics(&scraped);
        }
    });
}

/// The rule file parses as Prometheus rule groups, and every metric its expressions
/// name is one the portal serves (or Prometheus's own `up`).
fn alert_rules_name_only_served_metrics(scraped: &str) {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ops/prometheus/portal-alerts.yml"
    );
    let python = std::env::var("PORTAL_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let output = std::process::Command::new(&python)
        .args([
            "-c",
            "import sys, yaml\n\
             rules = [r for g in yaml.safe_load(open(sys.argv[1]))['groups'] for r in g['rules']]\n\
             for r in rules:\n\
             \x20   assert r['alert'] and r['expr'] and r['for'], r\n\
             \x20   assert r['labels']['severity'] in ('critical', 'warning'), r\n\
             \x20   assert r['annotations']['summary'], r\n\
             \x20   print(r['expr'].replace('\\n', ' '))\n",
            file,
        ])
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e}"));
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let named: BTreeSet<&str> = regex::Regex::new(r"\b(portal_[a-z_]+|up)\b")
        .unwrap()
        .find_iter(&said)
        .map(|m| m.as_str())
        .collect();
    assert!(named.len() >= 6, "{named:?}");
    for metric in named.iter().filter(|m| **m != "up") {
        assert!(
            scraped.contains(&format!("\n{metric}{{")) || scraped.contains(&format!("\n{metric} ")),
            "the rules name {metric}, which the portal does not serve"
        );
    }
}

#[test]
fn metrics_must_not_share_the_public_address() {
    run(async {
        let (mut settings, _dir) = crate::support::test_settings(Backend::Sqlite).await;
        settings.metrics_listen = Some(settings.listen);
        let err = settings.validate().unwrap_err().to_string();
        assert!(err.contains("metrics_listen"), "{err}");
    });
}
