//! The open interface `/api/v1`: back-office systems list, read and act on the cases
//! of their departments with bearer tokens of the identity provider, by the same rules
//! as caseworkers; everything else is refused with problem details. Runs on SQLite and
//! PostgreSQL against the real test provider.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::{
    api_support::{ApiPortal, api_portal, call, forged, get, post},
    case_documents::answer_with,
    filing::file_bulky_waste,
    idp::IDP,
    support::{Backend, TestApp, backends, page, run, signed_in},
    uploads::png,
};

/// How many cases `sql` (a `COUNT(*)`) finds.
async fn count(app: &TestApp, sql: &str) -> i64 {
    let db = &app.state.ctx.db;
    let row = db
        .query_one(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index(0).unwrap()
}

/// Every case `token` sees with `filter`, walking pages of `limit`.
async fn walk(app: &TestApp, token: &str, filter: &str, limit: u32) -> Vec<Value> {
    let mut items = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut path = format!("/cases?limit={limit}{filter}");
        if let Some(after) = &after {
            path.push_str(&format!("&after={after}"));
        }
        let answer = get(app, &path, token).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let page = answer.body["items"].as_array().unwrap().clone();
        assert!(page.len() <= limit as usize);
        items.extend(page);
        match answer.body["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => return items,
        }
    }
}

async fn seeded(backend: Backend) -> ApiPortal {
    api_portal(backend, async |settings| {
        app::server::seed::seed(settings, app::server::seed::Scale::cases(300), 11)
            .await
            .unwrap();
    })
    .await
}

#[test]
fn cases_are_listed_filtered_and_paged_only_within_the_clients_departments() {
    run(async {
        for backend in backends() {
            let portal = seeded(backend).await;
            let app = &portal.app;
            let all = walk(app, &portal.kvr, "", 17).await;
            let in_kvr = count(
                app,
                "SELECT COUNT(*) FROM cases_case WHERE department = 'kvr'",
            )
            .await;
            assert!(
                in_kvr > 17,
                "{backend:?}: the seed gives the KVR several pages"
            );
            assert_eq!(all.len() as i64, in_kvr, "{backend:?}");
            assert!(all.iter().all(|c| c["department"] == "kvr"));
            let ids: HashSet<&str> = all.iter().map(|c| c["id"].as_str().unwrap()).collect();
            assert_eq!(ids.len(), all.len(), "no case twice across pages");
            let filed: Vec<&str> = all
                .iter()
                .map(|c| c["submitted_at"].as_str().unwrap())
                .collect();
            assert!(filed.windows(2).all(|w| w[0] >= w[1]), "newest first");

            let submitted = walk(app, &portal.kvr, "&state=submitted&oldest_first=true", 50).await;
            let in_db = count(
                app,
                "SELECT COUNT(*) FROM cases_case WHERE department = 'kvr' AND state = 'submitted'",
            )
            .await;
            assert_eq!(submitted.len() as i64, in_db);
            assert!(submitted.iter().all(|c| c["state"] == "submitted"));

            // The AWM's system sees the AWM's cases only.
            let awm = walk(app, &portal.awm, "", 100).await;
            assert!(!awm.is_empty() && awm.iter().all(|c| c["department"] == "awm"));

            for bad in [
                "state=pending",
                "limit=0",
                "limit=101",
                "after=yesterday",
                "filed_from=1.1.2026",
                "overdue=perhaps",
                "colour=blue",
            ] {
                let answer = get(app, &format!("/cases?{bad}"), &portal.kvr).await;
                assert_eq!(answer.problem(400), "/api#problem-invalid", "{bad}");
            }
        }
    });
}

#[test]
fn a_case_is_read_with_its_data_answers_and_documents_and_acted_on_like_in_the_inbox() {
    run(async {
        for backend in backends() {
            let portal = api_portal(backend, async |_| {}).await;
            let app = &portal.app;
            let jonas = signed_in(app, "citizen-low").await;
            file_bulky_waste(&jonas, app).await;
            let listed = get(app, "/cases", &portal.awm).await;
            let id = listed.body["items"][0]["id"].as_str().unwrap().to_owned();
            let case = get(app, &format!("/cases/{id}"), &portal.awm).await;
            assert_eq!(case.status, StatusCode::OK, "{}", case.body);
            let body = &case.body;
            assert_eq!(body["case"]["state"], "submitted");
            assert_eq!(body["case"]["applicant"], "Jonas Neumann");
            assert_eq!(body["data"]["volume"], 2, "numbers are numbers");
            assert_eq!(body["data"]["kinds"], json!(["furniture"]));
            assert_eq!(body["data"]["address"]["postcode"], "80331");
            assert!(
                body["answers"][0]["rows"]
                    .as_array()
                    .is_some_and(|r| !r.is_empty())
            );
            assert!(
                body["actions"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("claim"))
            );

            // Another department's system does not learn the case exists.
            let foreign = get(app, &format!("/cases/{id}"), &portal.kvr).await;
            assert_eq!(foreign.problem(404), "/api#problem-not-found");
            let foreign = post(
                app,
                &format!("/cases/{id}/notes"),
                &portal.kvr,
                json!({"text": "x"}),
            )
            .await;
            foreign.problem(404);
            // A reader may not write.
            let reader = post(
                app,
                &format!("/cases/{id}/actions"),
                &portal.kvr_reader,
                json!({"action": "claim", "version": 1}),
            )
            .await;
            assert_eq!(reader.problem(403), "/api#problem-insufficient-scope");

            let actions = format!("/cases/{id}/actions");
            let claimed = post(
                app,
                &actions,
                &portal.awm,
                json!({"action": "claim", "version": 1}),
            )
            .await;
            assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.body);
            assert_eq!(claimed.body["case"]["state"], "in_progress");
            assert_eq!(claimed.body["case"]["assignee"], "Fachverfahren AWM");
            let stale = post(
                app,
                &actions,
                &portal.awm,
                json!({"action": "claim", "version": 1}),
            )
            .await;
            assert_eq!(stale.problem(409), "/api#problem-conflict");
            assert_eq!(stale.body["code"], "cases-error-changed");
            let unknown = post(
                app,
                &actions,
                &portal.awm,
                json!({"action": "delete", "version": 2}),
            )
            .await;
            unknown.problem(400);
            let textless = post(
                app,
                &actions,
                &portal.awm,
                json!({"action": "request_information", "version": 2}),
            )
            .await;
            assert_eq!(textless.problem(400), "/api#problem-invalid");
            assert_eq!(textless.body["code"], "cases-error-text-required");
            let asked = post(
                app,
                &actions,
                &portal.awm,
                json!({"action": "request_information", "version": 2, "text": "Bitte ein Foto des Sofas."}),
            )
            .await;
            assert_eq!(asked.body["case"]["state"], "waiting_for_citizen");

            // The citizen answers with a photo; the system downloads it.
            answer_with(
                &jonas,
                app,
                &format!("/vorgaenge/{id}/aktion"),
                "3",
                ("sofa.png", png(2000)),
            )
            .await;
            let answered = get(app, &format!("/cases/{id}"), &portal.awm).await;
            let document = answered.body["documents"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["kind"] == "answer")
                .expect("the answer's photo")
                .clone();
            let href = document["href"].as_str().unwrap();
            let download = crate::support::client()
                .get(app.url(href))
                .bearer_auth(&portal.awm)
                .send()
                .await
                .unwrap();
            assert_eq!(download.status(), StatusCode::OK);
            assert_eq!(download.headers()["content-type"], "image/png");
            assert_eq!(download.bytes().await.unwrap().len(), png(2000).len());
            let href_path = href.trim_start_matches("/api/v1");
            get(app, href_path, &portal.kvr).await.problem(404);
            get(app, &format!("/cases/{id}/documents/nothing"), &portal.awm)
                .await
                .problem(404);

            // Messages reach the citizen; notes stay internal.
            let message = post(
                app,
                &format!("/cases/{id}/messages"),
                &portal.awm,
                json!({"text": "Danke, wir holen am Dienstag ab."}),
            )
            .await;
            assert_eq!(message.status, StatusCode::CREATED, "{}", message.body);
            let note = post(
                app,
                &format!("/cases/{id}/notes"),
                &portal.awm,
                json!({"text": "Intern: Fahrzeug 3 einplanen."}),
            )
            .await;
            assert_eq!(note.status, StatusCode::CREATED);
            let empty = post(
                app,
                &format!("/cases/{id}/notes"),
                &portal.awm,
                json!({"text": "  "}),
            )
            .await;
            empty.problem(400);
            let (_, citizen_view) = page(&jonas, app, &format!("/vorgaenge/{id}")).await;
            assert!(citizen_view.contains("Danke, wir holen am Dienstag ab."));
            assert!(!citizen_view.contains("Fahrzeug 3"));

            // Every call of the system is in the audit trail, with the case.
            app.state.ctx.reads.flush().await;
            let audited = count(
                app,
                &format!(
                    "SELECT COUNT(*) FROM kernel_audit WHERE action = 'api' AND case_id = '{id}' \
                     AND actor LIKE 'client:%'"
                ),
            )
            .await;
            assert!(audited >= 12, "{backend:?}: {audited} calls audited");
            // Refused attempts on another department's case too.
            let attempts = count(
                app,
                &format!(
                    "SELECT COUNT(*) FROM kernel_audit WHERE action = 'api' AND case_id = '{id}' \
                     AND actor_name = 'DMS KVR' AND detail LIKE '% 404'"
                ),
            )
            .await;
            assert_eq!(attempts, 3, "{backend:?}: read, note, document");
            let verdict = kernel::audit::verify(&app.state.ctx.db).await.unwrap();
            assert!(
                matches!(verdict, kernel::audit::Verdict::Intact(_)),
                "{verdict:?}"
            );
        }
    });
}

#[test]
fn tokens_that_are_missing_forged_expired_or_for_others_are_refused() {
    run(async {
        let portal = api_portal(Backend::Sqlite, async |_| {}).await;
        let app = &portal.app;
        let missing = call(app, Method::GET, "/cases", None, None).await;
        assert_eq!(missing.problem(401), "/api#problem-unauthorized");
        assert!(
            missing.headers["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Bearer")
        );
        get(app, "/cases", "not-a-token").await.problem(401);
        let secret = portal.awm_client.secret.clone();
        for kind in [
            "expired",
            "wrong-audience",
            "wrong-issuer",
            "bad-signature",
            "tampered",
            "alg-none",
            "hs256",
            // The client's token from a person's sign-in cannot act as the back office.
            "signed-in-user",
        ] {
            let token = forged(&IDP, &portal.awm, kind, &secret).await;
            let answer = get(app, "/cases", &token).await;
            assert_eq!(answer.problem(401), "/api#problem-unauthorized", "{kind}");
        }
        // A client-credentials token as Keycloak writes it is one.
        let keycloak = forged(&IDP, &portal.awm, "keycloak-style", &secret).await;
        assert_eq!(get(app, "/cases", &keycloak).await.status, StatusCode::OK);
        // A genuine token of a client the portal was not told about.
        let stranger = get(app, "/cases", &portal.stranger).await;
        assert_eq!(stranger.problem(403), "/api#problem-forbidden");
        // Unknown paths under the interface are problems too, not pages.
        get(app, "/nothing", &portal.awm).await.problem(404);
        // The document needs no token.
        let document = call(app, Method::GET, "/openapi.json", None, None).await;
        assert_eq!(document.status, StatusCode::OK);
        assert_eq!(document.body["openapi"], "3.1.0");
    });
}

#[test]
fn each_client_keeps_to_its_own_rate_and_bodies_are_limited() {
    run(async {
        let portal = api_portal(Backend::Sqlite, async |settings| {
            settings.api.requests_per_minute = 6;
            settings.api.burst = 3;
        })
        .await;
        let app = &portal.app;
        for _ in 0..3 {
            assert_eq!(
                get(app, "/services", &portal.kvr).await.status,
                StatusCode::OK
            );
        }
        let over = get(app, "/services", &portal.kvr).await;
        assert_eq!(over.problem(429), "/api#problem-too-many-requests");
        let wait: u64 = over.headers["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=11).contains(&wait), "{wait}");
        // Another client is not held back by it.
        let huge = json!({"text": "x".repeat(100 * 1024)});
        let too_large = post(app, "/cases/any/notes", &portal.awm, huge).await;
        assert_eq!(too_large.problem(413), "/api#problem-too-large");
        let not_json = crate::support::client()
            .post(app.url("/api/v1/cases/any/notes"))
            .bearer_auth(&portal.awm)
            .body("text=hello")
            .send()
            .await
            .unwrap();
        assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(
            not_json.headers()["content-type"],
            "application/problem+json"
        );
        let broken = crate::support::client()
            .post(app.url("/api/v1/cases/any/notes"))
            .bearer_auth(&portal.awm)
            .header("content-type", "application/json")
            .body("{\"text\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
    });
}

#[test]
fn services_are_listed_with_the_schema_of_their_requests_data() {
    run(async {
        let portal = api_portal(Backend::Sqlite, async |_| {}).await;
        let app = &portal.app;
        let services = get(app, "/services", &portal.kvr).await;
        assert_eq!(services.status, StatusCode::OK);
        let list = services.body.as_array().unwrap();
        let parking = list
            .iter()
            .find(|s| s["id"] == "bewohnerparkausweis")
            .unwrap();
        assert_eq!(parking["leika"], "urn:de:fim:leika:leistung:99108001000000");
        assert_eq!(parking["version"], 1);
        assert_eq!(parking["online"], true);
        let schema = crate::support::client()
            .get(app.url(parking["schema_href"].as_str().unwrap()))
            .bearer_auth(&portal.kvr)
            .send()
            .await
            .unwrap();
        assert_eq!(schema.headers()["content-type"], "application/schema+json");
        let schema: Value = schema.json().await.unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["type"], "object");
        get(app, "/services/nothing/schema", &portal.kvr)
            .await
            .problem(404);
        // The reader was given cases:read only.
        let reader = get(app, "/services", &portal.kvr_reader).await;
        assert_eq!(reader.problem(403), "/api#problem-insufficient-scope");
    });
}

/// The OpenAPI document kept in the repository (`api/openapi.json`), which clients
/// and the interface fuzzing read.
const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json");

#[test]
fn no_two_modules_name_a_schema_alike() {
    // Merging the documents keeps one of two schemas of the same name: the other
    // module's answers would then be described wrongly. (The kernel's, such as
    // `Problem`, are the same wherever they appear.)
    let mut seen = std::collections::HashMap::new();
    for (module, parts) in app::registry::Modules::enabled().parts() {
        for document in &parts.api_documents {
            for (name, schema) in document.components.iter().flat_map(|c| &c.schemas) {
                let written = serde_json::to_string(schema).unwrap();
                if let Some((first, before)) = seen.insert(name.clone(), (*module, written.clone()))
                {
                    assert_eq!(
                        before, written,
                        "schema `{name}` in `{first}` and `{module}`"
                    );
                }
            }
        }
    }
    assert!(seen.contains_key("AppointmentService") && seen.contains_key("Service"));
}

#[test]
fn the_committed_openapi_document_is_the_one_the_code_generates() {
    let generated = app::api::document::document(&app::registry::Modules::enabled())
        .to_pretty_json()
        .unwrap()
        + "\n";
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(COMMITTED, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == generated,
        "api/openapi.json is stale: run `UPDATE_OPENAPI=1 scripts/test` or \
         `UPDATE_OPENAPI=1 cargo test -p app --features ssr --test http -- openapi`"
    );
    let document: Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["servers"][0]["url"], "/api/v1");
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            // Public operations (free appointment times) say so: `security: [{}]`.
            let public = operation["security"] == serde_json::json!([{}]);
            let statuses: &[&str] = if public {
                &["429"]
            } else {
                &["401", "403", "429"]
            };
            for status in statuses {
                assert!(
                    responses.contains_key(*status),
                    "{method} {path} lacks {status}"
                );
            }
            assert!(
                operation["security"].is_array(),
                "{method} {path} names no scope"
            );
            // The staff's day lists under the same prefix name who comes.
            let free_times = path.starts_with("/appointments/") && !path.ends_with("/appointments");
            // The rent index's estimate reads public figures and stores nothing.
            let rent_index = path == "/rent-index/estimate";
            assert_eq!(
                public,
                free_times || rent_index,
                "{method} {path}: only the free appointment times and the rent estimate are public"
            );
        }
    }
}

#[test]
fn the_interface_page_explains_every_operation_and_problem_in_both_languages() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (status, german) = page(&crate::support::browser(), &app, "/api").await;
        assert_eq!(status, StatusCode::OK);
        assert!(german.contains("Schnittstelle für Fachverfahren"));
        assert!(german.contains("/api/v1/cases/{id}/actions"));
        // The way to start: a client generated from the document.
        assert!(german.contains("Mit einem erzeugten Client beginnen"));
        assert!(german.contains("openapi-python-client generate --url"));
        assert!(german.contains(r#"id="problem-conflict""#));
        assert!(german.contains(r#"id="problem-insufficient-scope""#));
        // The document's English texts are marked as such on the German page.
        assert!(german.contains(r#"lang="en" class="kern-body">List cases."#));
        assert!(crate::support::untranslated_keys(&german).is_empty());
        let (_, _, english) = app.get_with("/api", &[("accept-language", "en")]).await;
        assert!(english.contains("Interface for back-office systems"));
        assert!(
            !english.contains(r#"lang="en">List cases."#),
            "English needs no mark"
        );
    });
}
