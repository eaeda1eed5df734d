//! Protection against cross-site request forgery for every state-changing request
//! (server functions, plain HTML form posts, module APIs).
//!
//! Browsers say where a request comes from: `Sec-Fetch-Site` in current browsers,
//! `Origin` in older ones. A request with an unsafe method is refused when either says
//! it came from another site. Requests with neither header do not come from a browser
//! and carry no ambient credentials a forger could use, so they pass. This needs no
//! token in forms, so it also covers forms posted without JavaScript.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The origin (`scheme://host[:port]`) the portal is published under.
#[derive(Clone, Debug)]
pub struct PublicOrigin(pub String);

impl PublicOrigin {
    /// The origin part of a public URL such as `https://portal.example/base/`.
    pub fn from_url(url: &str) -> Self {
        let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
        let authority = rest.split('/').next().unwrap_or(rest);
        Self(format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            authority.to_ascii_lowercase()
        ))
    }
}

/// Middleware: answers 403 to cross-site requests with unsafe methods.
pub async fn apply(State(public): State<PublicOrigin>, request: Request, next: Next) -> Response {
    if is_safe(request.method()) || is_same_site(request.headers(), &public) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        path = request.uri().path(),
        origin = ?request.headers().get(header::ORIGIN),
        "cross-site request refused"
    );
    (
        StatusCode::FORBIDDEN,
        "cross-site request refused / Anfrage von fremder Seite abgelehnt",
    )
        .into_response()
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_same_site(headers: &HeaderMap, public: &PublicOrigin) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none`: typed into the address bar or opened from a bookmark.
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return true;
    };
    let origin = origin.to_ascii_lowercase();
    if origin == public.0 {
        return true;
    }
    // Reached under another name than the public URL (e.g. on loopback): the request
    // is same-origin when the Origin names the host it was sent to.
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match (origin.split_once("://"), host) {
        (Some((_, authority)), Some(host)) => authority == host.to_ascii_lowercase(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn public() -> PublicOrigin {
        PublicOrigin::from_url("https://Portal.Example/start/")
    }

    #[test]
    fn origin_of_the_public_url() {
        assert_eq!(public().0, "https://portal.example");
        assert_eq!(
            PublicOrigin::from_url("http://127.0.0.1:3000").0,
            "http://127.0.0.1:3000"
        );
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(is_same_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            &public()
        ));
        assert!(is_same_site(
            &headers(&[("sec-fetch-site", "none")]),
            &public()
        ));
        assert!(!is_same_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            &public()
        ));
        assert!(!is_same_site(
            &headers(&[("sec-fetch-site", "same-site")]),
            &public()
        ));
        let forged = headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://portal.example"),
        ]);
        assert!(!is_same_site(&forged, &public()));
    }

    #[test]
    fn origin_must_be_the_portal() {
        assert!(is_same_site(
            &headers(&[("origin", "https://portal.example")]),
            &public()
        ));
        assert!(!is_same_site(
            &headers(&[("origin", "https://evil.example")]),
            &public()
        ));
        assert!(!is_same_site(&headers(&[("origin", "null")]), &public()));
        let loopback = headers(&[
            ("origin", "http://127.0.0.1:4000"),
            ("host", "127.0.0.1:4000"),
        ]);
        assert!(is_same_site(&loopback, &public()));
        let other = headers(&[
            ("origin", "http://127.0.0.1:4001"),
            ("host", "127.0.0.1:4000"),
        ]);
        assert!(!is_same_site(&other, &public()));
    }

    #[test]
    fn requests_without_browser_headers_pass() {
        assert!(is_same_site(&HeaderMap::new(), &public()));
    }
}
