//! No token and no session id leaves the server but where it belongs: the real portal
//! binary, its log at debug for the portal's own crates, every route of the access
//! matrix called by people signed in through the test provider (so their sessions
//! hold provider tokens); every answer's body and headers and the whole log are
//! searched for a JWT (`eyJ`, a base64url JSON header) and for the session ids. Only
//! the session cookie itself may carry its id.

use std::sync::Arc;

use reqwest::{Client, cookie::CookieStore, redirect::Policy};
use sea_orm::ConnectionTrait;

use crate::{
    access_matrix::{Fixture, routes},
    idp::{IDP, register, sign_in},
    portal_process::{PortalProcess, free_port},
    support::run,
};

/// A browser with a cookie jar the test can read.
fn browser() -> (Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder()
        .redirect(Policy::none())
        .cookie_provider(Arc::clone(&jar))
        .build()
        .unwrap();
    (client, jar)
}

#[test]
fn no_token_or_session_id_in_any_answer_or_log_line() {
    run(async {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let client = register(&IDP, &base).await;
        let portal = PortalProcess::serve(
            port,
            &[
                ("PORTAL_AUTH__MODE", "oidc".into()),
                ("PORTAL_OIDC__ISSUER_URL", IDP.issuer.clone()),
                ("PORTAL_OIDC__CLIENT_ID", client.id.clone()),
                ("PORTAL_OIDC__CLIENT_SECRET", client.secret.clone()),
                ("PORTAL_RATE_LIMIT__LOGIN_BURST", "1000".into()),
                (
                    "PORTAL_LOG_FILTER",
                    "info,app=debug,kernel=debug,forms=debug,cases=debug,search=debug".into(),
                ),
            ],
        )
        .await;
        let database_url = portal.database_url.clone();

        let mut sessions = Vec::new();
        let mut leaks = Vec::new();
        let nonce = regex::Regex::new(r"'nonce-([A-Za-z0-9_\-+/=]+)'").unwrap();
        for user in ["erika", "max", "dana"] {
            let (browser, jar) = browser();
            let start = format!("{base}/auth/login?return_to=%2F");
            sign_in(&browser, &start, user).await;
            let cookies = jar
                .cookies(&base.parse().unwrap())
                .map(|h| h.to_str().unwrap().to_owned())
                .unwrap_or_default();
            let session = cookies
                .split("; ")
                .find_map(|c| c.strip_prefix("portal_session="))
                .expect("signed in")
                .to_owned();
            // Signing out and in would change the session: those rows are left out.
            let unknown = Fixture::unknown();
            for row in routes().iter().filter(|r| !r.changes_session()) {
                let path = row.path(&unknown);
                let response = browser
                    .request(row.method.clone(), format!("{base}{path}"))
                    .header("accept", "text/html")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(row.body(&unknown))
                    .send()
                    .await
                    .unwrap();
                let headers: String = response
                    .headers()
                    .iter()
                    .filter(|(name, _)| *name != "set-cookie")
                    .map(|(name, value)| format!("{name}: {}\n", value.to_str().unwrap_or("")))
                    .collect();
                let body = response.text().await.unwrap_or_default();
                // The answer's script nonce (in the policy header and on the page) is
                // random text that may hold `eyJ` by chance (about once in 13,000
                // answers): it is left out of the check.
                let (headers, body) = match nonce.captures(&headers).map(|c| c[1].to_owned()) {
                    Some(value) => (headers.replace(&value, "…"), body.replace(&value, "…")),
                    None => (headers, body),
                };
                for (part, text) in [("headers", &headers), ("body", &body)] {
                    if let Some(line) = text
                        .lines()
                        .find(|line| line.contains("eyJ") || line.contains(&session))
                    {
                        let line: String = line.chars().take(200).collect();
                        leaks.push(format!("{} {path} as {user}: {part}: {line}", row.method));
                    }
                }
            }
            sessions.push(session);
        }
        assert!(leaks.is_empty(), "{}", leaks.join("\n"));
        // At rest too: the session table holds the tokens sealed.
        let db = sea_orm::Database::connect(&database_url).await.unwrap();
        let stored = db
            .query_all(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT data FROM kernel_session",
            ))
            .await
            .unwrap();
        assert!(stored.len() >= 3, "the three sessions are stored");
        // A sealed value is random text that may hold `eyJ` by chance (about once in
        // a hundred runs): only what lies outside the sealed values must not.
        let sealed = regex::Regex::new(r"sealed1:[A-Za-z0-9_\-+/=]*").unwrap();
        for row in stored {
            let data: String = row.try_get_by_index(0).unwrap();
            assert!(
                !sealed.replace_all(&data, "sealed1:…").contains("eyJ"),
                "a token in the session store: {data}"
            );
            assert!(data.contains("sealed1:"), "{data}");
        }
        let log = portal.log();
        assert!(
            log.contains("signed in at the provider"),
            "the log was written: {log}"
        );
        for (n, line) in log.lines().enumerate() {
            assert!(!line.contains("eyJ"), "a token in log line {n}: {line}");
            for session in &sessions {
                assert!(
                    !line.contains(session.as_str()),
                    "a session id in log line {n}"
                );
            }
        }
    });
}
