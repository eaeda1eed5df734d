//! The interface fuzzed by schemathesis (PyPI) from the committed OpenAPI document,
//! against a portal with seeded cases on loopback, for a bounded time: no answer may
//! be a server error, and every answer must match the document (status, media type,
//! body schema).

use std::process::Command;

use crate::{
    api_support::api_portal,
    support::{Backend, run},
};

/// How long schemathesis may generate calls.
const SECONDS: &str = "60";

#[test]
fn the_interface_survives_fuzzing_and_keeps_to_its_document() {
    run(async {
        let portal = api_portal(Backend::Sqlite, async |settings| {
            settings.api.requests_per_minute = 100_000;
            settings.api.burst = 100_000;
            app::server::seed::seed(settings, app::server::seed::Scale::cases(200), 5)
                .await
                .unwrap();
        })
        .await;
        let python = std::env::var("PORTAL_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let schemathesis = std::path::Path::new(&python).with_file_name("schemathesis");
        assert!(
            schemathesis.is_file(),
            "schemathesis is missing beside {python}: scripts/test installs it and sets PORTAL_TEST_PYTHON"
        );
        let document = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json");
        let url = portal.app.url("/api/v1");
        let authorization = format!("Authorization: Bearer {}", portal.kvr);
        let output = tokio::task::spawn_blocking(move || {
            Command::new(schemathesis)
                .args([
                    "run",
                    document,
                    "--url",
                    &url,
                    "--header",
                    &authorization,
                    "--checks",
                    "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                    "--phases",
                    "examples,coverage,fuzzing",
                    "--max-time",
                    SECONDS,
                    // One worker: the Python 3.11.7 the machines carry shares the AST
                    // constructor's recursion counter between threads (CPython
                    // gh-106905), so two workers now and then fail inside Hypothesis
                    // with "AST constructor recursion depth mismatch".
                    "--workers",
                    "1",
                    "--seed",
                    "1",
                    "--request-timeout",
                    "10",
                ])
                .env("SCHEMATHESIS_HOOKS", "")
                .output()
                .expect("schemathesis runs")
        })
        .await
        .unwrap();
        let report = format!(
            "{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // The summary, for whoever runs the test with `--nocapture`.
        eprintln!(
            "{}",
            report.lines().rev().take(12).collect::<Vec<_>>().join("\n")
        );
        assert!(output.status.success(), "{report}");
        assert!(report.contains("passed"), "{report}");
    });
}
