//! Security headers on every response.
//!
//! Scripts run only from the portal's own origin or when they are one of the page's
//! inline scripts (the island loader and Leptos' two data scripts), allowed by their
//! hashes (the same on every page, so a page can be stored and served to many: a nonce
//! would differ per answer), so no `unsafe-inline` is needed; WebAssembly needs
//! `wasm-unsafe-eval`. Pages may not be framed, and nothing is loaded from elsewhere
//! but the images of origins modules name (a map's tiles).
//! Forms post only to the portal; the one exception is the identity provider, where
//! sign-out continues after the portal's redirect (browsers apply `form-action` to
//! redirects that follow a form post).

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};

/// Origins besides the portal's own that forms may lead to (`form-action`).
#[derive(Clone, Debug, Default)]
pub struct FormTargets(Arc<str>);

/// What the headers depend on: where forms may lead, and whether the portal is public
/// at https (then browsers are told to use nothing else).
#[derive(Clone, Debug, Default)]
pub struct HeaderPolicy {
    /// `form-action` origins.
    pub form_targets: FormTargets,
    /// Send `Strict-Transport-Security`.
    pub https: bool,
    /// ` origin origin …` besides the portal's own for `img-src`.
    pub image_origins: Arc<str>,
    /// The inline scripts pages may run, as CSP sources (`'sha256-…'`).
    pub inline_scripts: Arc<str>,
}

/// `origins` as a source list to append (` a b`), keeping only well-formed origins
/// (a scheme, a host, perhaps `*.` before it; nothing that could end the directive).
pub fn image_origins(origins: impl IntoIterator<Item = String>) -> Arc<str> {
    let well_formed = |origin: &str| {
        let host = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .map(|h| h.strip_prefix("*.").unwrap_or(h));
        host.is_some_and(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        })
    };
    origins
        .into_iter()
        .filter(|o| well_formed(o))
        .map(|o| format!(" {o}"))
        .collect::<String>()
        .into()
}

/// A year of https only, for the portal's host and those below it.
const HSTS: &str = "max-age=31536000; includeSubDomains";

impl FormTargets {
    /// The origin of the identity provider at `issuer_url`, when there is one.
    pub fn identity_provider(issuer_url: Option<&str>) -> Self {
        let origin = issuer_url
            .and_then(|url| openidconnect::url::Url::parse(url).ok())
            .map(|url| url.origin().ascii_serialization())
            .filter(|origin| origin != "null")
            .map(|origin| format!(" {origin}"))
            .unwrap_or_default();
        Self(origin.into())
    }
}

fn content_security_policy(scripts: &str, form_targets: &FormTargets, images: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' {scripts} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:{images}; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'{}; frame-ancestors 'none'",
        form_targets.0
    )
}

impl HeaderPolicy {
    /// The `Content-Security-Policy` value: the same for every answer.
    pub fn content_security_policy(&self) -> Option<HeaderValue> {
        HeaderValue::from_str(&content_security_policy(
            &self.inline_scripts,
            &self.form_targets,
            &self.image_origins,
        ))
        .ok()
    }
}

/// Middleware: runs the request, adds the headers (`policy` is the policy's
/// `Content-Security-Policy`, made once).
pub async fn apply(
    State((header_policy, policy)): State<(HeaderPolicy, Option<HeaderValue>)>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Some(value) = policy {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    let fixed: [(HeaderName, &str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // The booking pages ask for the position when the citizen presses "use my
        // location"; nothing else may ask, and no other origin.
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(self), payment=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if header_policy.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_may_lead_only_to_the_portal_and_the_provider() {
        let none = content_security_policy("n", &FormTargets::identity_provider(None), "");
        assert!(none.contains("form-action 'self';"), "{none}");
        let provider = FormTargets::identity_provider(Some("https://login.example/realms/city"));
        let with = content_security_policy("n", &provider, "");
        assert!(
            with.contains("form-action 'self' https://login.example;"),
            "{with}"
        );
    }

    #[test]
    fn images_come_from_the_portal_and_the_origins_modules_name() {
        let origins = image_origins([
            "https://tile.openstreetmap.org".to_owned(),
            "https://*.tiles.example.org".to_owned(),
            "https://evil.example; script-src *".to_owned(),
            "javascript:alert(1)".to_owned(),
        ]);
        let policy = content_security_policy("n", &FormTargets::default(), &origins);
        assert!(
            policy.contains(
                "img-src 'self' data: https://tile.openstreetmap.org https://*.tiles.example.org;"
            ),
            "{policy}"
        );
        assert!(!policy.contains("evil") && !policy.contains("javascript"));
    }
}
