//! The rent index end to end with the demo edition: the calculator and the increase
//! check as pages without JavaScript, and the estimate in the open interface. The
//! expected figures are the hand-computed ones of the module's worked examples.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{Backend, client, run, spawn_app, tag_with};

/// `amount` € as the German pages write it.
fn euro(amount: &str) -> String {
    format!("{amount}\u{a0}€")
}

/// The opening tag of the result area's element for `state` on `html`.
fn state_tag<'a>(html: &'a str, state: &str) -> &'a str {
    tag_with(html, &format!(r#"data-state="{state}""#))
}

#[test]
fn the_calculator_gives_mean_range_and_every_addition_without_javascript() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, _, empty) = app.get("/mietspiegel").await;
        assert_eq!(status, 200);
        assert!(empty.contains("Vergleichsmiete berechnen"));
        // The result's markup waits for the browser's answers, out of sight.
        assert!(
            state_tag(&empty, "shown").contains(" hidden"),
            "no result before answers"
        );
        // 60 m², 1949, Maximilianstraße (best in the street list), a balcony.
        let (_, _, html) = app
            .get("/mietspiegel?flaeche=60&baujahr=1949&strasse=Maximilianstr.&hausnummer=3&ausstattung=balcony")
            .await;
        assert!(html.contains("Ihre ortsübliche Vergleichsmiete"), "{html}");
        assert!(
            !state_tag(&html, "shown").contains(" hidden"),
            "the result shows"
        );
        assert!(html.contains(&format!("{} je m² · {}", euro("15,80"), euro("948,00"))));
        assert!(html.contains(&format!("{} bis {}", euro("13,43"), euro("18,17"))));
        assert!(html.contains("beste Lage (laut Straßenverzeichnis)"));
        assert!(html.contains("Demo-Ausgabe: Die Zahlen dieses Mietspiegels sind erfunden."));
        assert!(
            html.contains(r#"value="balcony" checked"#),
            "the answers stay in the form"
        );
        // A street the list does not know: the district decides.
        let (_, _, district) = app
            .get("/mietspiegel?flaeche=40&baujahr=1948&strasse=Unbekannte+Gasse&hausnummer=1&bezirk=Maxvorstadt")
            .await;
        assert!(district.contains(&format!("{} je m² · {}", euro("16,80"), euro("672,00"))));
        assert!(district.contains("gute Lage (nach Stadtbezirk)"));
        // In English.
        let (_, _, english) = app
            .get_with(
                "/mietspiegel?flaeche=40&baujahr=1948&bezirk=Maxvorstadt",
                &[("accept-language", "en")],
            )
            .await;
        assert!(
            english.contains(&format!("{} per m²", "€16.80")),
            "{english}"
        );
    });
}

#[test]
fn missing_or_odd_answers_are_said_not_guessed() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, no_space) = app
            .get("/mietspiegel?flaeche=viel&baujahr=1960&bezirk=Laim")
            .await;
        assert!(no_space.contains("Bitte geben Sie die Wohnfläche als Zahl an."));
        let (_, _, no_place) = app
            .get("/mietspiegel?flaeche=60&baujahr=1960&strasse=Irgendwo")
            .await;
        assert!(no_place.contains("Wir kennen die Lage noch nicht"));
        assert!(!state_tag(&no_place, "missing").contains(" hidden"));
        let (_, _, outside) = app
            .get("/mietspiegel?flaeche=300&baujahr=1960&bezirk=Laim")
            .await;
        assert!(outside.contains("Diese Wohnung liegt außerhalb des Mietspiegels."));
        for (state, hidden) in [("outside", false), ("missing", true), ("shown", true)] {
            assert_eq!(
                state_tag(&outside, state).contains(" hidden"),
                hidden,
                "{state}"
            );
        }
        let long = "x".repeat(300);
        // Longer than any street (the field takes 100 characters): not looked up.
        let (status, _, html) = app
            .get(&format!(
                "/mietspiegel?flaeche=60&baujahr=1960&strasse={long}&hausnummer=1"
            ))
            .await;
        assert_eq!(status, 200);
        assert!(html.contains("Wir kennen die Lage noch nicht"));
        let (status, _, html) = app
            .get("/mietspiegel?flaeche=60&baujahr=99999&bezirk=Laim")
            .await;
        assert_eq!(
            status, 200,
            "a year that does not read is said, not a crash"
        );
        assert!(html.contains("Bitte geben Sie das Baujahr als Jahreszahl an."));
    });
}

#[test]
fn a_rent_increase_is_checked_against_range_cap_and_periods() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let flat = "flaeche=40&baujahr=1948&bezirk=Maxvorstadt";
        let (_, _, form) = app.get(&format!("/mietspiegel/mieterhoehung?{flat}")).await;
        assert!(form.contains(&format!(
            "{} bis {} im Monat",
            euro("571,20"),
            euro("772,80")
        )));
        let (_, _, result) = app
            .get(&format!(
                "/mietspiegel/mieterhoehung?{flat}&miete=600&neue_miete=700&miete_vor_drei_jahren=580&letzte_aenderung=2025-01-15&zugang=2025-06-10"
            ))
            .await;
        assert!(
            result.contains("Die Miete soll um 16,7 % steigen."),
            "{result}"
        );
        assert!(result.contains("innerhalb der Spanne"));
        assert!(result.contains(&format!("Kappungsgrenze überschritten: Innerhalb von drei Jahren darf die Miete um höchstens 15 % steigen, von {} auf höchstens {}", euro("580,00"), euro("667,00"))));
        assert!(result.contains("Zu früh"));
        assert!(result.contains("ab 15.01.2026"));
        assert!(result.contains("frühestens ab 15.04.2026"));
        let (_, _, without_flat) = app.get("/mietspiegel/mieterhoehung").await;
        assert!(without_flat.contains("brauchen wir zuerst die Angaben zu Ihrer Wohnung"));
    });
}

#[test]
fn other_apps_get_the_estimate_from_the_open_interface() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let url = app.url("/api/v1/rent-index/estimate");
        let answer = client()
            .post(&url)
            .json(&json!({
                "living_space": 100, "year": 2025, "district": "Maxvorstadt",
                "features": ["modernised", "high_quality_bathroom"]
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        let body: serde_json::Value = answer.json().await.unwrap();
        assert_eq!(body["estimate"]["mean_per_sqm"], 21.76);
        assert_eq!(body["estimate"]["high_total"], 2502.0);
        assert_eq!(body["location"], "good");
        assert_eq!(body["location_from"], "district");
        assert_eq!(body["synthetic"], true);
        let by_street = client()
            .post(&url)
            .json(&json!({ "living_space": 60, "year": 1949, "street": "Leopoldstraße", "house_number": "14" }))
            .send()
            .await
            .unwrap();
        let body: serde_json::Value = by_street.json().await.unwrap();
        assert_eq!(
            (body["location"].as_str(), body["location_from"].as_str()),
            (Some("best"), Some("street"))
        );
        for wrong in [
            json!({ "living_space": 500, "year": 2000, "location": "good" }),
            json!({ "living_space": 50, "year": 2000, "location": "lakeside" }),
            json!({ "living_space": 50, "year": 2000, "location": "good", "features": ["sauna"] }),
            json!({ "living_space": 50, "year": 2000 }),
            json!({ "living_space": 50, "year": 2000, "location": "good", "rooms": 3 }),
            json!({ "living_space": "fifty", "year": 2000, "location": "good" }),
        ] {
            let refused = client().post(&url).json(&wrong).send().await.unwrap();
            assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{wrong}");
            assert_eq!(
                refused.headers()["content-type"],
                "application/problem+json"
            );
        }
    });
}
