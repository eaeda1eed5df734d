//! Security headers and request ids.

use crate::support::{Backend, run, spawn_app, spawn_with, test_settings};

#[test]
fn security_headers_on_pages_files_and_errors() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        for path in ["/", "/healthz", "/favicon.ico", "/nope"] {
            let (_, headers, _) = app.get(path).await;
            let csp = headers["content-security-policy"].to_str().unwrap();
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
            assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
            assert!(csp.contains("script-src 'self' 'sha256-"), "{path}: {csp}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(
                headers["referrer-policy"], "strict-origin-when-cross-origin",
                "{path}"
            );
            assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        }
    });
}

/// Every inline script of a page is one the policy allows by its hash, and nothing
/// else may run inline: a page is the same for every visitor and can be stored. The
/// page's data is not sent along (only islands hydrate).
#[test]
fn inline_scripts_are_allowed_by_their_hash_only() {
    use base64::Engine as _;
    use sha2::Digest as _;
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        for path in ["/", "/leistungen", "/info", "/suche?q=Hund", "/nope"] {
            let (_, headers, html) = app.get(path).await;
            let csp = headers["content-security-policy"].to_str().unwrap();
            let scripts = csp
                .split(';')
                .find_map(|d| d.trim().strip_prefix("script-src "))
                .unwrap();
            assert!(!scripts.contains("'nonce-"), "{path}: {scripts}");
            let inline: Vec<&str> = html
                .split("<script")
                .skip(1)
                .map(|rest| {
                    let text = &rest[rest.find('>').unwrap() + 1..];
                    &text[..text.find("</script>").unwrap()]
                })
                .collect();
            assert!(!inline.is_empty(), "{path}: the island loader");
            assert!(
                !html.contains("__RESOLVED_RESOURCES["),
                "{path}: no data of the page's resources"
            );
            for text in inline {
                let hash = base64::engine::general_purpose::STANDARD
                    .encode(sha2::Sha256::digest(text.as_bytes()));
                assert!(
                    scripts.contains(&format!("'sha256-{hash}'")),
                    "{path}: the script's hash is in {scripts}"
                );
            }
        }
        let (_, first, _) = app.get("/").await;
        let (_, second, _) = app.get("/leistungen").await;
        assert_eq!(
            first["content-security-policy"], second["content-security-policy"],
            "one policy for every page"
        );
    });
}

#[test]
fn every_response_has_a_request_id() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, first, _) = app.get("/healthz").await;
        let (_, second, _) = app.get("/healthz").await;
        let id = first["x-request-id"].to_str().unwrap();
        assert_eq!(id.len(), 36, "a UUID: {id}");
        assert_ne!(first["x-request-id"], second["x-request-id"]);
        let (_, echoed, _) = app
            .get_with("/healthz", &[("x-request-id", "proxy-given-42")])
            .await;
        assert_eq!(echoed["x-request-id"], "proxy-given-42");
    });
}

#[test]
fn cross_site_posts_are_refused_same_site_posts_pass() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let post = |headers: &'static [(&'static str, &'static str)]| {
            let mut request = crate::support::client()
                .post(app.url("/api/toilets/find"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body("query[district]=Sendling");
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.send()
        };
        let refused = post(&[("sec-fetch-site", "cross-site")]).await.unwrap();
        assert_eq!(refused.status(), 403);
        let refused = post(&[("origin", "https://evil.example")]).await.unwrap();
        assert_eq!(refused.status(), 403);
        let same = post(&[("sec-fetch-site", "same-origin")]).await.unwrap();
        assert_eq!(same.status(), 200);
        let no_browser = post(&[]).await.unwrap();
        assert_eq!(no_browser.status(), 200);
        // Links from other sites still open pages.
        let (status, _, _) = app
            .get_with("/toilets", &[("sec-fetch-site", "cross-site")])
            .await;
        assert_eq!(status, 200);
    });
}

#[test]
fn at_https_browsers_are_told_to_stay_and_the_cookie_is_host_bound() {
    run(async {
        // Plain http (the quick start): neither.
        let app = spawn_app(Backend::Sqlite).await;
        let (_, headers, _) = app.get("/").await;
        assert!(!headers.contains_key("strict-transport-security"));

        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.public_url = "https://portal.example.org".into();
        settings.auth.mode = Some(app::server::settings::AuthMode::Demo);
        let app = spawn_with(settings, dir).await;
        for path in ["/", "/healthz", "/nope"] {
            let (_, headers, _) = app.get(path).await;
            assert_eq!(
                headers["strict-transport-security"], "max-age=31536000; includeSubDomains",
                "{path}"
            );
        }
        let signed = crate::support::browser()
            .post(app.url("/auth/demo"))
            .form(&[("persona", "citizen")])
            .send()
            .await
            .unwrap();
        let cookie = signed
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|c| c.to_str().ok())
            .find(|c| c.contains("portal_session="))
            .unwrap()
            .to_owned();
        assert!(cookie.starts_with("__Host-portal_session="), "{cookie}");
        for part in ["Secure", "HttpOnly", "Path=/", "SameSite=Lax"] {
            assert!(cookie.contains(part), "{part} in {cookie}");
        }
        assert!(!cookie.contains("Domain"), "{cookie}");
    });
}
