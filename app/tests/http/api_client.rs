//! The interface as a back-office developer starts with it: a Python client generated
//! by `openapi-python-client` (PyPI) from the committed OpenAPI document, used against
//! a running portal for a day's work (`clients/backoffice_flow.py`): the department's
//! new cases listed, one read with its answers and a document, a note added, the case
//! claimed, and the claim arriving at the department's webhook.

use std::process::Command;

use crate::{
    api_support::api_portal,
    support::{Backend, run, signed_in, within_seconds},
    webhooks::{Receiver, subscribed},
};

/// The committed document.
const DOCUMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json");
/// The back office's script.
const FLOW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/http/clients/backoffice_flow.py"
);

/// Runs `program` with `args` (and `PATH` reaching the tools beside it); its output,
/// or a panic with what it said.
fn ran(program: &std::path::Path, args: &[&str], envs: &[(&str, &str)]) -> String {
    let tools = program.parent().expect("a folder").to_owned();
    let path = format!(
        "{}:{}",
        tools.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .env("PATH", path)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{} {args:?}: {said}",
        program.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_generated_client_does_a_back_offices_day_against_the_portal() {
    run(async {
        let python = std::path::PathBuf::from(
            std::env::var("PORTAL_TEST_PYTHON").unwrap_or_else(|_| "python3".into()),
        );
        let generator = python.with_file_name("openapi-python-client");
        assert!(
            generator.is_file(),
            "openapi-python-client is missing beside {}: scripts/test installs it and sets PORTAL_TEST_PYTHON",
            python.display()
        );
        let folder = tempfile::tempdir().expect("temp dir");
        let package = folder.path().join("portal_client");
        let package_text = package.to_string_lossy().into_owned();
        tokio::task::spawn_blocking({
            let generator = generator.clone();
            move || {
                ran(
                    &generator,
                    &[
                        "generate",
                        "--path",
                        DOCUMENT,
                        "--meta",
                        "none",
                        "--output-path",
                        &package_text,
                    ],
                    &[],
                )
            }
        })
        .await
        .expect("generator");

        let (receiver, addr) = Receiver::start(0).await;
        let portal = api_portal(Backend::Sqlite, async |settings| {
            subscribed(settings, &format!("http://{addr}/hook"));
        })
        .await;
        let app = &portal.app;
        let citizen = signed_in(app, "citizen").await;
        let submission = crate::filing::file_parking_permit(&citizen, app).await;
        let case = crate::filing::case_of(app, &submission).await;
        let reference = cases::act::find(&app.state.ctx.db, &case)
            .await
            .unwrap()
            .expect("the case")
            .reference;

        let base = app.url("/api/v1");
        let token = portal.kvr.clone();
        let pythonpath = folder.path().to_string_lossy().into_owned();
        let said = tokio::task::spawn_blocking(move || {
            ran(
                &python,
                &[FLOW, &base, &token, &reference],
                &[("PYTHONPATH", &pythonpath)],
            )
        })
        .await
        .expect("the flow");
        let saw: serde_json::Value = serde_json::from_str(said.trim()).expect("one JSON line");
        assert_eq!(saw["case"], case.as_str(), "{saw}");
        assert!(saw["listed"].as_u64() >= Some(1), "{saw}");
        assert!(saw["answer_steps"].as_u64() >= Some(2), "{saw}");
        assert_eq!(saw["document"], "schein.png", "{saw}");
        assert!(saw["document_bytes"].as_u64() >= Some(600), "{saw}");
        assert_eq!(saw["note_status"], 201, "{saw}");
        assert_eq!(saw["state_after"], "in_progress", "{saw}");

        // The claim reaches the KVR's subscription.
        let events = within_seconds(
            20,
            async || receiver.accepted(),
            |events| {
                events
                    .iter()
                    .any(|e| e["type"] == "case.state_changed" && e["case"]["id"] == case.as_str())
            },
        )
        .await;
        let changed = events
            .iter()
            .find(|e| e["type"] == "case.state_changed" && e["case"]["id"] == case.as_str())
            .unwrap_or_else(|| panic!("the claim's event in {events:?}"));
        assert_eq!(changed["to_state"], "in_progress");
    });
}
