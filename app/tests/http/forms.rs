//! The service catalogue and service pages over HTTP, definition versions across
//! restarts, and a portal that refuses to start with a broken definition.

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};

use crate::support::{Backend, backends, run, spawn_app, test_settings, without_scripts};

#[test]
fn the_catalogue_lists_services_by_department_and_filters_by_life_situation() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, _, page) = app.get("/leistungen").await;
        assert_eq!(status, StatusCode::OK);
        let page = without_scripts(&page);
        for text in [
            "Kreisverwaltungsreferat",
            "Bewohnerparkausweis beantragen",
            "Sperrmüll abholen lassen",
            "Kita-Platz vormerken",
        ] {
            assert!(page.contains(text), "{text} missing");
        }
        let (_, _, pets) = app.get("/leistungen?lebenslage=haustiere").await;
        let pets = without_scripts(&pets);
        assert!(pets.contains("Hund anmelden") && !pets.contains("Sperrmüll abholen lassen"));
        assert!(pets.contains(r#"aria-current="page""#));
        let (_, _, english) = app
            .get_with("/leistungen", &[("accept-language", "en")])
            .await;
        assert!(
            english.contains("Apply for a resident parking permit")
                && english.contains("Department of Public Order")
        );
    });
}

#[test]
fn the_service_page_describes_the_service_and_offers_the_start() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, _, page) = app.get("/leistungen/fuehrungszeugnis").await;
        assert_eq!(status, StatusCode::OK);
        for text in [
            "Führungszeugnis beantragen",
            "13 Euro",
            "Online-Ausweisfunktion",
            r#"action="/leistungen/fuehrungszeugnis/antrag""#,
        ] {
            assert!(page.contains(text), "{text} missing");
        }
        let (status, _, page) = app.get("/leistungen/gibt-es-nicht").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("Diese Leistung gibt es nicht"));
        let (status, _, _) = app.get("/leistungen/%3Cscript%3E").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn home_page_tiles_lead_to_the_services() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, home) = app.get("/").await;
        assert!(home.contains(r#"href="/leistungen/hund-anmelden""#));
        assert!(home.contains(r#"href="/leistungen""#), "navigation entry");
    });
}

/// The stored versions per service id, in order.
async fn versions(db: &sea_orm::DatabaseConnection, service: &str) -> Vec<i32> {
    db.query_all(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT version FROM forms_service_version WHERE service_id = '{service}' ORDER BY version"),
    ))
    .await
    .unwrap()
    .iter()
    .map(|row| row.try_get::<i32>("", "version").unwrap())
    .collect()
}

#[test]
fn editing_a_definition_makes_a_new_version_and_unchanged_ones_keep_theirs() {
    run(async {
        for backend in backends() {
            let (mut settings, dir) = test_settings(backend).await;
            let services = dir.path().join("services");
            std::fs::create_dir_all(&services).unwrap();
            let original = std::fs::read_to_string(
                crate::support::folder(&settings, "forms.services_dir").join("sperrmuell.toml"),
            )
            .unwrap();
            std::fs::write(services.join("sperrmuell.toml"), &original).unwrap();
            settings.set("forms.services_dir", &services);
            settings.listen = "127.0.0.1:0".parse().unwrap();

            let first = app::server::AppState::start(settings.clone())
                .await
                .unwrap();
            assert_eq!(versions(&first.ctx.db, "sperrmuell").await, vec![1]);
            // Same content again: same version.
            let again = app::server::AppState::start(settings.clone())
                .await
                .unwrap();
            assert_eq!(
                versions(&again.ctx.db, "sperrmuell").await,
                vec![1],
                "{backend:?}"
            );
            // Edited: a second version, the first kept.
            std::fs::write(
                services.join("sperrmuell.toml"),
                original.replacen("max = 5", "max = 6", 1),
            )
            .unwrap();
            let edited = app::server::AppState::start(settings.clone())
                .await
                .unwrap();
            assert_eq!(
                versions(&edited.ctx.db, "sperrmuell").await,
                vec![1, 2],
                "{backend:?}"
            );
            drop(dir);
        }
    });
}

#[test]
fn the_portal_refuses_to_start_with_a_broken_definition_and_names_it() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        let services = dir.path().join("services");
        std::fs::create_dir_all(&services).unwrap();
        std::fs::write(services.join("kaputt.toml"), "id = \"kaputt\"\n").unwrap();
        settings.set("forms.services_dir", &services);
        let err = format!(
            "{:#}",
            app::server::AppState::start(settings).await.unwrap_err()
        );
        assert!(err.contains("kaputt.toml"), "{err}");
        drop(dir);
    });
}

#[test]
fn a_draft_keeps_its_version_when_the_definition_changes() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        let services = dir.path().join("services");
        std::fs::create_dir_all(&services).unwrap();
        let original = std::fs::read_to_string(
            crate::support::folder(&settings, "forms.services_dir").join("sperrmuell.toml"),
        )
        .unwrap();
        std::fs::write(services.join("sperrmuell.toml"), &original).unwrap();
        settings.set("forms.services_dir", &services);
        let data = tempfile::tempdir().unwrap();
        let before = crate::support::spawn_with(settings.clone(), data).await;

        let browser = crate::support::signed_in(&before, "citizen-low").await;
        let start = browser
            .post(before.url("/leistungen/sperrmuell-abholung/antrag"))
            .send()
            .await
            .unwrap();
        let step = start.headers()["location"].to_str().unwrap().to_owned();

        // The department allows six cubic metres from now on; a second portal process
        // on the same database serves the new version (sessions are shared).
        std::fs::write(
            services.join("sperrmuell.toml"),
            original.replacen("max = 5", "max = 6", 1),
        )
        .unwrap();
        let data = tempfile::tempdir().unwrap();
        let after = crate::support::spawn_with(settings, data).await;
        let page = browser
            .get(after.url(&step))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Dieses Formular wurde geändert"),
            "notice missing"
        );
        // The draft is checked against the version it began with.
        browser
            .post(after.url(&step))
            .form(&[
                ("kinds", "furniture"),
                ("description", "1 Schrank"),
                ("volume", "6"),
            ])
            .send()
            .await
            .unwrap();
        let page = browser
            .get(after.url(&step))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("höchstens 5"), "old rules apply");
        drop(dir);
    });
}
