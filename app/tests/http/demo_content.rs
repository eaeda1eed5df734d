//! Demo content is loaded once per database, however often the portal starts.

use app::server::AppState;
use sea_orm::{ConnectionTrait, Statement};

use crate::support::{backends, run, spawn_with, test_settings};

async fn toilet_count(state: &AppState) -> i64 {
    let db = &state.ctx.db;
    let row = db
        .query_one(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM toilets_place",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

#[test]
fn restarting_does_not_load_demo_content_twice() {
    run(async {
        for backend in backends() {
            let (settings, dir) = test_settings(backend).await;
            let first = AppState::start(settings.clone()).await.unwrap();
            let loaded = toilet_count(&first).await;
            assert!(loaded > 0, "{backend:?}: demo content loaded");
            let app = spawn_with(settings, dir).await;
            assert_eq!(toilet_count(&app.state).await, loaded, "{backend:?}");
        }
    });
}

#[test]
fn demo_content_can_be_switched_off() {
    run(async {
        let (mut settings, dir) = test_settings(crate::support::Backend::Sqlite).await;
        settings.demo_content_setting = Some(false);
        settings.auth.mode = Some(app::server::settings::AuthMode::Oidc);
        let app = spawn_with(settings, dir).await;
        assert_eq!(toilet_count(&app.state).await, 0);
        let (_, _, html) = app.get("/").await;
        assert!(!html.contains("Demo-Installation"));
    });
}

#[test]
fn signing_in_through_a_provider_is_no_demo_unless_the_operator_says_so() {
    run(async {
        for (setting, demo) in [(None, false), (Some(true), true)] {
            let (mut settings, dir) = test_settings(crate::support::Backend::Sqlite).await;
            settings.demo_content_setting = setting;
            settings.auth.mode = Some(app::server::settings::AuthMode::Oidc);
            let app = spawn_with(settings, dir).await;
            assert_eq!(toilet_count(&app.state).await > 0, demo, "{setting:?}");
            let (_, _, html) = app.get("/").await;
            assert_eq!(html.contains("Demo-Installation"), demo, "{setting:?}");
        }
    });
}
