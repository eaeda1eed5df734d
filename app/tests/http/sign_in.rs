//! Demo sign-in, sessions in the database, sign-out.

use reqwest::{Client, StatusCode};

use crate::support::{
    Backend, TestApp, backends, browser, run, spawn_app, spawn_with, test_settings,
};

/// Posts the demo sign-in form with `fields`.
async fn post_demo(browser: &Client, app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    browser
        .post(app.url("/auth/demo"))
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// The body of GET `path`, sent with the browser's cookies.
async fn page_text(browser: &Client, app: &TestApp, path: &str) -> String {
    browser
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The `name=value` part of a `Set-Cookie` header.
fn cookie_pair(set_cookie: &str) -> &str {
    set_cookie.split(';').next().unwrap_or_default()
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("portal_session="))
        .map(str::to_owned)
}

#[test]
fn demo_sign_in_shows_the_name_and_sign_out_ends_the_session() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let browser = browser();
            let home = page_text(&browser, &app, "/").await;
            assert!(
                home.contains(r#"href="/auth/login?return_to=%2F""#),
                "sign-in link"
            );

            let response = post_demo(
                &browser,
                &app,
                &[("persona", "citizen"), ("return_to", "/toilets")],
            )
            .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{backend:?}");
            assert_eq!(response.headers()["location"], "/toilets");
            let cookie = session_cookie(&response).expect("session cookie");
            for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
                assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
            }
            assert!(
                !cookie.contains("Secure") && !cookie.contains("Domain"),
                "{cookie}"
            );

            let page = page_text(&browser, &app, "/toilets").await;
            assert!(
                page.contains("Erika Mustermann"),
                "{backend:?}: name in the header"
            );
            assert!(page.contains(r#"action="/auth/logout""#));

            let id = cookie_pair(&cookie).to_owned();
            let response = browser.post(app.url("/auth/logout")).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            let page = page_text(&browser, &app, "/").await;
            assert!(!page.contains("Erika Mustermann"));

            // The old cookie is worth nothing after sign-out.
            let replay = app.get_with("/", &[("cookie", id.as_str())]).await.2;
            assert!(
                !replay.contains("Erika Mustermann"),
                "{backend:?}: replayed cookie"
            );
        }
    });
}

#[test]
fn sign_in_leads_to_the_persona_choice_in_demo_mode() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, headers, _) = app.get("/auth/login?return_to=%2Fkonto&level=high").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(
            headers["location"],
            "/anmelden?return_to=%2Fkonto&level=high"
        );
        // Only people who reach the level are offered, and the page says why.
        let (_, _, page) = app.get("/anmelden?return_to=%2Fkonto&level=high").await;
        assert!(page.contains(r#"value="citizen-high""#));
        assert!(!page.contains(r#"value="citizen""#) && !page.contains(r#"value="citizen-low""#));
        assert!(page.contains("Vertrauensniveau hoch. Es stehen nur Personen"));
        let (_, _, page) = app.get("/anmelden?level=substantial").await;
        assert!(page.contains(r#"value="citizen""#) && !page.contains(r#"value="citizen-low""#));
        // An unknown level is dropped rather than passed on.
        let (_, headers, _) = app.get("/auth/login?return_to=%2Fkonto&level=x").await;
        assert_eq!(headers["location"], "/anmelden?return_to=%2Fkonto");
        let (status, headers, _) = app
            .get("/auth/login?return_to=https%3A%2F%2Fevil.example")
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(headers["location"], "/anmelden?return_to=%2F");
    });
}

#[test]
fn signing_in_again_issues_a_new_session_id() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = browser();
        let first = post_demo(&browser, &app, &[("persona", "citizen")]).await;
        let first = session_cookie(&first).unwrap();
        let second = post_demo(&browser, &app, &[("persona", "caseworker")]).await;
        let second = session_cookie(&second).unwrap();
        let (first_id, second_id) = (cookie_pair(&first), cookie_pair(&second));
        assert_ne!(first_id, second_id);
        let with_old = app.get_with("/", &[("cookie", first_id)]).await.2;
        assert!(!with_old.contains("Max Beispiel") && !with_old.contains("Erika Mustermann"));
    });
}

#[test]
fn bad_sign_in_requests_are_refused() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = browser();
        let unknown = post_demo(&browser, &app, &[("persona", "root")]).await;
        assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
        assert!(session_cookie(&unknown).is_none());
        let away = post_demo(
            &browser,
            &app,
            &[
                ("persona", "citizen"),
                ("return_to", "https://evil.example/"),
            ],
        )
        .await;
        assert_eq!(away.headers()["location"], "/", "no open redirect");
        let forged = browser
            .post(app.url("/auth/demo"))
            .header("sec-fetch-site", "cross-site")
            .form(&[("persona", "citizen")])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    });
}

#[test]
fn demo_sign_in_is_off_when_configured_off() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.auth.mode = Some(app::server::settings::AuthMode::Oidc);
        let app = spawn_with(settings, dir).await;
        let response = post_demo(&browser(), &app, &[("persona", "citizen")]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (_, _, home) = app.get("/").await;
        assert!(!home.contains("/anmelden"), "no link to the persona choice");
        let (status, _, _) = app.get("/anmelden").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "no persona choice");
    });
}

/// Signs in as the citizen and returns the session cookie pair.
async fn signed_in_citizen(app: &TestApp) -> String {
    let response = post_demo(&browser(), app, &[("persona", "citizen")]).await;
    cookie_pair(&session_cookie(&response).unwrap()).to_owned()
}

async fn sees_name(app: &TestApp, cookie: &str) -> bool {
    app.get_with("/", &[("cookie", cookie)])
        .await
        .2
        .contains("Erika Mustermann")
}

#[test]
fn idle_sessions_end_and_active_ones_live_on() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let cookie = signed_in_citizen(&app).await;
        app.state.clock.advance(20 * 60);
        assert!(
            sees_name(&app, &cookie).await,
            "20 idle minutes are within the 30 allowed"
        );
        app.state.clock.advance(31 * 60);
        assert!(
            !sees_name(&app, &cookie).await,
            "31 idle minutes end the session"
        );
    });
}

#[test]
fn sessions_end_after_the_absolute_timeout_despite_activity() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let cookie = signed_in_citizen(&app).await;
        // Active every 20 minutes for 11 hours 40 minutes: still signed in.
        for _ in 0..35 {
            app.state.clock.advance(20 * 60);
            assert!(sees_name(&app, &cookie).await);
        }
        // Crossing 12 hours after sign-in ends the session.
        app.state.clock.advance(20 * 60);
        assert!(!sees_name(&app, &cookie).await, "absolute timeout");
    });
}

#[test]
fn every_persona_on_the_sign_in_page_signs_in() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let (_, _, page) = app.get("/anmelden").await;
        for persona in app::personas::PERSONAS {
            assert!(
                page.contains(&format!(r#"value="{}""#, persona.key)),
                "{} offered",
                persona.key
            );
            let browser = browser();
            post_demo(&browser, &app, &[("persona", persona.key)]).await;
            assert!(
                page_text(&browser, &app, "/").await.contains(persona.name),
                "{}",
                persona.key
            );
        }
    });
}

#[test]
fn static_files_and_health_checks_do_not_touch_the_session() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let cookie = signed_in_citizen(&app).await;
        let (_, page, _) = app.get_with("/", &[("cookie", cookie.as_str())]).await;
        assert!(
            page.get("set-cookie").is_some(),
            "pages refresh the idle timeout"
        );
        for path in [
            "/favicon.ico",
            "/fonts/missing.woff2",
            "/pkg/missing.js",
            "/healthz",
        ] {
            let (_, headers, _) = app.get_with(path, &[("cookie", cookie.as_str())]).await;
            assert!(
                headers.get("set-cookie").is_none(),
                "{path} loaded the session"
            );
        }
    });
}

#[test]
fn a_person_without_the_role_gets_a_portal_page_with_a_way_back() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let citizen = crate::support::signed_in(&app, "citizen").await;
        let refused = citizen
            .get(app.url("/bearbeitung"))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        let target = refused.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(target, "/kein-zugang?seite=%2Fbearbeitung");
        let page = citizen.get(app.url(&target)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::FORBIDDEN);
        assert!(
            page.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let html = page.text().await.unwrap();
        for part in [
            r#"<html lang="de""#,
            "<title>Kein Zugang zu dieser Seite",
            "/bearbeitung",
            r#"href="/konto""#,
            r#"href="/""#,
        ] {
            assert!(html.contains(part), "{part} missing: {html}");
        }
        // A form post from a browser is refused the same way, not with a bare text.
        let posted = citizen
            .post(app.url("/bearbeitung/faelle/x/aktion"))
            .header("accept", "text/html")
            .form(&[("action", "claim")])
            .send()
            .await
            .unwrap();
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        assert!(
            posted.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/kein-zugang")
        );
        // A program asking gets the plain status.
        let api = citizen.get(app.url("/bearbeitung")).send().await.unwrap();
        assert_eq!(api.status(), StatusCode::FORBIDDEN);
    });
}
