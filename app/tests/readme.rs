//! The README documents every setting, so the configuration table cannot drift.

use std::fs;

use app::server::settings::{SETTINGS, Settings};

#[test]
fn readme_lists_every_setting_with_its_variable() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .unwrap_or_default();
    for doc in SETTINGS {
        let env = Settings::env_var(doc.key);
        let row = format!("| `{}` | `{env}` |", doc.key);
        assert!(
            readme.contains(&row),
            "README lacks the row for `{}`",
            doc.key
        );
    }
}
