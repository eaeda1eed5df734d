//! The toilet finder on imported open data: `portal toilets import` in every format,
//! again without change, unpublishing, broken files; filters, opening hours at fixed
//! times (a holiday among them), nearest first from a position or a geocoded address,
//! a toilet's page and the open-data GeoJSON. The fixtures in `tests/data/toilets`
//! were written for these tests: the expectations below come from reading them (and a
//! calendar), not from the finder's output.

use std::path::{Path, PathBuf};

use crate::support::{Backend, TestApp, backends, run, spawn_app, spawn_with, test_settings};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/toilets")
        .join(name)
}

/// The city's CSV names its columns in German; the settings map them.
const CITY_COLUMNS: [(&str, &str); 12] = [
    ("id", "Nr"),
    ("name", "Bezeichnung"),
    ("street", "Straße"),
    ("postcode", "PLZ"),
    ("district", "Stadtbezirk"),
    ("lat", "Breite"),
    ("lon", "Länge"),
    ("opening_hours", "Öffnungszeiten"),
    ("wheelchair", "Rollstuhl"),
    ("euro_key", "Euroschlüssel"),
    ("changing_table", "Wickeltisch"),
    ("fee", "Gebühr"),
];

/// `portal toilets import FILE ARGS…` against the app's database: exit code, output.
fn import(app: &TestApp, file: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_portal"));
    command
        .args(["toilets", "import"])
        .arg(file)
        .args(args)
        .envs(crate::support::portal_environment(&app.state.settings));
    // The mapping holds for CSV and GeoJSON; this suite's GeoJSON uses OSM's names.
    let csv = file.extension().is_some_and(|e| e == "csv");
    for (key, column) in CITY_COLUMNS.iter().filter(|_| csv) {
        command.env(
            format!("PORTAL_TOILETS__COLUMNS__{}", key.to_uppercase()),
            column,
        );
    }
    let out = command.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The GeoJSON's source, licence and credit.
const AUBING: &[&str] = &[
    "--source",
    "aubing",
    "--licence",
    "CC-BY-4.0",
    "--attribution",
    "Bezirksausschuss Aubing",
];
/// The city CSV's source, licence and credit.
const CITY: &[&str] = &[
    "--source",
    "stadt",
    "--licence",
    "DL-DE-BY-2.0",
    "--attribution",
    "Landeshauptstadt München",
];

/// Imports and checks it succeeded saying `counts`.
fn imported(app: &TestApp, file: &str, args: &[&str], counts: &str) {
    let (code, said, errors) = import(app, &fixture(file), args);
    assert_eq!(code, Some(0), "{said}{errors}");
    assert!(said.contains(counts), "expected `{counts}` in: {said}");
}

/// Fixture `name` with `from` (found once) replaced by `to`, written into `dir`: a
/// file broken in one place, the rest as the good one.
fn broken(dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let good = std::fs::read_to_string(fixture(name)).expect("fixture");
    assert_eq!(good.matches(from).count(), 1, "`{from}` once in {name}");
    let path = dir.join(format!("broken-{name}"));
    std::fs::write(&path, good.replacen(from, to, 1)).expect("broken copy");
    path
}

/// Imports `file` and checks it failed saying `why`.
fn refused(app: &TestApp, file: &Path, args: &[&str], why: &str) {
    let (code, said, errors) = import(app, file, args);
    assert_eq!(code, Some(1), "{said}");
    assert!(errors.contains(why), "expected `{why}` in: {errors}");
}

/// All three fixtures imported.
fn import_all(app: &TestApp) {
    imported(
        app,
        "overpass.json",
        &[],
        "24 new, 0 updated, 0 unchanged, 0 unpublished, 1 skipped",
    );
    imported(
        app,
        "toilets.geojson",
        AUBING,
        "29 new, 0 updated, 0 unchanged, 0 unpublished, 1 skipped",
    );
    imported(
        app,
        "city.csv",
        CITY,
        "26 new, 0 updated, 0 unchanged, 0 unpublished, 0 skipped",
    );
}

/// The names in `html` in the order the page lists them, of those in `names`.
fn order_of<'a>(html: &str, names: &[&'a str]) -> Vec<&'a str> {
    let mut found: Vec<(usize, &str)> = names
        .iter()
        .filter_map(|name| html.find(&format!(">{name}<")).map(|at| (at, *name)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, name)| name).collect()
}

/// Pages 1 and 2 of `path` (a list of 21 to 40 toilets), the first linking the second.
async fn both_pages(app: &TestApp, path: &str) -> String {
    let (_, _, first) = app.get(path).await;
    assert!(first.contains("seite=2"), "{path}: a link to the next page");
    let (_, _, second) = app.get(&format!("{path}&seite=2")).await;
    format!("{first}{second}")
}

/// Where the link named `name` in `html` leads.
fn href_of(html: &str, name: &str) -> String {
    let text = html
        .find(&format!(">{name}<"))
        .unwrap_or_else(|| panic!("{name} listed"));
    let start = html[..text].rfind("href=\"").expect("a link") + "href=\"".len();
    let end = start + html[start..].find('"').expect("the link's end");
    html[start..end].to_owned()
}

#[test]
fn every_format_imports_and_importing_again_changes_nothing() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            import_all(&app);
            // The same files again: nothing new, nothing changed.
            imported(
                &app,
                "overpass.json",
                &[],
                "0 new, 0 updated, 24 unchanged, 0 unpublished",
            );
            imported(
                &app,
                "toilets.geojson",
                AUBING,
                "0 new, 0 updated, 29 unchanged",
            );
            imported(&app, "city.csv", CITY, "0 new, 0 updated, 26 unchanged");
            // Each format's entries are found, with what their fields said.
            let (_, _, overpass) = app.get("/toilets?bezirk=Hadern").await;
            assert!(
                overpass.contains(">Hadern Sportplatz<"),
                "a way from its nodes, {backend:?}"
            );
            assert!(
                !overpass.contains("Hadern Privat"),
                "private ones are not imported"
            );
            let (_, _, center) = app.get("/toilets?bezirk=Schwabing-West").await;
            assert!(
                center.contains("Schwabing-West Mitte (center)"),
                "a way with its center"
            );
            let aubing = both_pages(&app, "/toilets?bezirk=Aubing-Lochhausen-Langwied").await;
            for name in [
                "Aubing Bahnhof",
                "Aubing Rathaus",
                "Lochhausen Dorfplatz",
                "Langwieder See Kiosk",
            ] {
                assert!(aubing.contains(&format!(">{name}<")), "{name}");
            }
            assert!(
                !aubing.contains("Aubing Westkreuz"),
                "access=no is not imported"
            );
            // 26 rows: two pages of 20.
            // 26 rows: two pages of 20.
            let allach = both_pages(&app, "/toilets?bezirk=Allach-Untermenzing").await;
            assert!(
                allach.contains("Untermenzing; Schloss"),
                "a quoted semicolon"
            );
            assert!(allach.contains("Allach \"Am Anger\""), "quoted quotes");
            assert!(
                allach.contains(">Allach Weg 9<") && allach.contains(">Allach Weg 10<"),
                "decimal points and commas"
            );
            let (_, _, weg) = app
                .get("/toilets?bezirk=Aubing-Lochhausen-Langwied&wickeltisch=1")
                .await;
            assert!(
                weg.contains(">Aubing Weg 1<"),
                "changing_table given as a boolean"
            );
            assert!(weg.contains(">Aubing Weg 11<"));
            assert!(
                allach.contains("Öffnungszeiten nicht auswertbar"),
                "hours in prose"
            );
            // The credits the licences ask for.
            let (_, _, all) = app.get("/toilets").await;
            assert!(all.contains("© OpenStreetMap-Mitwirkende"));
            assert!(all.contains("https://opendatacommons.org/licenses/odbl/1-0/"));
            assert!(all.contains("Landeshauptstadt München"));
        }
    });
}

#[test]
fn entries_that_left_the_source_are_unpublished_not_deleted() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            import_all(&app);
            let (_, _, before) = app.get("/toilets?bezirk=Hadern").await;
            let markt = href_of(&before, "Hadern Markt");
            let (status, _, _) = app.get(&markt).await;
            assert_eq!(status, 200);
            imported(
                &app,
                "overpass-next.json",
                &[],
                "0 new, 1 updated, 22 unchanged, 1 unpublished",
            );
            let (_, _, after) = app.get("/toilets?bezirk=Hadern").await;
            assert!(!after.contains("Hadern Markt"), "{backend:?}");
            let (status, _, page) = app.get(&markt).await;
            assert_eq!(status, 404, "{page}");
            assert!(page.contains("nicht (mehr) verzeichnet"));
            let (_, _, geojson) = app.get("/toilets/toilets.geojson").await;
            assert!(!geojson.contains("Hadern Markt"));
            // The row stays, unpublished.
            use sea_orm::ConnectionTrait;
            let db = &app.state.ctx.db;
            let rows = db
                .query_all(kernel::sql::statement(
                    db,
                    "SELECT published FROM toilets_place WHERE source_key = $1",
                    vec!["node/103".into()],
                ))
                .await
                .unwrap();
            assert_eq!(rows.len(), 1);
            assert!(!rows[0].try_get_by_index::<bool>(0).unwrap());
            // Back in the source, back on the finder.
            imported(
                &app,
                "overpass.json",
                &[],
                "0 new, 2 updated, 22 unchanged, 0 unpublished",
            );
            let (_, _, again) = app.get("/toilets?bezirk=Hadern").await;
            assert!(again.contains(">Hadern Markt<"));
        }
    });
}

#[test]
fn a_broken_file_names_its_place_and_imports_nothing() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let dir = tempfile::tempdir().expect("temp dir");
        // Feature 3 (Aubing Rathaus, 303) without its point.
        let no_geometry = broken(
            dir.path(),
            "toilets.geojson",
            "\"geometry\": {\n    \"type\": \"Point\",\n    \"coordinates\": [\n     11.414,\n     48.162\n    ]\n   }",
            "\"geometry\": null",
        );
        refused(
            &app,
            &no_geometry,
            AUBING,
            "feature 3 (303): no usable geometry",
        );
        refused(&app, &no_geometry, AUBING, "nothing was imported");
        // Line 5 (Allach Badesee) with a word for its latitude.
        let no_position = broken(dir.path(), "city.csv", "48,19800", "Seeufer");
        refused(
            &app,
            &no_position,
            CITY,
            "line 5: Breite and Länge must be a position",
        );
        refused(&app, &fixture("city.csv"), &[], "--licence is needed");
        let (_, _, allach) = app.get("/toilets?bezirk=Allach-Untermenzing").await;
        assert!(
            !allach.contains("Allach Bahnhof"),
            "nothing of the broken file"
        );
        let (_, _, aubing) = app.get("/toilets?bezirk=Aubing-Lochhausen-Langwied").await;
        assert!(!aubing.contains("Aubing Bahnhof"));
    });
}

#[test]
fn filters_keep_what_the_person_needs() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        import_all(&app);
        let hadern = |filters: &'static str| {
            let app = &app;
            async move {
                app.get(&format!("/toilets?bezirk=Hadern&{filters}"))
                    .await
                    .2
            }
        };
        let names = [
            "Hadern Mitte",
            "Hadern Kirche",
            "Hadern Markt",
            "Hadern Schule",
            "Hadern Sportplatz",
            "Hadern Bad",
            "Hadern Friedhof",
            "Hadern Bibliothek",
            "Hadern Park",
            "Hadern Klinik",
        ];
        let listed = |html: &str| {
            let mut found = order_of(html, &names);
            found.sort_unstable();
            found
        };
        let mut expected = vec![
            "Hadern Friedhof",
            "Hadern Klinik",
            "Hadern Mitte",
            "Hadern Sportplatz",
        ];
        expected.sort_unstable();
        assert_eq!(
            listed(&hadern("euroschluessel=1").await),
            expected,
            "centralkey or eurokey"
        );
        let mut expected = vec![
            "Hadern Bad",
            "Hadern Bibliothek",
            "Hadern Klinik",
            "Hadern Mitte",
        ];
        expected.sort_unstable();
        assert_eq!(listed(&hadern("wickeltisch=1").await), expected);
        let mut expected = vec![
            "Hadern Bibliothek",
            "Hadern Friedhof",
            "Hadern Klinik",
            "Hadern Mitte",
            "Hadern Schule",
            "Hadern Sportplatz",
        ];
        expected.sort_unstable();
        assert_eq!(listed(&hadern("rollstuhl=ja").await), expected);
        let limited = listed(&hadern("rollstuhl=eingeschraenkt").await);
        assert!(limited.contains(&"Hadern Kirche") && limited.contains(&"Hadern Mitte"));
        assert!(!limited.contains(&"Hadern Markt"), "wheelchair=no");
        let free = listed(&hadern("kostenlos=1").await);
        assert!(
            !free.contains(&"Hadern Markt") && !free.contains(&"Hadern Bad"),
            "charged"
        );
        assert!(free.contains(&"Hadern Kirche"));
        let (_, _, none) = app.get("/toilets?bezirk=Nirgendwo").await;
        assert!(none.contains("Keine Toilette passt zu Ihrer Suche"));
        // The chosen filters stay chosen in the form.
        let html = hadern("rollstuhl=ja&kostenlos=1").await;
        assert!(html.contains(r#"<option value="Hadern" selected"#));
        assert!(
            html.contains(r#"id="kostenlos" name="kostenlos" value="1" checked"#),
            "{html}"
        );
    });
}

#[test]
fn open_now_follows_the_hours_and_bavarias_holidays() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        import_all(&app);
        let open_at = |at: &'static str| {
            let app = &app;
            async move {
                app.get(&format!("/toilets?bezirk=Hadern&offen=1&zeitpunkt={at}"))
                    .await
                    .2
            }
        };
        // Monday 28 December 2026, noon: a working day.
        let monday = open_at("2026-12-28T12:00").await;
        for open in [
            "Hadern Mitte",
            "Hadern Kirche",
            "Hadern Markt",
            "Hadern Schule",
            "Hadern Bad",
            "Hadern Klinik",
        ] {
            assert!(
                monday.contains(&format!(">{open}<")),
                "{open} is open on Monday"
            );
        }
        for closed in ["Hadern Sportplatz", "Hadern Bibliothek", "Hadern Friedhof"] {
            assert!(
                !monday.contains(&format!(">{closed}<")),
                "{closed}: summer only, Tu-Sa, or hours in prose"
            );
        }
        // Friday 25 December 2026, noon: Christmas Day, a public holiday (PH off).
        let christmas = open_at("2026-12-25T12:00").await;
        for open in ["Hadern Mitte", "Hadern Bad", "Hadern Klinik"] {
            assert!(
                christmas.contains(&format!(">{open}<")),
                "{open} has no holiday rule"
            );
        }
        for closed in [
            "Hadern Kirche",
            "Hadern Markt",
            "Hadern Schule",
            "Hadern Bibliothek",
        ] {
            assert!(
                !christmas.contains(&format!(">{closed}<")),
                "{closed} is closed on holidays"
            );
        }
        // Epiphany is a holiday in Bavaria (not in all of Germany): Wednesday 6 January 2027.
        let epiphany = open_at("2027-01-06T12:00").await;
        assert!(!epiphany.contains(">Hadern Kirche<"));
        let day_after = open_at("2027-01-07T12:00").await;
        assert!(day_after.contains(">Hadern Kirche<"));
        // What the cards say about opening.
        let (_, _, early) = app
            .get("/toilets?bezirk=Hadern&zeitpunkt=2026-12-28T06:00")
            .await;
        assert!(
            early.contains("Geschlossen, öffnet um 07:00 Uhr"),
            "Kirche opens at 7"
        );
        assert!(early.contains("Rund um die Uhr geöffnet"), "Mitte is 24/7");
        assert!(early.contains("Keine Öffnungszeiten angegeben"), "node/107");
        let (_, _, holidays) = app
            .get("/toilets?bezirk=Hadern&zeitpunkt=2026-12-24T21:00")
            .await;
        assert!(
            holidays.contains("Geschlossen, öffnet Montag, 28.12. um 07:00 Uhr"),
            "after Christmas Day, Boxing Day and a Sunday"
        );
        let (_, _, english) = app
            .get_with(
                "/toilets?bezirk=Hadern&zeitpunkt=2026-12-28T06:00",
                &[("accept-language", "en")],
            )
            .await;
        assert!(english.contains("Closed, opens at 07:00"));
    });
}

#[test]
fn nearest_first_from_the_browsers_position() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        import_all(&app);
        // On Hadern's line of toilets, between the bath (11.4800) and the unnamed one
        // (11.4780), closer to the bath.
        let (_, _, html) = app.get("/toilets?standort=48.1150,11.4795").await;
        assert!(html.contains("Toiletten in Ihrer Nähe, die nächste zuerst"));
        assert_eq!(
            order_of(
                &html,
                &[
                    "Hadern Bad",
                    "Öffentliche Toilette",
                    "Hadern Sportplatz",
                    "Hadern Friedhof",
                    "Hadern Markt"
                ]
            ),
            [
                "Hadern Bad",
                "Öffentliche Toilette",
                "Hadern Sportplatz",
                "Hadern Friedhof",
                "Hadern Markt"
            ]
        );
        // 0.0005° of longitude at 48.1° north: about 37 m.
        assert!(html.contains("37 m entfernt"), "the distance is shown");
        // Filters apply to the nearest ones too.
        let (_, _, free) = app
            .get("/toilets?standort=48.1150,11.4795&kostenlos=1&wickeltisch=1")
            .await;
        assert_eq!(
            order_of(
                &free,
                &[
                    "Hadern Bad",
                    "Hadern Bibliothek",
                    "Hadern Klinik",
                    "Hadern Mitte"
                ]
            ),
            ["Hadern Bibliothek", "Hadern Klinik", "Hadern Mitte"]
        );
    });
}

/// A stand-in for a Nominatim server: knows one address, records what it was asked.
async fn geocoder() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use axum::{Json, extract::Query, routing::get};
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = std::sync::Arc::clone(&asked);
    let app = axum::Router::new().route(
        "/search",
        get(move |Query(query): Query<std::collections::HashMap<String, String>>| {
            let record = std::sync::Arc::clone(&record);
            async move {
                let q = query.get("q").cloned().unwrap_or_default();
                record.lock().unwrap().push(format!("{q}|{}", query.get("format").cloned().unwrap_or_default()));
                if q.starts_with("Haderner Bad") {
                    Json(serde_json::json!([{ "lat": "48.1150", "lon": "11.4795", "display_name": "Haderner Bad, Hadern, München" }]))
                } else {
                    Json(serde_json::json!([]))
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/search", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, asked)
}

#[test]
fn nearest_first_from_an_address_through_the_geocoder() {
    run(async {
        let (url, asked) = geocoder().await;
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.set("toilets.geocoder_url", &url);
        let app = spawn_with(settings, dir).await;
        import_all(&app);
        let (_, _, form) = app.get("/toilets").await;
        assert!(
            form.contains(r#"name="adresse""#),
            "an address field with a geocoder"
        );
        let (_, _, html) = app.get("/toilets?adresse=Haderner+Bad").await;
        assert!(
            html.contains("Toiletten nahe Haderner Bad, Hadern, München"),
            "{html}"
        );
        assert_eq!(
            order_of(
                &html,
                &["Hadern Bad", "Öffentliche Toilette", "Hadern Sportplatz"]
            ),
            ["Hadern Bad", "Öffentliche Toilette", "Hadern Sportplatz"]
        );
        assert_eq!(
            asked.lock().unwrap().first().map(String::as_str),
            Some("Haderner Bad, München|jsonv2")
        );
        let (_, _, unknown) = app.get("/toilets?adresse=Nirgendwo+7").await;
        assert!(unknown.contains("Diese Adresse haben wir nicht gefunden"));
        assert!(
            unknown.contains("Toiletten nach Stadtbezirk"),
            "the list still comes"
        );
        // Asked again: answered from what was kept.
        let before = asked.lock().unwrap().len();
        app.get("/toilets?adresse=Haderner+Bad").await;
        assert_eq!(asked.lock().unwrap().len(), before);
    });
}

#[test]
fn an_unreachable_geocoder_or_odd_input_still_gives_the_list() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        // Nothing listens on port 9 (discard) here.
        settings.set("toilets.geocoder_url", "http://127.0.0.1:9/search");
        let app = spawn_with(settings, dir).await;
        let (status, _, html) = app.get("/toilets?adresse=Marienplatz").await;
        assert_eq!(status, 200);
        assert!(html.contains("Die Adresssuche ist gerade nicht erreichbar"));
        let (status, _, html) = app.get("/toilets?standort=999,999").await;
        assert_eq!(status, 200);
        assert!(html.contains("Ihr Standort kam nicht lesbar an"));
        let (status, _, html) = app.get("/toilets?zeitpunkt=morgen&seite=abc").await;
        assert_eq!(status, 200);
        assert!(html.contains("Datum und Uhrzeit waren nicht lesbar"));
        let long = "x".repeat(500);
        let (status, _, html) = app.get(&format!("/toilets?bezirk={long}")).await;
        assert_eq!(status, 400, "{html}");
        for path in ["/toilets/abc", "/toilets/999999", "/toilets/-1"] {
            let (status, _, _) = app.get(path).await;
            assert_eq!(status, 404, "{path}");
        }
        // The server function refuses what the form would never send.
        let response = crate::support::client()
            .post(app.url("/api/toilets/find"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("query[free]=perhaps")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
    });
}

#[test]
fn a_toilets_page_says_where_it_is_when_it_opens_and_where_to_report() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        import_all(&app);
        let (_, _, list) = app.get("/toilets?bezirk=Hadern").await;
        let (status, _, page) = app.get(&href_of(&list, "Hadern Kirche")).await;
        assert_eq!(status, 200);
        assert!(page.contains("<h1 class=\"kern-heading-large\">Hadern Kirche<"));
        assert!(page.contains("Kirchestraße, 81375 (Hadern)"), "the address");
        assert!(
            page.contains("Mo-Fr 07:00-20:00; PH off"),
            "the hours as given"
        );
        assert!(page.contains("geo:48.115000,11.488000?q=48.115000,11.488000(Hadern+Kirche)"));
        assert!(
            page.contains("/leistungen/mangel-melden/antrag?street=Hadern+Kirche%2C+Kirchestra%C3%9Fe&amp;postcode=81375"),
            "report a problem here"
        );
        assert!(page.contains("© OpenStreetMap-Mitwirkende"), "the credit");
        assert!(page.contains("id=\"toilet-week\""), "the coming week");
    });
}

#[test]
fn the_toilets_are_open_data_again_with_their_licences() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        import_all(&app);
        let response = crate::support::client()
            .get(app.url("/toilets/toilets.geojson"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/geo+json");
        let collection: serde_json::Value = response.json().await.unwrap();
        assert_eq!(collection["type"], "FeatureCollection");
        let features = collection["features"].as_array().unwrap();
        let kirche = features
            .iter()
            .find(|f| f["properties"]["name"] == "Hadern Kirche")
            .expect("Hadern Kirche");
        assert_eq!(
            kirche["geometry"]["coordinates"],
            serde_json::json!([11.488, 48.115])
        );
        assert_eq!(kirche["properties"]["license"], "ODbL-1.0");
        assert_eq!(kirche["properties"]["source:ref"], "node/102");
        assert_eq!(kirche["properties"]["wheelchair"], "limited");
        let markt = features
            .iter()
            .find(|f| f["properties"]["name"] == "Hadern Markt")
            .unwrap();
        assert_eq!(markt["properties"]["fee"], "yes");
        assert_eq!(markt["properties"]["charge"], "0.50 EUR");
        let licences: Vec<&str> = collection["licenses"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["license"].as_str())
            .collect();
        for licence in ["ODbL-1.0", "CC-BY-4.0", "DL-DE-BY-2.0"] {
            assert!(licences.contains(&licence), "{licence} in {licences:?}");
        }
        // The file reads back through the importer: the portal's own output is a source.
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("portal.geojson");
        std::fs::write(&copy, collection.to_string()).unwrap();
        let (code, said, errors) = import(
            &app,
            &copy,
            &[
                "--source",
                "copy",
                "--licence",
                "ODbL-1.0",
                "--format",
                "geojson",
            ],
        );
        assert_eq!(code, Some(0), "{said}{errors}");
    });
}

#[test]
fn the_map_draws_tiles_only_from_the_server_the_settings_name() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, headers, html) = app.get("/toilets").await;
        let policy = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            policy.contains("img-src 'self' data:;"),
            "no tiles in tests: {policy}"
        );
        assert!(html.contains(r#"data-tiles="""#));
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.set(
            "toilets.tile_url",
            "https://tiles.example.org/{z}/{x}/{y}.png",
        );
        let app = spawn_with(settings, dir).await;
        let (_, headers, html) = app.get("/toilets").await;
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(
            policy.contains("img-src 'self' data: https://tiles.example.org;"),
            "{policy}"
        );
        assert!(html.contains("https://tiles.example.org/{z}/{x}/{y}.png"));
    });
}

#[test]
fn reporting_a_problem_at_a_toilet_fills_in_the_place() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        import_all(&app);
        let (_, _, list) = app.get("/toilets?bezirk=Hadern").await;
        let (_, _, page) = app.get(&href_of(&list, "Hadern Kirche")).await;
        let report = href_of(&page, "Ein Problem an dieser Toilette melden").replace("&amp;", "&");
        // Not signed in: to the sign-in, which comes back with the place.
        let anonymous = crate::support::browser();
        let response = anonymous.get(app.url(&report)).send().await.unwrap();
        let to = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.starts_with("/auth/login?"), "{to}");
        assert!(
            to.contains("street%3DHadern%2BKirche"),
            "the place survives signing in: {to}"
        );
        // Signed in: a draft with the place as answer, on the step that asks for it.
        let citizen = crate::support::signed_in(&app, "citizen-low").await;
        let response = citizen.get(app.url(&report)).send().await.unwrap();
        let first = response.headers()["location"].to_str().unwrap().to_owned();
        let response = citizen
            .post(app.url(&first))
            .form(&[
                ("category", "other"),
                ("danger", "no"),
                ("details", "Die Tür der Toilette schließt nicht mehr."),
            ])
            .send()
            .await
            .unwrap();
        let second = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(second.ends_with("/where"), "{second}");
        let form = citizen
            .get(app.url(&second))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            form.contains(r#"value="Hadern Kirche, Kirchestraße""#),
            "{form}"
        );
        assert!(form.contains(r#"value="81375""#));
    });
}
