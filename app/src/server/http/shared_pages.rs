//! Pages that are the same for every visitor who is not signed in, rendered once per
//! address, language and content version and then served from memory, compressed as
//! the visitor's browser asks, with an `ETag` for a cheap "not modified".
//!
//! A page offers itself ([`kernel::shared_page::same_for_everyone`]) once its content
//! has loaded; it is stored only when it answered 200 without setting a cookie, to a
//! request without a session and without a signed-in person. It is served only to such
//! requests too: a signed-in person always gets a page rendered for them, which is what
//! lets a department's staff see their own change at once. Stored pages carry the
//! process's content version ([`kernel::content_version`]) they were rendered at; a
//! change to the public content, seen through the search outbox by every process,
//! moves it on and every stored page is rendered anew on its next request.

use std::{
    hash::{Hash, Hasher},
    io::Write as _,
    sync::Arc,
};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use kernel::{Identity, Locale, content_version::ContentVersion, shared_page};

/// Largest page kept: anything bigger is rendered each time.
const LARGEST_PAGE: usize = 2 * 1024 * 1024;

/// Largest page read whole to be stored (pages are the portal's own renders).
const LARGEST_READ: usize = 64 * 1024 * 1024;

/// Browsers may keep a stored page but ask each time whether it is still current.
const CACHE_CONTROL: &str = "no-cache";

/// What a shared page's answer varies by: a proxy must not hand it to a person whose
/// cookie (a session) or language differs.
const VARY: &str = "accept-encoding, accept-language, cookie";

/// brotli quality for stored pages: compressed once, served many times.
const BROTLI_QUALITY: u32 = 6;

/// How a stored page is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best of brotli, gzip and none that `accept` (an `Accept-Encoding` value)
    /// allows.
    fn preferred(accept: Option<&str>) -> Self {
        let allowed = |name: &str| {
            accept.is_some_and(|accept| {
                accept.split(',').any(|item| {
                    let mut parts = item.split(';');
                    let coding = parts.next().unwrap_or("").trim();
                    let refused = parts.any(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.trim().parse::<f32>().ok())
                            .is_some_and(|q| q <= 0.0)
                    });
                    coding.eq_ignore_ascii_case(name) && !refused
                })
            })
        };
        if allowed("br") {
            Self::Brotli
        } else if allowed("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }

    fn header(self) -> Option<HeaderValue> {
        match self {
            Self::Brotli => Some(HeaderValue::from_static("br")),
            Self::Gzip => Some(HeaderValue::from_static("gzip")),
            Self::Identity => None,
        }
    }

    fn encode(self, body: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Self::Brotli => {
                let mut out = Vec::with_capacity(body.len() / 4);
                {
                    let mut writer =
                        brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, 22);
                    writer.write_all(body)?;
                }
                Ok(out)
            }
            Self::Gzip => {
                let mut writer = flate2::write::GzEncoder::new(
                    Vec::with_capacity(body.len() / 3),
                    flate2::Compression::default(),
                );
                writer.write_all(body)?;
                writer.finish()
            }
            Self::Identity => Ok(body.to_vec()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    /// Path and query as asked.
    address: String,
    locale: Locale,
    encoding: Encoding,
}

/// A rendered page, encoded.
#[derive(Debug)]
struct Stored {
    /// The content version it was rendered at.
    version: u64,
    etag: HeaderValue,
    content_type: HeaderValue,
    body: Bytes,
}

#[derive(Clone)]
struct Weight;

impl quick_cache::Weighter<Key, Arc<Stored>> for Weight {
    fn weight(&self, key: &Key, page: &Arc<Stored>) -> u64 {
        (key.address.len() + page.body.len() + 200) as u64
    }
}

/// The stored pages of this process.
#[derive(Clone)]
pub struct SharedPages {
    pages: Option<Arc<quick_cache::sync::Cache<Key, Arc<Stored>, Weight>>>,
    content: ContentVersion,
    /// The session cookie's name: a request carrying one is never served from store.
    session_cookie: &'static str,
}

impl SharedPages {
    /// A store of `megabytes` (none at 0), outdated when `content` moves on.
    pub fn new(megabytes: u32, content: ContentVersion, session_cookie: &'static str) -> Self {
        let bytes = u64::from(megabytes) * 1024 * 1024;
        let pages = (bytes > 0).then(|| {
            // Estimated pages: for the cache's bookkeeping, not a limit.
            let estimated = usize::try_from(bytes / 16_384)
                .unwrap_or(usize::MAX)
                .max(16);
            Arc::new(quick_cache::sync::Cache::with_weighter(
                estimated, bytes, Weight,
            ))
        });
        Self {
            pages,
            content,
            session_cookie,
        }
    }

    /// Whether `request` is one a shared page may answer: a plain GET of nobody
    /// signed in, without a session.
    fn may_share(&self, request: &Request) -> bool {
        request.method() == Method::GET
            && !request
                .extensions()
                .get::<Identity>()
                .is_some_and(Identity::is_signed_in)
            && !has_cookie(request.headers(), self.session_cookie)
    }
}

/// Whether `headers` carry a cookie called `name`.
fn has_cookie(headers: &HeaderMap, name: &str) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .any(|pair| pair.trim_start().split('=').next() == Some(name))
}

/// Middleware (inside the identity's): serves a stored page or stores what a page
/// offers.
pub async fn apply(State(store): State<SharedPages>, request: Request, next: Next) -> Response {
    let Some(pages) = store.pages.clone().filter(|_| store.may_share(&request)) else {
        return without_offer(next.run(request).await);
    };
    let headers = request.headers();
    let key = Key {
        address: request.uri().path_and_query().map_or_else(
            || request.uri().path().to_owned(),
            |p| p.as_str().to_owned(),
        ),
        locale: kernel::i18n::request_locale(headers),
        encoding: Encoding::preferred(
            headers
                .get(header::ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok()),
        ),
    };
    let version = store.content.current();
    if let Some(page) = pages.get(&key).filter(|page| page.version == version) {
        let unchanged = headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|tags| matches_etag(tags, &page.etag));
        return answer(&page, key.encoding, unchanged);
    }
    let response = next.run(request).await;
    if !offered(&response) {
        return without_offer(response);
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, LARGEST_READ).await else {
        // The render broke off: nothing to store or send.
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let kept = (body.len() <= LARGEST_PAGE)
        .then(|| store_page(&pages, key.clone(), version, &parts.headers, &body))
        .flatten();
    match kept {
        Some(page) => answer(&page, key.encoding, false),
        None => {
            let mut response = Response::from_parts(parts, Body::from(body));
            response.headers_mut().remove(shared_page::HEADER);
            response
        }
    }
}

/// Whether a page offered `response` for sharing, and may be: a 200 that sets no
/// cookie.
fn offered(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && response.headers().contains_key(shared_page::HEADER)
        && !response.headers().contains_key(header::SET_COOKIE)
}

fn without_offer(mut response: Response) -> Response {
    response.headers_mut().remove(shared_page::HEADER);
    response
}

/// Encodes and stores `body`, rendered at `version`; `None` when it cannot be encoded.
fn store_page(
    pages: &quick_cache::sync::Cache<Key, Arc<Stored>, Weight>,
    key: Key,
    version: u64,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<Arc<Stored>> {
    let encoded = key.encoding.encode(body).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    let etag =
        HeaderValue::from_str(&format!("\"{:016x}-{:?}\"", hasher.finish(), key.encoding)).ok()?;
    let page = Arc::new(Stored {
        version,
        etag,
        content_type: headers
            .get(header::CONTENT_TYPE)
            .cloned()
            .unwrap_or_else(|| HeaderValue::from_static("text/html; charset=utf-8")),
        body: Bytes::from(encoded),
    });
    pages.insert(key, Arc::clone(&page));
    Some(page)
}

/// Whether an `If-None-Match` value names `etag` (or is `*`).
fn matches_etag(tags: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(tags) = tags.to_str() else {
        return false;
    };
    let ours = etag.to_str().unwrap_or_default();
    tags.split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == ours)
}

/// The answer for a stored page: the page, or 304 when the browser has it.
fn answer(page: &Stored, encoding: Encoding, unchanged: bool) -> Response {
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = Response::new(Body::from(page.body.clone()));
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, page.content_type.clone());
        if let Some(value) = encoding.header() {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, value);
        }
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, page.etag.clone());
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    headers.insert(header::VARY, HeaderValue::from_static(VARY));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_first_then_gzip_then_none() {
        assert_eq!(
            Encoding::preferred(Some("gzip, deflate, br")),
            Encoding::Brotli
        );
        assert_eq!(Encoding::preferred(Some("gzip, br;q=0")), Encoding::Gzip);
        assert_eq!(Encoding::preferred(Some("GZIP")), Encoding::Gzip);
        assert_eq!(Encoding::preferred(Some("deflate")), Encoding::Identity);
        assert_eq!(Encoding::preferred(None), Encoding::Identity);
    }

    #[test]
    fn encoded_pages_decode_to_the_page() {
        let page = "<!DOCTYPE html><p>Sperrmüll anmelden</p>".repeat(50);
        let br = Encoding::Brotli.encode(page.as_bytes()).unwrap();
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut decoded).unwrap();
        assert_eq!(decoded, page.as_bytes());
        let gz = Encoding::Gzip.encode(page.as_bytes()).unwrap();
        let mut decoded = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(gz.as_slice()),
            &mut decoded,
        )
        .unwrap();
        assert_eq!(decoded, page);
    }

    #[test]
    fn a_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=en; id=abc"));
        assert!(has_cookie(&headers, "id"));
        assert!(!has_cookie(&headers, "i"));
        assert!(!has_cookie(&HeaderMap::new(), "id"));
    }

    #[test]
    fn etags_match_plain_weak_and_any() {
        let ours = HeaderValue::from_static("\"1-Brotli\"");
        for tags in [
            "\"1-Brotli\"",
            "W/\"1-Brotli\"",
            "\"0-Gzip\", \"1-Brotli\"",
            "*",
        ] {
            assert!(
                matches_etag(&HeaderValue::from_static(tags), &ours),
                "{tags}"
            );
        }
        assert!(!matches_etag(
            &HeaderValue::from_static("\"1-Gzip\""),
            &ours
        ));
    }
}
