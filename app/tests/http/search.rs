//! The service search from the header and on its own page, without JavaScript: the
//! citizen's everyday words find the demo services first, in German and English;
//! nothing found says what to try; whatever is typed comes back escaped.

use reqwest::StatusCode;

use crate::support::{
    Backend, TestApp, client, page, run, spawn_app, untranslated_keys, without_hydration_markers,
};

/// The service pages the results page for `query` links to, in order.
async fn results(app: &TestApp, query: &str, language: &str) -> (StatusCode, Vec<String>, String) {
    let response = client()
        .get(app.url("/suche"))
        .query(&[("q", query)])
        .header(reqwest::header::ACCEPT_LANGUAGE, language)
        .send()
        .await
        .unwrap();
    linked(response).await
}

/// The same for the results page at `path` (in German).
async fn results_at(app: &TestApp, path: &str) -> (StatusCode, Vec<String>, String) {
    linked(client().get(app.url(path)).send().await.unwrap()).await
}

async fn linked(response: reqwest::Response) -> (StatusCode, Vec<String>, String) {
    let status = response.status();
    let html = response.text().await.unwrap();
    let links =
        regex::Regex::new(r#"<h3 class="kern-heading-small"><a href="(/leistungen/[^"]+)""#)
            .unwrap()
            .captures_iter(&html)
            .map(|c| c[1].to_owned())
            .collect();
    (status, links, html)
}

#[test]
fn everyday_words_find_the_service_first_without_javascript() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        for (query, language, expected) in [
            ("Sperrmüll", "de", "/leistungen/sperrmuell-abholung"),
            ("Hund anmelden", "de", "/leistungen/hund-anmelden"),
            (
                "Parkausweis Anwohner",
                "de",
                "/leistungen/bewohnerparkausweis",
            ),
            ("Fürungszeugnis", "de", "/leistungen/fuehrungszeugnis"),
            ("register a dog", "en", "/leistungen/hund-anmelden"),
        ] {
            let (status, links, html) = results(&app, query, language).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(
                links.first().map(String::as_str),
                Some(expected),
                "{query}: {links:?}"
            );
            // Words found as they are written are marked (typos are found, not marked).
            if query != "Fürungszeugnis" {
                assert!(html.contains("<mark>"), "{query}: matches are marked");
            }
            assert_eq!(untranslated_keys(&html), Vec::<String>::new());
        }
        let (_, _, german) = results(&app, "Sperrmüll", "de").await;
        assert!(german.contains("für „Sperrmüll“"), "the query is named");
        assert!(
            !german.contains("Meinten Sie"),
            "a known word is not corrected"
        );

        // A word the catalogue does not know is searched as the nearest one it knows,
        // and the page says which, linking the corrected search.
        let (_, links, typo) = results(&app, "Fürungszeugnis beantragen", "de").await;
        assert_eq!(
            links.first().map(String::as_str),
            Some("/leistungen/fuehrungszeugnis")
        );
        let said = without_hydration_markers(&typo);
        let link =
            regex::Regex::new(r#"Meinten Sie <a href="([^"]+)" class="kern-link">(.*?)</a>"#)
                .unwrap()
                .captures(&said)
                .unwrap_or_else(|| panic!("{said}"));
        assert_eq!(&link[1], "/suche?q=F%C3%BChrungszeugnis+beantragen");
        assert_eq!(
            &link[2],
            "<strong>Führungszeugnis</strong> <span>beantragen</span>"
        );
        // Switching the language comes back to the same results.
        assert!(
            german.contains(r#"href="/lang/en?back=%2Fsuche%3Fq%3DSperrm%25C3%25BCll""#),
            "the language switch keeps the query"
        );

        // Nothing found: said so, with what to try and the way to the catalogue.
        let (status, links, html) = results(&app, "Raumfahrt", "de").await;
        assert_eq!((status, links.len()), (StatusCode::OK, 0));
        assert!(html.contains("Keine Leistung für „Raumfahrt“ gefunden"));
        assert!(html.contains(r#"href="/leistungen""#));

        // Markup, blanks and very long input are words like any others.
        let (status, _, html) = results(&app, "<script>alert(1)</script>", "de").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("<script>alert(1)") && html.contains("&lt;script&gt;"));
        let (status, links, html) = results(&app, "   ", "de").await;
        assert_eq!((status, links.len()), (StatusCode::OK, 0));
        assert!(html.contains("Geben Sie ein, was Sie erledigen möchten"));
        let (status, _, _) = results(&app, &"Hund ".repeat(5_000), "de").await;
        assert_eq!(status, StatusCode::OK);
    });
}

#[test]
fn results_narrow_by_department_and_life_situation() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        // "Müll": bulky waste (waste management) and defects (construction).
        let (_, links, html) = results(&app, "Müll", "de").await;
        assert_eq!(links.len(), 2, "{links:?}");
        assert!(
            html.contains(r#"<nav aria-label="Ergebnisse eingrenzen" class="portal-section">"#)
        );
        assert!(
            html.contains(r#"href="/suche?q=M%C3%BCll&amp;bereich=awm""#),
            "a link per department"
        );
        assert!(
            html.contains("Abfallwirtschaftsbetrieb München (1)")
                && html.contains("Baureferat (1)")
        );

        let (_, narrowed, html) = results_at(&app, "/suche?q=M%C3%BCll&bereich=awm").await;
        assert_eq!(narrowed, ["/leistungen/sperrmuell-abholung"]);
        assert!(html.contains(r#"href="/suche?q=M%C3%BCll&amp;bereich=awm" aria-current="page""#));
        let (_, narrowed, _) = results_at(&app, "/suche?q=M%C3%BCll&lebenslage=mobilitaet").await;
        assert_eq!(narrowed, ["/leistungen/mangel-melden"]);

        // Narrowed to nothing: said so, with the way back to all results.
        let (_, none, html) = results_at(&app, "/suche?q=M%C3%BCll&bereich=kvr").await;
        assert!(none.is_empty());
        assert!(
            html.contains("Ohne Eingrenzung suchen")
                && html.contains(r#"href="/suche?q=M%C3%BCll""#)
        );
    });
}

#[test]
fn every_page_has_the_search_box() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        for path in ["/", "/leistungen", "/impressum"] {
            let (_, html) = page(&client(), &app, path).await;
            assert!(
                html.contains(r#"<form role="search" method="get" action="/suche" aria-label="Leistung suchen" class="portal-search portal-header__search">"#),
                "{path}"
            );
            assert!(html.contains(
                r#"<label for="header-search" class="portal-visually-hidden">Leistung suchen<!></label>"#
            ));
            assert!(
                html.contains(r#"id="header-search" name="q" type="search""#),
                "{path}"
            );
        }
    });
}

#[test]
fn suggestions_complete_the_word_being_typed() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        for (typed, language, expected) in [
            ("Sperr", "de", "/leistungen/sperrmuell-abholung"),
            ("Hund anm", "de", "/leistungen/hund-anmelden"),
            ("Fundsa", "de", "/info/100001"),
            ("Meldebesch", "de", "/info/100003"),
            ("lost prop", "en", "/info/100001"),
        ] {
            let suggested: Vec<serde_json::Value> = client()
                .post(app.url("/api/search/suggest"))
                .header(reqwest::header::ACCEPT_LANGUAGE, language)
                .form(&[("q", typed)])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(
                suggested.first().and_then(|s| s["href"].as_str()),
                Some(expected),
                "{typed}: {suggested:?}"
            );
            assert!(suggested.len() <= 6);
        }
        for typed in ["", "   ", &"x".repeat(5000)] {
            let response = client()
                .post(app.url("/api/search/suggest"))
                .form(&[("q", typed)])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let suggested: Vec<serde_json::Value> = response.json().await.unwrap();
            assert!(suggested.is_empty());
        }
    });
}
