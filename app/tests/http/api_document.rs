//! The committed OpenAPI document as back-office developers' tools read it: checked by
//! an independent validator (`openapi-spec-validator` from PyPI), each operation named
//! once, so client generators can name their methods after it, and every field with an
//! example its schema accepts.

use std::{collections::HashMap, process::Command};

/// The committed document.
const DOCUMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json");

#[test]
fn every_operation_has_an_id_of_its_own() {
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(DOCUMENT).expect("the document"))
            .expect("JSON");
    let mut seen: HashMap<String, String> = HashMap::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            let id = operation["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(
                id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && id.chars().all(|c| c.is_ascii_alphanumeric()),
                "{method} {path}: `{id}` is not lowerCamelCase"
            );
            if let Some(other) = seen.insert(id.to_owned(), format!("{method} {path}")) {
                panic!("`{id}` names both {other} and {method} {path}");
            }
        }
    }
    assert!(seen.len() >= 13, "{seen:?}");
}

/// The tests' Python (with the packages `scripts/test` installs) run with `args`:
/// whether it succeeded, and what it said.
fn python(args: &[&str]) -> (bool, String) {
    let python = std::env::var("PORTAL_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e}"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !said.contains("No module named"),
        "a package is missing in {python}: scripts/test installs them and sets PORTAL_TEST_PYTHON\n{said}"
    );
    (output.status.success(), said)
}

#[test]
fn an_independent_validator_accepts_the_document() {
    let (success, said) = python(&["-m", "openapi_spec_validator", DOCUMENT]);
    assert!(success, "{said}");
    assert!(said.contains("OK"), "{said}");
}

#[test]
fn every_field_has_an_example_its_schema_accepts() {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/http/openapi_examples.py"
    );
    let (success, said) = python(&[script, DOCUMENT]);
    assert!(success, "{said}");
    assert!(said.contains(", 0 problems"), "{said}");
}
