//! The built browser files under `/pkg`, served under names that carry a hash of their
//! content (`portal.3f9c1a2b7d04.css`), so browsers may keep them for a year and a new
//! build is fetched the moment a page names it. The plain names stay available without
//! caching, for tools and for pages rendered before a deployment.

use std::{collections::HashMap, path::Path, sync::Arc};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// How long a browser keeps a file whose name carries its hash: a year, never asking
/// again (`immutable`).
pub(super) const HASHED: HeaderValue =
    HeaderValue::from_static("public, max-age=31536000, immutable");
/// Files with plain names may change with every deployment: ask each time.
const PLAIN: HeaderValue = HeaderValue::from_static("no-cache");
/// Hex digits of the SHA-256 kept in a name: 48 bits, plenty to tell builds apart.
const HASH_DIGITS: usize = 12;

/// The hashed names of one build's browser files.
#[derive(Clone, Debug)]
pub struct Assets {
    /// `portal.<hash>`: the name Leptos gives the script and the WebAssembly module,
    /// hashed over both since one never works without the other.
    pub bundle: String,
    /// `/pkg/portal.<hash>.css`.
    pub stylesheet: String,
    /// Hashed file name → plain file name in the `pkg` folder.
    names: Arc<HashMap<String, String>>,
}

impl Assets {
    /// Hashes the build's files in `pkg` (`<output>.js`, `<output>.wasm`,
    /// `<output>.css`). A missing file hashes as empty, so a server without a browser
    /// build still renders its pages.
    pub fn fingerprint(pkg: &Path, output: &str) -> Self {
        let read =
            |ext: &str| std::fs::read(pkg.join(format!("{output}.{ext}"))).unwrap_or_default();
        let bundle_hash = short_hash(&[&read("js"), &read("wasm")]);
        let css_hash = short_hash(&[&read("css")]);
        let bundle = format!("{output}.{bundle_hash}");
        let mut names = HashMap::new();
        names.insert(format!("{bundle}.js"), format!("{output}.js"));
        // Builds without cargo-leptos' output name ask for the `_bg` module.
        for wasm in [format!("{bundle}.wasm"), format!("{bundle}_bg.wasm")] {
            names.insert(wasm, format!("{output}.wasm"));
        }
        names.insert(format!("{output}.{css_hash}.css"), format!("{output}.css"));
        Self {
            bundle,
            stylesheet: format!("/pkg/{output}.{css_hash}.css"),
            names: Arc::new(names),
        }
    }

    /// The plain name behind a hashed one, `None` for any other name.
    fn plain(&self, hashed: &str) -> Option<&str> {
        self.names.get(hashed).map(String::as_str)
    }
}

pub(super) fn short_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .take(HASH_DIGITS / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What `/pkg` serves from: the folder and the hashed names.
#[derive(Clone)]
pub struct Pkg {
    pub assets: Assets,
    pub dir: ServeDir,
}

impl Pkg {
    /// Serves `dir`, with the compressed files a release build writes beside each file
    /// (`portal.wasm.br`, `.gz`: `scripts/precompress.mjs`) where they are all current;
    /// without them, answers are compressed as they go out.
    pub fn new(assets: Assets, dir: &Path) -> Self {
        let files = ServeDir::new(dir);
        let dir = if compressed_files_are_current(dir) {
            files.precompressed_br().precompressed_gzip()
        } else {
            tracing::warn!(
                dir = %dir.display(),
                "compressed browser files older than their originals are not served; \
                 run scripts/precompress.mjs after the build"
            );
            files
        };
        Self { assets, dir }
    }
}

/// Whether every compressed file in `dir` (`x.br`, `x.gz`) is at least as new as the
/// file `x` it was made from. A build after the compression (a debug build over a
/// release one) leaves the earlier build's compressed files behind, which would be
/// served in place of the new files.
fn compressed_files_are_current(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return true;
    };
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    entries.flatten().map(|entry| entry.path()).all(|path| {
        let compressed = path
            .extension()
            .is_some_and(|ext| ext == "br" || ext == "gz");
        // `portal.wasm.br` was made from `portal.wasm`.
        !compressed
            || matches!(
                (modified(&path), modified(&path.with_extension(""))),
                (Some(made), Some(original)) if made >= original
            )
    })
}

/// Serves a file of `/pkg` (nested, so the path is the file name): a hashed name as
/// its plain file, cached for a year; a plain name uncached.
pub async fn serve(State(pkg): State<Pkg>, mut request: Request) -> Response {
    let name = request.uri().path().trim_start_matches('/').to_owned();
    let (path, cache) = match pkg.assets.plain(&name) {
        Some(plain) => (format!("/{plain}"), HASHED),
        None => (format!("/{name}"), PLAIN),
    };
    let Ok(uri) = path.parse::<Uri>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    *request.uri_mut() = uri;
    match pkg.dir.oneshot(request).await {
        Ok(response) => {
            let mut response = response.map(Body::new);
            if response.status().is_success() {
                response.headers_mut().insert(header::CACHE_CONTROL, cache);
            }
            response
        }
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_files_count_only_while_they_are_as_new_as_their_originals() {
        use std::time::{Duration, SystemTime};
        let dir = tempfile::tempdir().expect("temp dir");
        let file = |name: &str, age_seconds: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, name).expect("write");
            let when = SystemTime::now() - Duration::from_secs(age_seconds);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(when))
                .expect("set time");
        };
        assert!(compressed_files_are_current(dir.path()), "none at all");
        file("portal.wasm", 60);
        file("portal.wasm.br", 30);
        file("portal.wasm.gz", 30);
        file("portal.css", 600);
        assert!(compressed_files_are_current(dir.path()));
        // A new build of the module after the compression.
        file("portal.wasm", 0);
        assert!(!compressed_files_are_current(dir.path()));
        file("portal.wasm.br", 0);
        file("portal.wasm.gz", 0);
        assert!(compressed_files_are_current(dir.path()));
        // A compressed file whose original is gone.
        file("portal.js.gz", 0);
        assert!(!compressed_files_are_current(dir.path()));
    }

    #[test]
    fn names_change_with_the_content_and_map_back_to_the_plain_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("portal.js"), "js").expect("write");
        std::fs::write(dir.path().join("portal.wasm"), "wasm").expect("write");
        std::fs::write(dir.path().join("portal.css"), "css").expect("write");
        let first = Assets::fingerprint(dir.path(), "portal");
        assert_eq!(
            first.plain(&format!("{}.js", first.bundle)),
            Some("portal.js")
        );
        assert_eq!(
            first.plain(&format!("{}.wasm", first.bundle)),
            Some("portal.wasm")
        );
        let css = first.stylesheet.trim_start_matches("/pkg/");
        assert_eq!(first.plain(css), Some("portal.css"));
        assert_eq!(first.plain("portal.js"), None);

        std::fs::write(dir.path().join("portal.css"), "css, changed").expect("write");
        let second = Assets::fingerprint(dir.path(), "portal");
        assert_ne!(second.stylesheet, first.stylesheet);
        assert_eq!(
            second.bundle, first.bundle,
            "script and module are unchanged"
        );
    }
}
