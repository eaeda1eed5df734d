//! Every page renders completely on the server, in both languages.

use crate::support::{
    Backend, backends, run, spawn_app, untranslated_keys, without_hydration_markers,
};

const PAGES: &[&str] = &[
    "/",
    "/impressum",
    "/datenschutz",
    "/barrierefreiheit",
    "/leichte-sprache",
    "/toilets",
    "/anmelden",
];

#[test]
fn home_page_is_german_with_skip_link_and_legal_footer() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, headers, html) = app.get("/").await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert!(html.contains(r#"<html lang="de" dir="ltr">"#), "{html}");
        let body = without_hydration_markers(html.split("<body>").nth(1).expect("body"));
        assert!(
            body.starts_with(r##"<a href="#main" rel="external" class="portal-skip-link"##),
            "skip link must come first: {body}"
        );
        assert!(html.contains(r#"<main id="main" tabindex="-1">"#));
        for href in [
            "/impressum",
            "/datenschutz",
            "/barrierefreiheit",
            "/leichte-sprache",
        ] {
            assert!(
                html.contains(&format!(r#"href="{href}""#)),
                "footer link {href} missing"
            );
        }
        assert!(html.contains("Online-Dienste"));
        assert!(
            html.contains("Öffentliche Toiletten finden"),
            "catalogue tile of the toilets module"
        );
        assert!(html.contains("Demo-Installation"), "demo banner");
    });
}

#[test]
fn every_page_is_translated_in_both_languages() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            for path in PAGES {
                for (lang, marker) in [("de", r#"lang="de""#), ("en", r#"lang="en""#)] {
                    let (status, _, html) = app.get_with(path, &[("accept-language", lang)]).await;
                    assert_eq!(status, 200, "{backend:?} {path} {lang}");
                    assert!(html.contains(marker), "{path} {lang}");
                    let missing = untranslated_keys(&html);
                    assert!(
                        missing.is_empty(),
                        "{backend:?} {path} {lang}: untranslated {missing:?}"
                    );
                    assert!(html.contains("<title>"), "{path} has a title");
                    let header = html.split("<main").next().unwrap_or_default();
                    assert!(
                        header.contains(r#"href="/toilets""#),
                        "{path}: module navigation rendered in place"
                    );
                }
            }
        }
    });
}

#[test]
fn unknown_path_is_a_translated_404_page() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, _, html) = app.get("/gibt-es-nicht").await;
        assert_eq!(status, 404);
        assert!(html.contains("Seite nicht gefunden"));
        let (status, _, html) = app
            .get_with("/no-such-page", &[("accept-language", "en")])
            .await;
        assert_eq!(status, 404);
        assert!(html.contains("Page not found"));
    });
}

#[test]
fn static_files_are_served_from_the_site_root() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, headers, _) = app.get("/favicon.ico").await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], "image/x-icon");
    });
}
