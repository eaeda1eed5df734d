//! Sign-in through a real OpenID provider process (see `idp.rs`): the whole flow,
//! claims mapping, step-up, sign-out, back-channel logout, refresh, and everything a
//! forged token or a tampered callback must not get through.

use std::sync::Arc;

use reqwest::{Client, Method, StatusCode, cookie::CookieStore, redirect::Policy};

use crate::{
    idp::{
        IDP, Idp, OidcApp, abort_sign_in, follow, resolve, sign_in, spawn_oidc, spawn_oidc_at,
        spawn_oidc_with,
    },
    support::{Backend, TestApp, backends, browser, run},
};

fn login_url(app: &TestApp, return_to: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("return_to", return_to)
        .finish();
    app.url(&format!("/auth/login?{query}"))
}

/// The portal session cookie the jar holds for `app`.
fn session_id(jar: &reqwest::cookie::Jar, app: &TestApp) -> Option<String> {
    let url = app.url("/").parse().unwrap();
    let header = jar.cookies(&url)?;
    header
        .to_str()
        .unwrap()
        .split("; ")
        .find_map(|c| c.strip_prefix("portal_session="))
        .map(str::to_owned)
}

#[test]
fn a_caseworker_signs_in_at_the_provider_with_roles_departments_and_level() {
    run(async {
        for backend in backends() {
            let OidcApp { app, .. } = spawn_oidc(backend).await;
            let jar = Arc::new(reqwest::cookie::Jar::default());
            let browser = Client::builder()
                .redirect(Policy::none())
                .cookie_provider(Arc::clone(&jar))
                .build()
                .unwrap();
            let to_provider = browser.get(login_url(&app, "/konto")).send().await.unwrap();
            assert_eq!(to_provider.status(), StatusCode::SEE_OTHER);
            let location = to_provider.headers()["location"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(location.starts_with(&IDP.issuer), "{location}");
            for part in [
                "code_challenge_method=S256",
                "code_challenge=",
                "state=",
                "nonce=",
                "response_type=code",
            ] {
                assert!(location.contains(part), "{part} missing in {location}");
            }
            let before = session_id(&jar, &app).expect("a session holds the pending sign-in");

            let (url, status, page) = sign_in(&browser, &location, "max").await;
            assert_eq!(
                url,
                app.url("/konto"),
                "{backend:?}: back where the person wanted to go"
            );
            assert_eq!(status, StatusCode::OK);
            let after = session_id(&jar, &app).unwrap();
            assert_ne!(before, after, "{backend:?}: a new session id after sign-in");
            for expected in [
                "Max Beispiel",
                "max.beispiel@muenchen.example",
                "Sachbearbeitung",
                "KVR, SOZIALREFERAT",
                "niedrig",
            ] {
                assert!(
                    page.contains(expected),
                    "{backend:?}: {expected} missing on the account page"
                );
            }
            assert!(
                !page.contains("Fachadministration"),
                "no role without its claim"
            );
            assert!(
                !page.contains("SPORT"),
                "only configured groups are departments"
            );
        }
    });
}

#[test]
fn tokens_never_reach_the_browser() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        let (_, _, page) = sign_in(&browser, &login_url(&app, "/konto"), "erika").await;
        // A JWT starts with a base64url JSON header: `eyJ`.
        assert!(!page.contains("eyJ"), "a token in the page");
        let response = browser
            .post(app.url("/api/account/details"))
            .header("content-type", "application/x-www-form-urlencoded")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.unwrap();
        assert!(body.contains("Erika") && !body.contains("eyJ"), "{body}");
    });
}

#[test]
fn a_citizen_profile_and_level_reach_the_account_page() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let (_, _, page) = sign_in(&browser(), &login_url(&app, "/konto"), "erika").await;
        for expected in [
            "Erika Mustermann",
            "erika.mustermann@example.org",
            "Marienplatz 8, 80331 München",
            "Bürgerin oder Bürger",
            "niedrig",
        ] {
            assert!(page.contains(expected), "{expected} missing");
        }
    });
}

#[test]
fn a_low_level_sign_in_is_stepped_up_and_returns_to_the_page() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        sign_in(&browser, &login_url(&app, "/"), "erika").await;

        // Not a page request: a plain status.
        let api = browser
            .get(app.url("/probe/substantial"))
            .send()
            .await
            .unwrap();
        assert_eq!(api.status(), StatusCode::FORBIDDEN);

        let page = browser
            .get(app.url("/probe/substantial?x=1"))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::SEE_OTHER);
        let step_up = page.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            step_up,
            "/auth/login?return_to=%2Fprobe%2Fsubstantial%3Fx%3D1&level=substantial"
        );

        // The provider asks again (prompt=login) and is asked for the higher level.
        let to_provider = browser.get(app.url(&step_up)).send().await.unwrap();
        let location = to_provider.headers()["location"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            location.contains("level3") && location.contains("prompt=login"),
            "{location}"
        );
        let (url, status, body) = sign_in(&browser, &location, "erika").await;
        assert_eq!(url, app.url("/probe/substantial?x=1"));
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, "erika Some(Substantial)");
        let (_, _, account) = follow(&browser, &app.url("/konto")).await;
        assert!(account.contains("substanziell"));
    });
}

#[test]
fn keycloak_style_step_up_asks_by_acr_values_and_reads_acr() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc_with(Backend::Sqlite, |s| {
            s.oidc.level_claim = "acr".into();
            s.oidc.step_up = app::server::settings::StepUpMethod::AcrValues;
        })
        .await;
        let browser = browser();
        sign_in(&browser, &login_url(&app, "/"), "erika").await;
        let to_provider = browser
            .get(app.url("/auth/login?return_to=%2Fprobe%2Fsubstantial&level=substantial"))
            .send()
            .await
            .unwrap();
        let location = to_provider.headers()["location"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            location.contains("acr_values=level3") && !location.contains("level3+"),
            "{location}"
        );
        let (url, _, body) = sign_in(&browser, &location, "erika").await;
        assert_eq!(url, app.url("/probe/substantial"));
        assert_eq!(body, "erika Some(Substantial)");
    });
}

#[test]
fn sign_out_ends_the_portal_session_and_the_provider_session() {
    run(async {
        for backend in backends() {
            let OidcApp { app, client } = spawn_oidc(backend).await;
            let browser = browser();
            sign_in(&browser, &login_url(&app, "/"), "max").await;
            let cookie = browser
                .get(app.url("/"))
                .send()
                .await
                .unwrap()
                .headers()
                .get_all("set-cookie")
                .iter()
                .find_map(|c| c.to_str().ok().filter(|c| c.starts_with("portal_session=")))
                .map(|c| c.split(';').next().unwrap().to_owned())
                .unwrap();

            let out = browser.post(app.url("/auth/logout")).send().await.unwrap();
            assert_eq!(out.status(), StatusCode::SEE_OTHER);
            let end_session = out.headers()["location"].to_str().unwrap().to_owned();
            assert!(
                end_session.starts_with(&format!("{}/session/end", IDP.issuer)),
                "{end_session}"
            );
            assert!(end_session.contains("id_token_hint=") && end_session.contains(&client.id));

            // The old cookie is worth nothing now.
            let (status, headers, _) = app
                .get_with(
                    "/konto",
                    &[("cookie", cookie.as_str()), ("accept", "text/html")],
                )
                .await;
            assert_eq!(status, StatusCode::SEE_OTHER, "{backend:?}");
            assert!(
                headers["location"]
                    .to_str()
                    .unwrap()
                    .starts_with("/auth/login")
            );

            // The provider confirms and sends the browser back to the portal.
            let (_, _, confirm) = follow(&browser, &end_session).await;
            let (action, xsrf) = logout_form(&confirm);
            let done = browser
                .post(action)
                .form(&[("xsrf", xsrf.as_str()), ("logout", "yes")])
                .send()
                .await
                .unwrap();
            assert_eq!(done.headers()["location"], app.url("/").as_str());

            // Signing in again needs the password again: the provider session ended.
            let (url, _, page) = follow(&browser, &login_url(&app, "/")).await;
            assert!(
                url.starts_with(&IDP.issuer) && page.contains("Passwort"),
                "{url}"
            );
        }
    });
}

/// The action and xsrf token of the provider's sign-out confirmation.
fn logout_form(page: &str) -> (String, String) {
    let action = regex::Regex::new(r#"action="([^"]+)""#)
        .unwrap()
        .captures(page)
        .expect("form")[1]
        .to_owned();
    let xsrf = regex::Regex::new(r#"name="xsrf" value="([^"]+)""#)
        .unwrap()
        .captures(page)
        .expect("xsrf")[1]
        .to_owned();
    let action = if action.starts_with('/') {
        format!("{}{action}", IDP.issuer)
    } else {
        action
    };
    (action, xsrf)
}

#[test]
fn back_channel_logout_ends_every_portal_session_of_the_provider_session() {
    run(async {
        for backend in backends() {
            let OidcApp { app, .. } = spawn_oidc(backend).await;
            let browser = browser();
            let (_, status, _) = sign_in(&browser, &login_url(&app, "/konto"), "dana").await;
            assert_eq!(status, StatusCode::OK);

            // The person signs out at the provider (e.g. from another application).
            let (_, _, confirm) = follow(&browser, &format!("{}/session/end", IDP.issuer)).await;
            let (action, xsrf) = logout_form(&confirm);
            browser
                .post(action)
                .form(&[("xsrf", xsrf.as_str()), ("logout", "yes")])
                .send()
                .await
                .unwrap();

            let still = browser
                .get(app.url("/konto"))
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            assert_eq!(
                still.status(),
                StatusCode::SEE_OTHER,
                "{backend:?}: session ended by the provider"
            );
        }
    });
}

#[test]
fn back_channel_logout_refuses_forged_tokens() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let none = format!(
            "{}.{}.",
            base64_url(r#"{"alg":"none","typ":"logout+jwt"}"#),
            base64_url(&format!(
                r#"{{"iss":"{}","sid":"x","events":{{"http://schemas.openid.net/event/backchannel-logout":{{}}}}}}"#,
                IDP.issuer
            ))
        );
        for token in ["garbage", none.as_str()] {
            let response = Client::new()
                .post(app.url("/auth/backchannel-logout"))
                .form(&[("logout_token", token)])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST);
            assert_eq!(response.headers()["cache-control"], "no-store");
        }
    });
}

fn base64_url(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

#[test]
fn expired_access_tokens_are_refreshed() {
    run(async {
        let OidcApp { app, client } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        sign_in(&browser, &login_url(&app, "/"), "erika").await;
        let refreshes = format!("/test/refreshes?client_id={}", client.id);
        assert_eq!(IDP.control(Method::GET, &refreshes).await["count"], 0);
        app.state.clock.advance(301);
        let (_, status, page) = follow(&browser, &app.url("/konto")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            page.contains("Erika Mustermann"),
            "still signed in after the refresh"
        );
        assert_eq!(IDP.control(Method::GET, &refreshes).await["count"], 1);
        // The new access token is good for another five minutes: no second refresh.
        follow(&browser, &app.url("/konto")).await;
        assert_eq!(IDP.control(Method::GET, &refreshes).await["count"], 1);
    });
}

#[test]
fn a_refresh_updates_the_roles_and_cannot_switch_the_person() {
    run(async {
        let OidcApp { app, client } = spawn_oidc(Backend::Sqlite).await;
        let forge_next = async |kind: &str| {
            IDP.control(
                Method::POST,
                &format!("/test/forge?client_id={}&kind={kind}", client.id),
            )
            .await;
        };
        // Max loses his caseworker role at the provider: the next refresh says so.
        let max = browser();
        sign_in(&max, &login_url(&app, "/"), "max").await;
        let (_, status, _) = follow(&max, &app.url("/bearbeitung")).await;
        assert_eq!(status, StatusCode::OK);
        forge_next("roles-removed").await;
        app.state.clock.advance(301);
        let (url, status, _) = follow(&max, &app.url("/bearbeitung")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{url}");
        let (_, _, account) = follow(&max, &app.url("/konto")).await;
        assert!(
            account.contains("Max Beispiel"),
            "still signed in, as himself"
        );

        // A refreshed ID token about someone else ends the session.
        let erika = browser();
        sign_in(&erika, &login_url(&app, "/"), "erika").await;
        forge_next("other-subject").await;
        app.state.clock.advance(301);
        let (_, _, home) = follow(&erika, &app.url("/")).await;
        assert!(!home.contains("Erika Mustermann"), "signed out");
    });
}

#[test]
fn a_refresh_the_provider_refuses_ends_the_session() {
    run(async {
        let OidcApp { app, client } = spawn_oidc(Backend::Sqlite).await;
        let erika = browser();
        sign_in(&erika, &login_url(&app, "/"), "erika").await;
        let (_, status, _) = follow(&erika, &app.url("/konto")).await;
        assert_eq!(status, StatusCode::OK);
        // Her session at the provider ends: the next refresh is refused.
        IDP.control(
            Method::POST,
            &format!("/test/forge?client_id={}&kind=grant-ended", client.id),
        )
        .await;
        app.state.clock.advance(301);
        let response = erika
            .get(app.url("/konto"))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert!(response.status().is_redirection(), "{}", response.status());
        let location = response.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/auth/login?"), "{location}");
        // Signed out for good: the stored session is gone, not only this answer.
        let (_, _, home) = follow(&erika, &app.url("/")).await;
        assert!(!home.contains("Erika Mustermann"), "signed out");
    });
}

#[test]
fn forged_and_broken_id_tokens_are_refused() {
    run(async {
        let OidcApp { app, client } = spawn_oidc(Backend::Sqlite).await;
        for kind in [
            "wrong-issuer",
            "wrong-audience",
            "expired",
            "bad-signature",
            "tampered",
            "alg-none",
            "hs256",
            "nonce-missing",
            "nonce-wrong",
        ] {
            IDP.control(
                Method::POST,
                &format!("/test/forge?client_id={}&kind={kind}", client.id),
            )
            .await;
            let browser = browser();
            let (url, status, _) = sign_in(&browser, &login_url(&app, "/konto"), "paul").await;
            assert_eq!(
                url,
                app.url("/anmelden/fehler?grund=fehlgeschlagen"),
                "{kind} accepted"
            );
            assert_eq!(status, StatusCode::BAD_REQUEST);
            let account = browser
                .get(app.url("/konto"))
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            assert_eq!(
                account.status(),
                StatusCode::SEE_OTHER,
                "{kind}: not signed in"
            );
        }
    });
}

#[test]
fn claims_missing_in_the_id_token_come_from_userinfo() {
    run(async {
        let OidcApp { app, client } = spawn_oidc(Backend::Sqlite).await;
        IDP.control(
            Method::POST,
            &format!(
                "/test/forge?client_id={}&kind=claims-in-userinfo-only",
                client.id
            ),
        )
        .await;
        let (url, _, page) = sign_in(&browser(), &login_url(&app, "/konto"), "max").await;
        assert_eq!(url, app.url("/konto"));
        for expected in [
            "Max Beispiel",
            "max.beispiel@muenchen.example",
            "Sachbearbeitung",
            "KVR, SOZIALREFERAT",
        ] {
            assert!(
                page.contains(expected),
                "{expected} missing: userinfo not used"
            );
        }
    });
}

/// Signs in up to the portal's callback and returns the callback URL unvisited.
async fn callback_url(browser: &Client, app: &TestApp) -> String {
    let (_, _, page) = follow(browser, &login_url(app, "/konto")).await;
    let action = regex::Regex::new(r#"action="(/interaction/[^"]+/login)""#)
        .unwrap()
        .captures(&page)
        .unwrap()[1]
        .to_owned();
    let mut next = browser
        .post(format!("{}{action}", IDP.issuer))
        .form(&[("login", "erika"), ("password", "test")])
        .send()
        .await
        .unwrap()
        .headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    loop {
        let url = resolve(&IDP.issuer, &next);
        if url.starts_with(&app.url("/auth/callback")) {
            return url;
        }
        next = browser.get(&url).send().await.unwrap().headers()["location"]
            .to_str()
            .unwrap()
            .to_owned();
    }
}

#[test]
fn the_state_must_match_and_works_once() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        let callback = callback_url(&browser, &app).await;

        // Another state than the one sent: refused, and the real one still works after.
        let forged = regex::Regex::new(r"state=[^&]+")
            .unwrap()
            .replace(&callback, "state=forged")
            .into_owned();
        let (url, status, _) = follow(&browser, &forged).await;
        assert_eq!(url, app.url("/anmelden/fehler?grund=abgelaufen"));
        assert_eq!(status, StatusCode::BAD_REQUEST);

        let (url, _, _) = follow(&browser, &callback).await;
        assert_eq!(url, app.url("/konto"));
        // Replayed: the state was used up.
        let (url, _, _) = follow(&browser, &callback).await;
        assert_eq!(url, app.url("/anmelden/fehler?grund=abgelaufen"));
        // In another browser (no pending sign-in at all).
        let (url, _, _) = follow(&self::browser(), &callback).await;
        assert_eq!(url, app.url("/anmelden/fehler?grund=abgelaufen"));
    });
}

#[test]
fn cancelling_at_the_provider_leads_to_a_safe_page() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        let (_, _, page) = follow(&browser, &login_url(&app, "/konto")).await;
        let (url, status, page) = abort_sign_in(&browser, &page).await;
        assert_eq!(url, app.url("/anmelden/fehler?grund=abgebrochen"));
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains("abgebrochen"));

        // Whatever a stranger puts into the callback is not shown.
        let (_, _, page) = follow(&browser, &app.url("/auth/callback?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&error_description=%3Cb%3Epwned&state=x")).await;
        assert!(!page.contains("<script>alert") && !page.contains("pwned"));
        let (_, _, page) = follow(
            &browser,
            &app.url("/anmelden/fehler?grund=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        )
        .await;
        assert!(!page.contains("<script>alert"));
    });
}

#[test]
fn an_account_named_like_the_portals_own_actors_cannot_sign_in() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        let (url, status, _) = sign_in(&browser, &login_url(&app, "/antraege"), "open311").await;
        assert_eq!(url, app.url("/anmelden/fehler?grund=fehlgeschlagen"));
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (_, _, page) = follow(&browser, &app.url("/")).await;
        assert!(!page.contains("Mallory"), "not signed in");
    });
}

#[test]
fn return_to_accepts_only_local_paths() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        for target in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)",
        ] {
            let (url, _, _) = sign_in(&browser(), &login_url(&app, target), "erika").await;
            assert_eq!(url, app.url("/"), "{target}");
        }
    });
}

#[test]
fn a_rotated_signing_key_is_fetched_when_a_token_names_it() {
    run(async {
        // A provider of its own: rotating the shared one's keys would disturb other tests.
        let idp = Idp::start();
        let OidcApp { app, .. } = spawn_oidc_at(&idp, Backend::Sqlite, |_| {}).await;
        let (url, _, _) = sign_in(&browser(), &login_url(&app, "/konto"), "erika").await;
        assert_eq!(url, app.url("/konto"));
        idp.control(Method::POST, "/test/rotate-keys").await;
        let (url, _, page) = sign_in(&browser(), &login_url(&app, "/konto"), "erika").await;
        assert_eq!(url, app.url("/konto"), "token with the new key accepted");
        assert!(page.contains("Erika Mustermann"));
    });
}

#[test]
fn sign_in_endpoints_are_rate_limited_per_client() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc_with(Backend::Sqlite, |s| {
            s.rate_limit.login_per_minute = 1;
            s.rate_limit.login_burst = 2;
        })
        .await;
        let statuses = futures_statuses(&app, 3).await;
        assert_eq!(
            statuses,
            [
                StatusCode::SEE_OTHER,
                StatusCode::SEE_OTHER,
                StatusCode::TOO_MANY_REQUESTS
            ]
        );
        // Other pages are not limited.
        assert_eq!(app.get("/").await.0, StatusCode::OK);
    });
}

async fn futures_statuses(app: &TestApp, n: usize) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for _ in 0..n {
        statuses.push(
            browser()
                .get(app.url("/auth/login"))
                .send()
                .await
                .unwrap()
                .status(),
        );
    }
    statuses
}

#[test]
fn an_unreachable_provider_gets_an_explaining_page() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc_with(Backend::Sqlite, |s| {
            s.oidc.issuer_url = "http://127.0.0.1:9".into();
        })
        .await;
        let (url, status, page) = follow(&browser(), &login_url(&app, "/")).await;
        assert_eq!(url, app.url("/anmelden/fehler?grund=nicht-erreichbar"));
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains("nicht erreichbar"));
    });
}
