//! The information catalogue from a DLDB export (`portal info import-dldb`): the
//! project's own fixture in that format becomes pages with safe markup and offices;
//! importing again changes nothing; what left the file is unpublished, not deleted, and
//! comes back; a broken file changes nothing and says where it broke.

use std::path::{Path, PathBuf};

use reqwest::StatusCode;

use crate::support::{
    Backend, TestApp, backends, run, spawn_with, test_settings, within_moments, without_scripts,
};

/// A portal without demo content, so that the fixture's catalogue is the only one.
async fn spawn_app(backend: Backend) -> TestApp {
    let (mut settings, dir) = test_settings(backend).await;
    settings.demo_content_setting = Some(false);
    spawn_with(settings, dir).await
}

/// The project's own fixture in the DLDB format.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/dldb")
        .join(name)
}

/// `portal info import-dldb FILE` against the app's database: exit code and what it
/// printed on standard output and standard error.
pub fn import(app: &TestApp, file: &Path) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["info", "import-dldb"])
        .arg(file)
        .envs(crate::support::portal_environment(&app.state.settings))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Imports `file` and checks that it succeeded and said `counts`. When it changed
/// the catalogue, waits (at most five seconds) until the running portal has seen the
/// change in the outbox, as its visitors would a moment later: pages the same for
/// every visitor are served as stored until then.
fn imported(app: &TestApp, file: &Path, counts: &str) {
    let before = app.state.ctx.content.current();
    let (code, said, errors) = import(app, file);
    assert_eq!(code, Some(0), "{said}{errors}");
    assert!(said.contains(counts), "expected `{counts}` in: {said}");
    let unchanged = regex::Regex::new(r"\b0 new, 0 updated, \d+ unchanged, 0 unpublished")
        .expect("regex")
        .is_match(&said);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !unchanged
        && app.state.ctx.content.current() == before
        && std::time::Instant::now() < deadline
    {
        // The portal runs on the runtime's other threads.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

async fn published_rows(app: &TestApp, id: &str) -> Vec<bool> {
    use sea_orm::ConnectionTrait;
    let db = &app.state.ctx.db;
    let sql = kernel::sql::statement(
        db,
        "SELECT published FROM info_service WHERE id = $1",
        vec![id.into()],
    );
    db.query_all(sql)
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index::<bool>(0).unwrap())
        .collect()
}

/// Whether the search for `query` lists `href`, once the running portal's indexer had
/// time to follow the outbox (it reads every 200 ms; five seconds is ample).
async fn search_lists(app: &TestApp, query: &str, href: &str, expected: bool) -> bool {
    let path = format!("/suche?q={}", query.replace(' ', "+"));
    let link = format!(r#"href="{href}""#);
    within_moments(
        async || app.get(&path).await.2.contains(&link),
        |listed| *listed == expected,
    )
    .await
}

#[test]
fn the_running_portal_finds_imported_services_and_forgets_unpublished_ones() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            assert!(!search_lists(&app, "Fundbüro", "/info/90001", false).await);
            imported(&app, &fixture("services_de.json"), "3 new");
            assert!(
                search_lists(&app, "Fundbüro", "/info/90001", true).await,
                "{backend:?}"
            );
            assert!(search_lists(&app, "Baumpate", "/info/90003", true).await);
            let (_, _, english) = app
                .get_with("/suche?q=lost+property", &[("accept-language", "en")])
                .await;
            assert!(!english.contains("/info/90001"), "no English text yet");

            let dir = tempfile::tempdir().unwrap();
            let mut services: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(fixture("services_de.json")).unwrap(),
            )
            .unwrap();
            services["data"]
                .as_array_mut()
                .unwrap()
                .retain(|s| s["id"] != "90003");
            let changed = dir.path().join("services_de.json");
            std::fs::write(&changed, services.to_string()).unwrap();
            imported(&app, &changed, "1 unpublished");
            assert!(!search_lists(&app, "Baumpate", "/info/90003", false).await);
            assert!(search_lists(&app, "Fundbüro", "/info/90001", true).await);
        }
    });
}

#[test]
fn an_export_becomes_pages_with_safe_markup_and_offices() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let (code, said, _) = import(&app, &fixture("services_de.json"));
            assert_eq!(code, Some(0), "{backend:?}: {said}");
            assert!(said.contains("offices from"), "{said}");
            assert!(said.contains("3 written, 0 unpublished"), "{said}");
            assert!(
                said.contains("3 new, 0 updated, 0 unchanged, 0 unpublished, 1 skipped"),
                "{said}"
            );
            assert!(
                said.contains("skipped: service id `90 004` is not an id"),
                "{said}"
            );

            let (status, _, list) = app.get("/info").await;
            assert_eq!(status, StatusCode::OK);
            for (id, name) in [
                ("90002", "Beglaubigung von Kopien"),
                ("90003", "Baumpatenschaft übernehmen"),
                ("90001", "Fundsache abholen"),
            ] {
                assert!(
                    list.contains(&format!(r#"href="/info/{id}" class="kern-link">{name}"#)),
                    "{name} listed: {list}"
                );
            }

            let (status, _, page) = app.get("/info/90001").await;
            assert_eq!(status, StatusCode::OK);
            let page = without_scripts(&page);
            assert!(page.contains("<strong>Fundbüro</strong>"), "{page}");
            assert!(page.contains("<li>Ausweis mitbringen</li>"));
            assert!(page.contains(
                r#"<a href="https://example.org/fundbuero" rel="noopener noreferrer">Online-Fundbuch</a>"#
            ));
            for unsafe_markup in [
                "onclick",
                "alert(",
                "<iframe",
                "javascript:",
                "steal()",
                "\u{200b}",
            ] {
                assert!(!page.contains(unsafe_markup), "{unsafe_markup} in {page}");
            }
            assert!(page.contains("Finderlohn nach § 971 BGB &amp; Aufbewahrungskosten"));
            assert!(page.contains("Bürgerbüro Mitte"));
            assert!(page.contains("Marktplatz 1, 80331 München"));
            assert!(page.contains(r#"href="tel:0891234-0""#));
            assert!(page.contains(r#"href="mailto:buergerbuero-mitte@example.org""#));
            assert!(
                !page.contains("kein-mail"),
                "an address without @ is left out"
            );
            assert!(page.contains("99000000000001"));

            // Not translated: the German text, marked as German, on the English page.
            let (status, _, english) = app
                .get_with("/info/90002", &[("accept-language", "en")])
                .await;
            assert_eq!(status, StatusCode::OK);
            assert!(english.contains("only available in German"));
            assert!(
                english.contains(
                    r#"<h1 lang="de" class="kern-heading-x-large">Beglaubigung von Kopien"#
                ),
                "{english}"
            );

            let (status, _, _) = app.get("/info/90004").await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (status, _, _) = app.get(&format!("/info/{}", "9".repeat(500))).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
        }
    });
}

#[test]
fn importing_again_changes_nothing_and_what_left_is_unpublished_until_it_returns() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let original = fixture("services_de.json");
            imported(
                &app,
                &original,
                "3 new, 0 updated, 0 unchanged, 0 unpublished",
            );
            imported(
                &app,
                &original,
                "0 new, 0 updated, 3 unchanged, 0 unpublished",
            );
            imported(&app, &original, "0 written, 0 unpublished");

            // An English file adds the translation; the German entries stay.
            imported(
                &app,
                &fixture("services_en.json"),
                "1 new, 0 updated, 0 unchanged, 0 unpublished",
            );
            let (_, _, english) = app
                .get_with("/info/90001", &[("accept-language", "en")])
                .await;
            assert!(english.contains("Collect lost property"), "{english}");
            assert!(!english.contains("only available in German"));
            let (status, _, _) = app.get("/info/90003").await;
            assert_eq!(status, StatusCode::OK, "{backend:?}");

            // One service renamed, one gone, one office closed.
            let dir = tempfile::tempdir().unwrap();
            let mut services: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&original).unwrap()).unwrap();
            let entries = services["data"].as_array_mut().unwrap();
            entries.retain(|s| s["id"] != "90003");
            entries[1]["name"] = "Beglaubigung von Kopien und Ausdrucken".into();
            let changed = dir.path().join("services_de.json");
            std::fs::write(&changed, services.to_string()).unwrap();
            let mut offices: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(fixture("locations_de.json")).unwrap(),
            )
            .unwrap();
            offices["data"]
                .as_array_mut()
                .unwrap()
                .retain(|o| o["id"] != "91002");
            std::fs::write(dir.path().join("locations_de.json"), offices.to_string()).unwrap();
            imported(
                &app,
                &changed,
                "0 new, 1 updated, 1 unchanged, 1 unpublished",
            );

            let (status, _, _) = app.get("/info/90003").await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            assert_eq!(
                published_rows(&app, "90003").await,
                vec![false],
                "kept, unpublished"
            );
            let (_, _, list) = app.get("/info").await;
            assert!(!list.contains("/info/90003"));
            assert!(list.contains("Beglaubigung von Kopien und Ausdrucken"));
            let (_, _, page) = app.get("/info/90001").await;
            assert!(page.contains("Bürgerbüro Mitte"));
            assert!(
                !page.contains("Oetztaler Straße"),
                "the closed office is not shown"
            );

            // Back in the file: published again.
            imported(
                &app,
                &original,
                "0 new, 2 updated, 1 unchanged, 0 unpublished",
            );
            let (status, _, _) = app.get("/info/90003").await;
            assert_eq!(status, StatusCode::OK);
            let (_, _, page) = app.get("/info/90001").await;
            assert!(page.contains("Oetztaler Straße 19"));
        }
    });
}

#[test]
fn a_broken_file_changes_nothing_and_says_where() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        imported(&app, &fixture("services_de.json"), "3 new");
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(fixture("services_de.json")).unwrap();
        let broken = dir.path().join("services_de.json");
        std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
        let (code, _, errors) = import(&app, &broken);
        assert_eq!(code, Some(1));
        assert!(errors.contains("not a DLDB export (line"), "{errors}");

        std::fs::write(&broken, r#"{"data": [{"id": "1"}]}"#).unwrap();
        let (code, _, errors) = import(&app, &broken);
        assert_eq!(code, Some(1));
        assert!(errors.contains("missing field `name`"), "{errors}");

        let (code, _, errors) = import(&app, &dir.path().join("missing.json"));
        assert_eq!(code, Some(1));
        assert!(errors.contains("missing.json"), "{errors}");

        assert_eq!(published_rows(&app, "90003").await, vec![true]);
        let (_, _, list) = app.get("/info").await;
        assert_eq!(list.matches(r#"href="/info/9000"#).count(), 3);
    });
}

/// `portal info import-dldb` on `settings`' database before any portal serves it.
fn import_before_start(settings: &app::server::Settings) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["info", "import-dldb"])
        .arg(fixture("services_de.json"))
        .envs(crate::support::portal_environment(settings))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_operators_catalogue_is_never_undone_by_demo_content() {
    run(async {
        for backend in backends() {
            // A fresh installation with demo content: the operator imports, then serves.
            let (settings, dir) = test_settings(backend).await;
            import_before_start(&settings);
            let app = spawn_with(settings, dir).await;
            let (_, _, german) = app.get("/info").await;
            assert!(
                german.contains("/info/90001"),
                "{backend:?}: the import is published"
            );
            assert!(
                !german.contains("/info/100001"),
                "{backend:?}: no demo service"
            );
            let (_, _, english) = app.get_with("/info", &[("accept-language", "en")]).await;
            assert!(
                !english.contains("Collect lost property"),
                "{backend:?}: no demo translation outlives the demo service"
            );
            // Imported without demo content, then a first start with it: the demo
            // catalogue does not load over the operator's.
            let (mut settings, dir) = test_settings(backend).await;
            settings.demo_content_setting = Some(false);
            import_before_start(&settings);
            settings.demo_content_setting = Some(true);
            let app = spawn_with(settings, dir).await;
            let (_, _, german) = app.get("/info").await;
            assert!(german.contains("/info/90001"));
            assert!(
                !german.contains("/info/100001"),
                "{backend:?}: demo loaded over it"
            );
        }
    });
}

#[test]
fn the_list_has_a_page_per_letter_and_none_for_a_letter_without_services() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        imported(&app, &fixture("services_de.json"), "3 new");
        let (status, _, b) = app.get("/info?buchstabe=b").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            b.contains("Beglaubigung von Kopien") && b.contains("Baumpatenschaft"),
            "{b}"
        );
        assert!(
            !b.contains("Fundsache abholen"),
            "only the letter's services"
        );
        assert!(
            b.contains(r#"href="/info?buchstabe=B" aria-current="page""#),
            "{b}"
        );
        assert!(b.contains(r#"href="/info?buchstabe=F""#));
        for asked in ["Q", "BB", "%3Cscript%3E", ""] {
            let (status, _, page) = app.get(&format!("/info?buchstabe={asked}")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{asked}");
            assert!(page.contains("Unter diesem Buchstaben gibt es keine Dienstleistungen"));
            assert_eq!(page.matches("<h1").count(), 1, "one heading: {page}");
            assert!(
                page.contains(r#"href="/info?buchstabe=F""#),
                "the letters there are"
            );
        }
        // A small catalogue is one page with the index leading within it.
        let (_, _, all) = app.get("/info").await;
        assert!(all.contains("Fundsache abholen") && all.contains("Baumpatenschaft"));
        assert!(all.contains(r##"href="#buchstabe-F""##));
    });
}
