//! A bad configuration stops the binary with a message naming the key.

use std::process::Command;

fn portal(env: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run portal");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn bad_value_names_the_key_and_the_variable() {
    let (code, stderr) = portal(&[("PORTAL_LISTEN", "not-an-address")], &["migrate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("listen"), "{stderr}");
    assert!(stderr.contains("PORTAL_LISTEN"), "{stderr}");
}

#[test]
fn unknown_key_is_refused() {
    let (code, stderr) = portal(&[("PORTAL_LISTEN_PORT", "80")], &["migrate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("listen_port"), "{stderr}");
}

#[test]
fn invalid_database_url_names_what_is_allowed() {
    let (code, stderr) = portal(
        &[("PORTAL_DATABASE_URL", "mysql://db/portal")],
        &["migrate"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("database_url") && stderr.contains("postgres://"),
        "{stderr}"
    );
}

#[test]
fn production_refuses_the_demo_sign_in() {
    let (code, stderr) = portal(
        &[
            ("PORTAL_ENVIRONMENT", "production"),
            ("PORTAL_PUBLIC_URL", "https://portal.example.org"),
        ],
        &["serve"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("auth.mode") && stderr.contains("production"),
        "{stderr}"
    );
}

#[test]
fn identity_provider_settings_are_checked_with_their_names() {
    let (code, stderr) = portal(
        &[
            ("PORTAL_AUTH__MODE", "oidc"),
            (
                "PORTAL_OIDC__ISSUER_URL",
                "https://login.example.org/realms/city",
            ),
        ],
        &["migrate"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("oidc.client_id"), "{stderr}");
    let (code, stderr) = portal(&[("PORTAL_AUTH__MODE", "saml")], &["migrate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("auth.mode") && stderr.contains("PORTAL_AUTH__MODE"),
        "{stderr}"
    );
}

/// Runs `portal services …` and returns exit code, stdout and stderr.
fn services(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("services")
        .args(args)
        .env_clear()
        .output()
        .expect("run portal");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn services_check_passes_the_demo_catalogue() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../services");
    let (code, stdout, stderr) = services(&["check", dir]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("6 services checked") && stdout.contains("0 errors"),
        "{stdout}"
    );
}

#[test]
fn services_check_names_file_line_and_place_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = include_str!("../../../services/sperrmuell.toml");
    std::fs::write(dir.path().join("a.toml"), good).unwrap();
    let broken = good.replacen("max = 5", "max = \"fünf\"", 1);
    std::fs::write(
        dir.path().join("b.toml"),
        broken.replacen("id = \"sperrmuell\"", "id = \"b\"", 1),
    )
    .unwrap();
    let unknown = good
        .replacen("id = \"sperrmuell\"", "id = \"c\"", 1)
        .replacen("slug = \"sperrmuell-abholung\"", "slug = \"c\"", 1)
        .replacen("field = \"volume\"", "field = \"menge\"", 1);
    std::fs::write(dir.path().join("c.toml"), unknown).unwrap();
    let (code, _, stderr) = services(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("b.toml:") && stderr.contains("steps[0].fields[3].max"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            r#"c.toml:90: steps[1].fields[2].required_if.any[0].field: unknown field "menge""#
        ),
        "{stderr}"
    );
}

#[test]
fn services_check_reports_broken_processes() {
    let dir = tempfile::tempdir().unwrap();
    let good = include_str!("../../../services/sperrmuell.toml");
    std::fs::write(dir.path().join("sperrmuell.toml"), good).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.process.toml",
        "service = \"sperrmuell\"\nstates = [\"submitted\", \"in_progress\", \"closed\", \"withdrawn\"]\n",
    );
    write("b.process.toml", "service = \"unbekannt\"\n");
    write(
        "c.process.toml",
        "service = \"sperrmuell\"\nfour_eyes = \"ja\"\n",
    );
    let (code, stdout, stderr) = services(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stderr.contains(
            r#"a.process.toml: states.closed: no case can reach this state from "submitted""#
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(r#"b.process.toml: service: no service has the id "unbekannt""#),
        "{stderr}"
    );
    assert!(stderr.contains("c.process.toml:2: four_eyes:"), "{stderr}");
    // The service itself is fine, and process files are not read as services.
    assert!(
        stdout.contains("1 services checked") && stdout.contains("3 errors"),
        "{stdout}"
    );
}

#[test]
fn migrate_works_on_the_defaults() {
    let (code, stderr) = portal(&[], &["migrate"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn serve_help_documents_every_setting() {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for key in [
        "listen",
        "database_url",
        "data_dir",
        "site_root",
        "demo_content",
        "log_format",
        "PORTAL_LOG_FILTER",
    ] {
        assert!(help.contains(key), "{key} missing in:\n{help}");
    }
}

#[test]
fn services_export_schema_writes_the_schema_of_a_services_request_data() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../services");
    let export = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_portal"))
            .args(["services", "export-schema"])
            .args(args)
            .env_clear()
            .env("PORTAL_FORMS__SERVICES_DIR", dir)
            .output()
            .expect("run portal")
    };
    let printed = export(&["bewohnerparkausweis"]);
    assert!(
        printed.status.success(),
        "{}",
        String::from_utf8_lossy(&printed.stderr)
    );
    let schema: serde_json::Value = serde_json::from_slice(&printed.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["x-leika"],
        "urn:de:fim:leika:leistung:99108001000000"
    );
    assert_eq!(schema["additionalProperties"], false);
    assert!(
        schema["properties"]
            .as_object()
            .is_some_and(|p| !p.is_empty())
    );

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("parking.schema.json");
    let written = export(&["bewohnerparkausweis", "--out", file.to_str().unwrap()]);
    assert!(written.status.success() && written.stdout.is_empty());
    assert_eq!(std::fs::read(&file).unwrap(), printed.stdout);

    let unknown = export(&["hundesteuer"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no service `hundesteuer`"));
}
