//! Munich's service database export as the information catalogue indexes it; shared by
//! the judged-query test and the search benchmark.

use std::path::{Path, PathBuf};

use kernel::{Locale, SearchDocument};

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Munich's export as search documents, as `info::read::search_documents` makes them
/// after an import; empty when the shared data folder is not there.
pub fn documents(repo: &Path) -> Vec<SearchDocument> {
    let Ok(text) =
        std::fs::read_to_string(repo.join("../shared/data/munich-dldb/services_de.json"))
    else {
        return Vec::new();
    };
    let export: info::dldb::Export<info::dldb::Service> =
        serde_json::from_str(&text).expect("Munich export");
    export
        .data
        .into_iter()
        .map(|s| SearchDocument {
            module: "info".into(),
            href: format!("/info/{}", s.id),
            title: info::sanitise::text(&s.name),
            body: [s.description, s.fees]
                .iter()
                .flatten()
                .map(|h| info::sanitise::text(h))
                .collect::<Vec<_>>()
                .join("\n"),
            keywords: s
                .meta
                .keywords
                .unwrap_or_default()
                .split(',')
                .map(|k| k.trim().to_owned())
                .chain(s.leika)
                .collect(),
            id: s.id,
            locale: Locale::DE,
            department: String::new(),
            tags: Vec::new(),
        })
        .collect()
}
