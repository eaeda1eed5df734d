//! Language negotiation and the language switch.

use crate::support::{Backend, client, run, spawn_app};

#[test]
fn accept_language_picks_english() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, html) = app
            .get_with("/", &[("accept-language", "en-GB,en;q=0.9,de;q=0.5")])
            .await;
        assert!(html.contains(r#"<html lang="en">"#));
        assert!(html.contains("City services online"));
        assert!(html.contains(r#"hreflang="de""#), "switch offers German");
    });
}

#[test]
fn switch_sets_cookie_and_returns_to_the_page() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let response = client()
            .get(app.url("/lang/en?back=%2Ftoilets%3Fdistrict%3DSendling"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/toilets?district=Sendling");
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(cookie.starts_with("portal_lang=en;"), "{cookie}");
        for attribute in ["Path=/", "SameSite=Lax", "HttpOnly"] {
            assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
        }
        assert!(
            !cookie.contains("Secure"),
            "plain-http local use has no Secure cookies"
        );

        // The cookie wins over the browser's Accept-Language.
        let (_, _, html) = app
            .get_with(
                "/",
                &[("cookie", "portal_lang=en"), ("accept-language", "de")],
            )
            .await;
        assert!(html.contains(r#"<html lang="en">"#));
        let (_, _, html) = app
            .get_with(
                "/",
                &[
                    ("cookie", "other=1; portal_lang=de"),
                    ("accept-language", "en"),
                ],
            )
            .await;
        assert!(html.contains(r#"<html lang="de">"#));
    });
}

#[test]
fn switch_never_redirects_to_another_site() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        for back in [
            "https://evil.example/",
            "//evil.example/",
            "/%5Cevil.example",
        ] {
            let response = client()
                .get(app.url(&format!("/lang/de?back={}", back.replace('/', "%2F"))))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 303);
            assert_eq!(response.headers()["location"], "/", "back={back}");
        }
    });
}

#[test]
fn unknown_language_is_refused() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, headers, _) = app.get("/lang/xx").await;
        assert_eq!(status, 404);
        assert!(headers.get("set-cookie").is_none());
    });
}
