//! The example module end to end: page, filter and its server function.

use crate::support::{Backend, backends, client, run, spawn_app};

#[test]
fn filter_by_district_and_fee_without_javascript() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let (status, _, all) = app.get("/toilets").await;
            assert_eq!(status, 200);
            assert!(all.contains("8 Toiletten gefunden"), "{backend:?}");
            let (_, _, sendling) = app.get("/toilets?district=Sendling").await;
            assert!(sendling.contains("2 Toiletten gefunden"), "{backend:?}");
            assert!(
                sendling.contains(r#"<option value="Sendling" selected"#),
                "chosen district stays selected"
            );
            let (_, _, free) = app.get("/toilets?district=Sendling&free=1").await;
            assert!(free.contains("1 Toilette gefunden"), "{backend:?}");
            assert!(free.contains("Stadtteilzentrum"));
            let (_, _, none) = app.get("/toilets?district=Nirgendwo").await;
            assert!(none.contains("Keine Toilette gefunden"));
        }
    });
}

#[test]
fn fees_are_formatted_per_language() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, de) = app.get("/toilets?district=Altstadt-Lehel").await;
        assert!(de.contains("0,50\u{a0}€"), "German amount");
        let (_, _, en) = app
            .get_with(
                "/toilets?district=Altstadt-Lehel",
                &[("accept-language", "en")],
            )
            .await;
        assert!(en.contains("€0.50"), "English amount");
    });
}

#[test]
fn bad_filter_input_gets_a_clear_error_not_a_crash() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let long = "x".repeat(500);
        let (_, _, html) = app.get(&format!("/toilets?district={long}")).await;
        assert!(
            html.contains("konnten gerade nicht geladen werden"),
            "error message shown"
        );
        let response = client()
            .post(app.url("/api/toilets/list"))
            .form(&[("filter[district]", long.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let response = client()
            .post(app.url("/api/toilets/list"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("filter[free_only]=perhaps")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
    });
}
