//! Each language's fluent texts as one file the browser fetches beside the WebAssembly
//! (see `kernel::i18n::texts`): the module carries no texts, and a page fetches only
//! its own language, and German where its language lacks messages German has (German
//! is every text's fallback). A file is named by a hash of its content
//! (`/texts/de.3f9c1a2b7d04.ftl`), so browsers keep it for a year and a changed text
//! is fetched the moment a page names it.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    sync::LazyLock,
};

use axum::{
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::assets::{HASHED, short_hash};

include!(concat!(env!("OUT_DIR"), "/fluent_sources.rs"));

/// Where the files are served.
pub const PREFIX: &str = "/texts";

/// The language every other one falls back to.
const GERMAN: &str = "de";

/// The files of every language, built once from the texts the portal embeds.
struct BrowserTexts {
    /// File name → the language's fluent text.
    files: HashMap<String, String>,
    /// Language tag → the addresses of the files a page in that language fetches
    /// (its own, then German's where it lacks a message of German's), as the JSON
    /// object the island loader takes; written once, since every page names it.
    addresses_json: String,
}

static TEXTS: LazyLock<BrowserTexts> = LazyLock::new(|| BrowserTexts::of(FLUENT_SOURCES));

impl BrowserTexts {
    fn of(sources: &[(&'static str, &[&str])]) -> Self {
        let mut files = HashMap::new();
        let mut own = BTreeMap::new();
        let mut messages = HashMap::new();
        for (tag, texts) in sources {
            // A file may end without a line break: each starts on a line of its own.
            let text = texts.join("\n");
            let name = format!("{tag}.{}.ftl", short_hash(&[text.as_bytes()]));
            own.insert(*tag, format!("{PREFIX}/{name}"));
            messages.insert(*tag, message_ids(&text));
            files.insert(name, text);
        }
        let german = messages.get(GERMAN).cloned().unwrap_or_default();
        let addresses: BTreeMap<&str, Vec<String>> = own
            .iter()
            .map(|(tag, address)| {
                let complete = messages
                    .get(tag)
                    .is_some_and(|ids| ids.is_superset(&german));
                let fallback = own.get(GERMAN).filter(|_| !complete);
                (
                    *tag,
                    std::iter::once(address).chain(fallback).cloned().collect(),
                )
            })
            .collect();
        let addresses_json = serde_json::to_string(&addresses).unwrap_or_else(|_| "{}".into());
        Self {
            files,
            addresses_json,
        }
    }
}

/// The ids of the messages a fluent text defines: lines that start with an
/// identifier and `=` (terms start with `-`, comments with `#`, continuations with
/// a space).
fn message_ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let mut chars = id.chars();
            let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then(|| id.to_owned())
        })
        .collect()
}

/// Each language's file addresses by tag, as the JSON object the island loader takes.
pub fn addresses_json() -> &'static str {
    &TEXTS.addresses_json
}

/// Serves a language's file (nested under [`PREFIX`], so the path is the file name).
pub async fn serve(request: Request) -> Response {
    let name = request.uri().path().trim_start_matches('/');
    match TEXTS.files.get(name) {
        Some(text) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; charset=utf-8"),
                ),
                (header::CACHE_CONTROL, HASHED),
            ],
            text.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The addresses by language, as the loader reads them.
    fn addresses(texts: &BrowserTexts) -> BTreeMap<String, Vec<String>> {
        serde_json::from_str(&texts.addresses_json).unwrap()
    }

    #[test]
    fn every_language_has_one_file_named_by_its_content() {
        let texts = BrowserTexts::of(&[("de", &["a = A", "b = B\n"]), ("en", &["a = A"])]);
        let german = &addresses(&texts)["de"][0];
        let name = german.strip_prefix("/texts/").unwrap();
        assert!(name.starts_with("de.") && name.ends_with(".ftl"), "{name}");
        assert_eq!(texts.files[name], "a = A\nb = B\n");
        let changed = BrowserTexts::of(&[("de", &["a = A", "b = C\n"])]);
        assert_ne!(addresses(&changed)["de"][0], *german);
        assert_eq!(texts.files.len(), 2);
    }

    #[test]
    fn a_language_lacking_a_message_of_german_s_fetches_german_as_well() {
        let german = "# Comment\na = A\nb = B\n    .label = L\n-term = T\n";
        let texts = BrowserTexts::of(&[
            ("de", &[german]),
            ("en", &["a = A\nb =\n    B\nc = extra\n"]),
            ("tr", &["a = A\n-b = only a term\n"]),
        ]);
        let addresses = addresses(&texts);
        assert_eq!(addresses["de"].len(), 1);
        assert_eq!(addresses["en"].len(), 1, "English has every message");
        let turkish = &addresses["tr"];
        assert_eq!(turkish.len(), 2);
        assert!(turkish[0].starts_with("/texts/tr."));
        assert_eq!(turkish[1], addresses["de"][0]);
    }

    #[test]
    fn the_portal_offers_each_language_folder_to_the_browser() {
        let addresses = addresses(&TEXTS);
        for tag in ["de", "en"] {
            assert!(addresses.contains_key(tag), "{addresses:?}");
        }
        assert_eq!(addresses.len(), FLUENT_SOURCES.len());
        // English is complete (a test of the locales says so): its pages fetch one file.
        assert_eq!(addresses["en"].len(), 1);
    }
}
