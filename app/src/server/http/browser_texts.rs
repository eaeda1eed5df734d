//! Each language's fluent texts as one file the browser fetches beside the WebAssembly
//! (see `kernel::i18n::texts`): the module carries no texts, and a page fetches only
//! its own language and German. A file is named by a hash of its content
//! (`/texts/de.3f9c1a2b7d04.ftl`), so browsers keep it for a year and a changed text
//! is fetched the moment a page names it.

use std::{
    collections::{BTreeMap, HashMap},
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

/// The files of every language, built once from the texts the portal embeds.
struct BrowserTexts {
    /// File name → the language's fluent text.
    files: HashMap<String, String>,
    /// Language tag → the file's address.
    addresses: BTreeMap<&'static str, String>,
}

static TEXTS: LazyLock<BrowserTexts> = LazyLock::new(|| BrowserTexts::of(FLUENT_SOURCES));

impl BrowserTexts {
    fn of(sources: &[(&'static str, &[&str])]) -> Self {
        let mut files = HashMap::new();
        let mut addresses = BTreeMap::new();
        for (tag, texts) in sources {
            // A file may end without a line break: each starts on a line of its own.
            let text = texts.join("\n");
            let name = format!("{tag}.{}.ftl", short_hash(&[text.as_bytes()]));
            addresses.insert(*tag, format!("{PREFIX}/{name}"));
            files.insert(name, text);
        }
        Self { files, addresses }
    }
}

/// Each language's file address by tag, as the JSON object the island loader takes.
pub fn addresses_json() -> String {
    serde_json::to_string(&TEXTS.addresses).unwrap_or_else(|_| "{}".to_owned())
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

    #[test]
    fn every_language_has_one_file_named_by_its_content() {
        let texts = BrowserTexts::of(&[("de", &["a = A", "b = B\n"]), ("en", &["a = A"])]);
        let german = &texts.addresses["de"];
        let name = german.strip_prefix("/texts/").unwrap();
        assert!(name.starts_with("de.") && name.ends_with(".ftl"), "{name}");
        assert_eq!(texts.files[name], "a = A\nb = B\n");
        let changed = BrowserTexts::of(&[("de", &["a = A", "b = C\n"])]);
        assert_ne!(changed.addresses["de"], *german);
        assert_eq!(texts.files.len(), 2);
    }

    #[test]
    fn the_portal_offers_each_language_folder_to_the_browser() {
        let tags: Vec<&str> = TEXTS.addresses.keys().copied().collect();
        for tag in ["de", "en"] {
            assert!(tags.contains(&tag), "{tags:?}");
        }
        assert_eq!(tags.len(), FLUENT_SOURCES.len());
    }
}
