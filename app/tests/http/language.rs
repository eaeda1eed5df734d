//! Language negotiation and the language switch.

use crate::support::{Backend, client, run, spawn_app, without_hydration_markers};

#[test]
fn accept_language_picks_english() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, html) = app
            .get_with("/", &[("accept-language", "en-GB,en;q=0.9,de;q=0.5")])
            .await;
        assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
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
        assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
        let (_, _, html) = app
            .get_with(
                "/",
                &[
                    ("cookie", "other=1; portal_lang=de"),
                    ("accept-language", "en"),
                ],
            )
            .await;
        assert!(html.contains(r#"<html lang="de" dir="ltr">"#));
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

#[test]
fn a_language_is_offered_because_its_folder_exists() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, german) = app.get("/").await;
        assert!(
            german.contains(r#"hreflang="tr""#) && german.contains("Türkçe"),
            "the switch offers Turkish, named in Turkish"
        );
        let (_, _, html) = app
            .get_with("/", &[("accept-language", "tr-TR,tr;q=0.9")])
            .await;
        assert!(html.contains(r#"<html lang="tr" dir="ltr">"#));
        assert!(html.contains("Belediye hizmetleri çevrimiçi"));
        let response = client()
            .get(app.url("/lang/tr?back=%2F"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303);
        let cookie = response.headers()["set-cookie"].to_str().unwrap();
        assert!(cookie.starts_with("portal_lang=tr;"), "{cookie}");
    });
}

#[test]
fn a_text_missing_in_a_language_is_german_and_marked_as_german() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let turkish = [("cookie", "portal_lang=tr")];
        // The toilet finder has no Turkish texts: its page shows German, marked so,
        // inside the Turkish shell.
        let (status, _, html) = app.get_with("/toilets", &turkish).await;
        assert_eq!(status, 200);
        let html = without_hydration_markers(&html);
        assert!(html.contains(r#"<html lang="tr" dir="ltr">"#));
        assert!(
            html.contains(r#"<h1 class="kern-heading-large"><span lang="de">Öffentliche Toiletten finden</span></h1>"#),
            "German heading marked as German"
        );
        assert!(html.contains("Ana menü"), "the shell speaks Turkish");
        // Translated texts carry no mark.
        let (_, _, home) = app.get_with("/", &turkish).await;
        let home = without_hydration_markers(&home);
        assert!(home.contains(">Belediye hizmetleri çevrimiçi<"));
        assert!(!home.contains(r#"<span lang="de">Verwaltung online erledigen"#));
        // A department's German-only service title on a Turkish page.
        assert!(
            home.contains(r#"<span lang="de">"#),
            "catalogue tiles without Turkish text are marked German"
        );
    });
}

#[test]
fn the_leichte_sprache_page_explains_the_portal() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, _, html) = app.get("/leichte-sprache").await;
        assert_eq!(status, 200);
        let text = without_hydration_markers(&html);
        for part in [
            "Was ist das Service-Portal?",
            "So stellen Sie einen Antrag",
            "Die Nummer heißt: Aktenzeichen.",
            "Hilfe",
        ] {
            assert!(text.contains(part), "Leichte Sprache page lacks {part:?}");
        }
        assert!(!text.contains("noch in Arbeit"), "no placeholder");
        // One sentence per line, each its own paragraph.
        assert!(text.contains(r#"<p class="kern-body">Sie können einen Antrag stellen.</p>"#));
    });
}

#[test]
fn a_department_translates_its_service_into_a_further_language() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, home) = app.get_with("/", &[("cookie", "portal_lang=tr")]).await;
        let home = without_hydration_markers(&home);
        // `services/sperrmuell.toml` has a Turkish title: shown unmarked; the other
        // services have none: German, marked.
        assert!(home.contains(">Büyük eşya aldırma</a>"), "Turkish title");
        assert!(home.contains(r#"<span lang="de">Bewohnerparkausweis beantragen</span>"#));
    });
}
