//! Two portal processes on one PostgreSQL database and one object-store bucket behind a
//! round-robin proxy, as in production, sharing no folder: a session works on both, a
//! request filed through the proxy is visible and searchable on each within a second,
//! its upload is read by either, its mail goes out once, and the hourly retention runs
//! on one of them. PostgreSQL only (SQLite is one process's database).

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::{extract::State, http::header, response::IntoResponse};

use crate::{
    case_search::search_leads_to,
    filing::{case_of, file_bulky_waste, file_parking_permit},
    s3_server::S3Server,
    support::{Backend, TestApp, backends, page, run, signed_in, test_settings, within_seconds},
    uploads::png,
};

/// A proxy of the test's own: each request to the next backend in turn.
struct RoundRobin {
    backends: Vec<SocketAddr>,
    next: AtomicUsize,
    served: Vec<AtomicUsize>,
    client: reqwest::Client,
}

async fn forward(
    State(proxy): State<Arc<RoundRobin>>,
    request: axum::extract::Request,
) -> axum::response::Response {
    let turn = proxy.next.fetch_add(1, Ordering::SeqCst) % proxy.backends.len();
    proxy.served[turn].fetch_add(1, Ordering::SeqCst);
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 1 << 20).await else {
        return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let mut out = proxy
        .client
        .request(
            parts.method,
            format!("http://{}{path}", proxy.backends[turn]),
        )
        .body(body);
    for (name, value) in &parts.headers {
        if name != header::HOST {
            out = out.header(name, value);
        }
    }
    let Ok(answer) = out.send().await else {
        return axum::http::StatusCode::BAD_GATEWAY.into_response();
    };
    let status = answer.status();
    let headers = answer.headers().clone();
    let body = answer.bytes().await.unwrap_or_default();
    let mut response = (status, body).into_response();
    for (name, value) in &headers {
        if name != header::CONTENT_LENGTH && name != header::TRANSFER_ENCODING {
            response.headers_mut().append(name, value.clone());
        }
    }
    response
}

/// Starts the proxy in front of `backends`; returns its address and the proxy.
async fn round_robin(backends: Vec<SocketAddr>) -> (SocketAddr, Arc<RoundRobin>) {
    let proxy = Arc::new(RoundRobin {
        served: backends.iter().map(|_| AtomicUsize::new(0)).collect(),
        backends,
        next: AtomicUsize::new(0),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = axum::Router::new()
        .fallback(forward)
        .with_state(Arc::clone(&proxy));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (addr, proxy)
}

/// The one text `sql` (with `$1` = `value`) answers.
async fn text(db: &sea_orm::DatabaseConnection, sql: &str, value: &str) -> String {
    let row = sea_orm::ConnectionTrait::query_one(
        db,
        kernel::sql::statement(db, sql, vec![value.into()]),
    )
    .await
    .expect("query")
    .expect("a row");
    row.try_get_by_index(0).expect("text")
}

/// The `Message-ID`s of the mails under both portals' folders that name `reference`.
fn mails_naming(portals: &[&TestApp], reference: &str) -> Vec<String> {
    let mut ids: Vec<String> = portals
        .iter()
        .filter_map(|p| std::fs::read_dir(p.state.settings.data_dir.join("mail")).ok())
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .filter(|mail| mail.contains(reference))
        .filter_map(|mail| {
            mail.lines()
                .find_map(|l| l.strip_prefix("Message-ID: ").map(str::to_owned))
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn two_portals_on_one_database_serve_as_one() {
    run(async {
        if !backends().contains(&Backend::Postgres) {
            return;
        }
        let (mut settings, first_dir) = test_settings(Backend::Postgres).await;
        // Uploads in one bucket; search indexes and the rest each process's own.
        let bucket = S3Server::start();
        bucket.configure(&mut settings);
        let (first, second) = crate::support::two_portals(settings, first_dir).await;
        let (proxy_addr, proxy) = round_robin(vec![first.addr, second.addr]).await;
        let front = TestApp::reached_at(proxy_addr, first.state.clone());

        // Signed in through one process, known to both.
        let erika = signed_in(&front, "citizen").await;
        for _ in 0..4 {
            let (status, account) = page(&erika, &front, "/konto").await;
            assert_eq!(status, 200);
            assert!(
                account.contains("Erika Mustermann"),
                "the session holds on either process"
            );
        }
        assert!(
            proxy.served.iter().all(|n| n.load(Ordering::SeqCst) >= 2),
            "both processes answered"
        );

        // Filed through the proxy: the form's requests alternate between the processes.
        let submission = file_bulky_waste(&erika, &front).await;
        let db = &first.state.ctx.db;
        let reference = text(
            db,
            "SELECT reference FROM forms_submission WHERE id = $1",
            &submission,
        )
        .await;

        // Each process's caseworker search knows it within a second: its reference
        // opens its case.
        let case_id = text(
            db,
            "SELECT id FROM cases_case WHERE reference = $1",
            &reference,
        )
        .await;
        let case_page = format!("/bearbeitung/faelle/{case_id}");
        for portal in [&first, &second] {
            assert_eq!(
                search_leads_to(portal, &reference, 1).await.as_deref(),
                Some(case_page.as_str()),
                "searchable on {} within a second",
                portal.addr
            );
        }

        // The receipt and the department's notice go out once each, from whichever
        // process took them.
        let sent = within_seconds(
            10,
            async || mails_naming(&[&first, &second], &reference),
            |ids| ids.len() >= 2,
        )
        .await;
        assert_eq!(sent.len(), 2, "{sent:?}");
        assert_ne!(sent[0], sent[1]);
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(
            mails_naming(&[&first, &second], &reference),
            sent,
            "and not again"
        );

        // A request with an upload, filed through the proxy (its steps alternate
        // between the processes): the file is in the bucket once, both serve it.
        let permit = file_parking_permit(&erika, &front).await;
        let permit_case = case_of(&first, &permit).await;
        let stored = bucket.keys().await;
        assert_eq!(stored.len(), 1, "{stored:?}");
        for portal in [&first, &second] {
            let download = format!("/vorgaenge/{permit_case}/dateien/{}", stored[0]);
            let response = erika.get(portal.url(&download)).send().await.unwrap();
            assert_eq!(response.status(), 200, "served by {}", portal.addr);
            assert_eq!(response.bytes().await.unwrap().to_vec(), png(600));
        }

        // The hourly retention: whichever process comes first runs it, the other not.
        let now = chrono::Utc::now().timestamp();
        let ran = |portal: &TestApp, holder: &'static str| {
            let state = portal.state.clone();
            async move {
                app::server::retention::run_if_ours(&state.ctx, holder, now)
                    .await
                    .expect("retention")
                    .is_some()
            }
        };
        assert!(ran(&first, "first").await, "the first process runs it");
        assert!(!ran(&second, "second").await, "the second finds it taken");
        assert!(!ran(&first, "first").await, "not twice in one period");
    });
}
