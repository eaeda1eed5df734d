//! Open311 GeoReport v2: a plain HTTP client lists the defect-report service, reads its
//! attributes and files a report with the specification's form parameters; the report
//! is an ordinary case of the department, and its status follows the case. JSON and
//! XML, as the address asks.

use kernel::api::Scope;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    api_support::{Backoffice, get, post},
    idp::IDP,
    support::{Backend, TestApp, backends, client, run, spawn_with, test_settings},
};

pub(crate) async fn fetch(app: &TestApp, path: &str) -> (StatusCode, String, String) {
    let response = client().get(app.url(path)).send().await.unwrap();
    let status = response.status();
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    (status, kind, response.text().await.unwrap())
}

pub(crate) async fn report(app: &TestApp, fields: &[(&str, &str)]) -> (StatusCode, Value) {
    let response = client()
        .post(app.url("/open311/v2/requests.json"))
        .form(fields)
        .send()
        .await
        .unwrap();
    (
        response.status(),
        response.json().await.unwrap_or(Value::Null),
    )
}

/// A report as an Open311 app sends it.
pub(crate) const POTHOLE: &[(&str, &str)] = &[
    ("service_code", "maengelmelder"),
    ("lat", "48.137154"),
    ("long", "11.576124"),
    ("address_string", "Marienplatz 1, 80331 München"),
    (
        "description",
        "Tiefes Schlagloch vor dem Rathaus, Radfahrer stürzen fast.",
    ),
    ("first_name", "Alex"),
    ("last_name", "Berger"),
    ("email", "alex@example.org"),
    ("media_url", "https://photos.example.org/pothole.jpg"),
    ("attribute[category]", "pothole"),
    ("attribute[danger]", "no"),
    ("attribute[wants_feedback]", "no"),
];

#[test]
fn the_service_list_and_definition_have_the_specifications_shape() {
    run(async {
        let (settings, dir) = test_settings(Backend::Sqlite).await;
        let app = spawn_with(settings, dir).await;
        let (status, kind, body) = fetch(&app, "/open311/v2/services.json").await;
        assert_eq!(
            (status, kind.as_str()),
            (StatusCode::OK, "application/json; charset=utf-8")
        );
        let services: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            services.as_array().unwrap().len(),
            1,
            "only services with an [open311] table"
        );
        let service = &services[0];
        for key in [
            "service_code",
            "service_name",
            "description",
            "metadata",
            "type",
            "keywords",
            "group",
        ] {
            assert!(service.get(key).is_some(), "{key} missing: {service}");
        }
        assert_eq!(service["service_code"], "maengelmelder");
        assert_eq!(
            (service["metadata"].as_bool(), service["type"].as_str()),
            (Some(true), Some("realtime"))
        );

        let (_, kind, xml) = fetch(&app, "/open311/v2/services.xml").await;
        assert_eq!(kind, "text/xml; charset=utf-8");
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>"),
            "{xml}"
        );
        assert!(xml.contains("<service_code>maengelmelder</service_code>"));

        let (_, _, body) = fetch(&app, "/open311/v2/services/maengelmelder.json").await;
        let definition: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(definition["service_code"], "maengelmelder");
        let codes: Vec<&str> = definition["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["code"].as_str().unwrap())
            .collect();
        // Description, address and e-mail are standard parameters; photos come as a link.
        assert_eq!(codes, ["category", "danger", "postcode", "wants_feedback"]);
        let category = &definition["attributes"][0];
        assert_eq!(category["datatype"], "singlevaluelist");
        assert_eq!(category["required"], true);
        assert_eq!(category["values"][0]["key"], "pothole");
        let (_, _, xml) = fetch(&app, "/open311/v2/services/maengelmelder.xml").await;
        assert!(
            xml.contains("<attributes><attribute>") && xml.contains("<values><value>"),
            "{xml}"
        );

        for (path, status) in [
            (
                "/open311/v2/services/sperrmuell.json",
                StatusCode::NOT_FOUND,
            ),
            (
                "/open311/v2/services/maengelmelder.html",
                StatusCode::NOT_FOUND,
            ),
            ("/open311/v2/nothing.json", StatusCode::NOT_FOUND),
        ] {
            let (got, _, body) = fetch(&app, path).await;
            assert_eq!(got, status, "{path}");
            let errors: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(errors[0]["code"], status.as_u16(), "{body}");
        }
    });
}

#[test]
fn a_report_filed_by_a_plain_client_becomes_a_case_and_its_status_follows_it() {
    run(async {
        for backend in backends() {
            let building = Backoffice::register(&IDP, "Straßenunterhalt").await;
            let (mut settings, dir) = test_settings(backend).await;
            settings.api.issuer_url = IDP.issuer.clone();
            settings.api.audience = crate::api_support::AUDIENCE.into();
            settings.api.clients = vec![building.configured(
                "Straßenunterhalt",
                &["baureferat"],
                &[Scope::CasesRead, Scope::CasesWrite],
            )];
            let app = spawn_with(settings, dir).await;
            let token = building.token(&IDP).await;

            let (status, filed) = report(&app, POTHOLE).await;
            assert_eq!(status, StatusCode::CREATED, "{backend:?}: {filed}");
            let reference = filed[0]["service_request_id"].as_str().unwrap().to_owned();
            assert!(reference.starts_with("M-"));

            // An ordinary case of the department, with the answers the form would have.
            let cases = get(&app, "/cases", &token).await;
            let case = &cases.body["items"][0];
            assert_eq!(case["reference"], reference.as_str());
            assert_eq!(case["applicant"], "Alex Berger");
            assert_eq!(case["state"], "submitted");
            let id = case["id"].as_str().unwrap().to_owned();
            let detail = get(&app, &format!("/cases/{id}"), &token).await;
            assert_eq!(detail.body["data"]["category"], "pothole");
            assert_eq!(
                detail.body["data"]["street"],
                "Marienplatz 1, 80331 München"
            );
            assert!(
                detail.body["data"]["details"]
                    .as_str()
                    .unwrap()
                    .contains("Schlagloch")
            );

            let (_, _, body) = fetch(&app, &format!("/open311/v2/requests/{reference}.json")).await;
            let shown: Value = serde_json::from_str(&body).unwrap();
            let request = &shown[0];
            assert_eq!(request["service_request_id"], reference.as_str());
            assert_eq!(request["status"], "open");
            assert_eq!(request["service_code"], "maengelmelder");
            assert_eq!(request["lat"], 48.137154);
            assert_eq!(
                request["media_url"],
                "https://photos.example.org/pothole.jpg"
            );
            assert!(
                request["requested_datetime"]
                    .as_str()
                    .unwrap()
                    .ends_with('Z')
            );
            assert!(
                request.get("email").is_none(),
                "the reporter's address is not published"
            );

            // The department fixes it and closes the case: the report is closed.
            for (action, version, text) in [
                ("claim", 1, ""),
                ("approve", 2, "Behoben."),
                ("close", 3, ""),
            ] {
                let done = post(
                    &app,
                    &format!("/cases/{id}/actions"),
                    &token,
                    json!({"action": action, "version": version, "text": text}),
                )
                .await;
                assert_eq!(done.status, StatusCode::OK, "{action}: {}", done.body);
            }
            let (_, _, xml) = fetch(&app, &format!("/open311/v2/requests/{reference}.xml")).await;
            assert!(xml.contains("<service_requests><request>"), "{xml}");
            assert!(xml.contains("<status>closed</status>"), "{xml}");
            let (_, _, body) = fetch(
                &app,
                "/open311/v2/requests.json?status=closed&service_code=maengelmelder",
            )
            .await;
            let closed: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(closed.as_array().unwrap().len(), 1, "{body}");
            let (_, _, body) = fetch(&app, "/open311/v2/requests.json?status=open").await;
            assert_eq!(body, "[]");

            // When retention deletes the request, the report is gone from Open311 too.
            let db = &app.state.ctx.db;
            let submission = cases::act::find(db, &id)
                .await
                .unwrap()
                .unwrap()
                .submission_id;
            let txn = kernel::write_transaction::begin_write(db).await.unwrap();
            let filed = app
                .state
                .ctx
                .get::<dyn kernel::intake::FiledAnswers>()
                .unwrap();
            filed.forget(&txn, &submission).await.unwrap();
            txn.commit().await.unwrap();
            let (status, _, _) =
                fetch(&app, &format!("/open311/v2/requests/{reference}.json")).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
        }
    });
}

/// What is wrong, the report, the status and a word the error names.
type Refused<'a> = (&'a str, Vec<(&'a str, &'a str)>, StatusCode, &'a str);

#[test]
fn bad_reports_are_refused_with_open311_errors_and_leave_nothing() {
    run(async {
        let (settings, dir) = test_settings(Backend::Sqlite).await;
        let app = spawn_with(settings, dir).await;
        let without = |name: &str| -> Vec<(&str, &str)> {
            POTHOLE
                .iter()
                .copied()
                .filter(|(k, _)| *k != name)
                .collect()
        };
        let mut unknown_category = without("attribute[category]");
        unknown_category.push(("attribute[category]", "volcano"));
        let mut short = without("description");
        short.push(("description", "kaputt"));
        let mut far = without("lat");
        far.push(("lat", "123"));
        let cases: [Refused; 6] = [
            (
                "no service",
                without("service_code"),
                StatusCode::BAD_REQUEST,
                "service_code",
            ),
            (
                "unknown service",
                vec![("service_code", "sperrmuell"), ("lat", "1"), ("long", "1")],
                StatusCode::NOT_FOUND,
                "sperrmuell",
            ),
            (
                "no place",
                without("address_string")
                    .into_iter()
                    .filter(|(k, _)| !matches!(*k, "lat" | "long"))
                    .collect(),
                StatusCode::BAD_REQUEST,
                "location",
            ),
            (
                "bad choice",
                unknown_category,
                StatusCode::BAD_REQUEST,
                "category",
            ),
            ("too short", short, StatusCode::BAD_REQUEST, "details"),
            ("off the globe", far, StatusCode::BAD_REQUEST, "lat"),
        ];
        for (what, fields, status, named) in cases {
            let (got, errors) = report(&app, &fields).await;
            assert_eq!(got, status, "{what}: {errors}");
            let description = errors[0]["description"].as_str().unwrap_or_default();
            assert!(description.contains(named), "{what}: {errors}");
        }
        let db = &app.state.ctx.db;
        use sea_orm::{ConnectionTrait, Statement};
        let row = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "SELECT COUNT(*) FROM forms_submission",
            ))
            .await
            .unwrap()
            .unwrap();
        let filed: i64 = row.try_get_by_index(0).unwrap();
        assert_eq!(filed, 0, "nothing was filed");
    });
}

#[test]
fn an_ipv6_client_cannot_pass_the_limit_by_rotating_through_its_64() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.open311.anonymous_per_minute = 2;
        settings.open311.anonymous_burst = 2;
        settings.rate_limit.client_address = app::server::settings::ClientAddress::Forwarded;
        let app = spawn_with(settings, dir).await;
        let from = async |address: &str| {
            client()
                .post(app.url("/open311/v2/requests.json"))
                .header("x-forwarded-for", address)
                .form(POTHOLE)
                .send()
                .await
                .unwrap()
                .status()
        };
        // Three addresses of one /64: the third report is over the limit.
        assert_eq!(from("2001:db8:5:6::1").await, StatusCode::CREATED);
        assert_eq!(from("2001:db8:5:6:aaaa::2").await, StatusCode::CREATED);
        assert_eq!(
            from("2001:db8:5:6:ffff:1:2:3").await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // Another /64 is another client.
        assert_eq!(from("2001:db8:5:7::1").await, StatusCode::CREATED);
    });
}

#[test]
fn reports_without_a_key_are_limited_per_client_address() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.open311.anonymous_per_minute = 2;
        settings.open311.anonymous_burst = 2;
        let app = spawn_with(settings, dir).await;
        for _ in 0..2 {
            assert_eq!(report(&app, POTHOLE).await.0, StatusCode::CREATED);
        }
        let (status, errors) = report(&app, POTHOLE).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(errors[0]["code"], 429);
        // Reading is not limited.
        assert_eq!(
            fetch(&app, "/open311/v2/requests.json").await.0,
            StatusCode::OK
        );
    });
}

/// The key of the city's defect app in [`keyed_app`].
const APP_KEY: &str = "c2l0eS1hcHAta2V5LW9mLXRoZS10ZXN0cw";

/// A portal that knows one reporting app, with a strict anonymous rate.
async fn keyed_app(anonymous_per_minute: u32) -> TestApp {
    let (mut settings, dir) = test_settings(Backend::Sqlite).await;
    settings.open311.anonymous_per_minute = anonymous_per_minute;
    settings.open311.anonymous_burst = 1;
    settings.open311.keyed_per_minute = 5;
    settings.open311.api_keys = vec![app::server::settings::Open311Key {
        client: "Münchens Mängel-App".into(),
        key: app::server::settings::Secret(APP_KEY.into()),
    }];
    spawn_with(settings, dir).await
}

fn with_key(key: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut fields = POTHOLE.to_vec();
    fields.push(("api_key", key));
    fields
}

#[test]
fn an_app_with_its_api_key_reports_at_its_own_rate_beyond_the_anonymous_one() {
    run(async {
        let app = keyed_app(1).await;
        // Anonymous: one report, then refused.
        assert_eq!(report(&app, POTHOLE).await.0, StatusCode::CREATED);
        assert_eq!(report(&app, POTHOLE).await.0, StatusCode::TOO_MANY_REQUESTS);
        // The app from the same address: its key's rate.
        for _ in 0..5 {
            let (status, answer) = report(&app, &with_key(APP_KEY)).await;
            assert_eq!(status, StatusCode::CREATED, "{answer}");
            assert!(answer[0]["service_request_id"].is_string(), "{answer}");
        }
        let (status, errors) = report(&app, &with_key(APP_KEY)).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(errors[0]["code"], 429);
        // The key also counts in the query string, as some apps send it.
        let status = client()
            .post(app.url(&format!("/open311/v2/requests.json?api_key={APP_KEY}")))
            .form(POTHOLE)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    });
}

#[test]
fn an_unknown_api_key_is_refused_and_files_nothing() {
    run(async {
        let app = keyed_app(1).await;
        let (status, errors) = report(&app, &with_key("guessed-key-guessed-key-guessed")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(errors[0]["code"], 403);
        assert_eq!(errors[0]["description"], "api_key is not valid");
        // In XML when the address asks for it.
        let response = client()
            .post(app.url("/open311/v2/requests.xml"))
            .form(&with_key("x"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body = response.text().await.unwrap();
        assert!(body.contains("<code>403</code>"), "{body}");
        let listed: Value =
            serde_json::from_str(&fetch(&app, "/open311/v2/requests.json").await.2).unwrap();
        assert_eq!(listed, json!([]), "nothing was filed");
    });
}

#[test]
fn a_city_can_take_reports_only_from_apps_with_a_key() {
    run(async {
        let app = keyed_app(0).await;
        let (status, errors) = report(&app, POTHOLE).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            errors[0]["description"],
            "reports need an api_key of this city"
        );
        assert_eq!(
            report(&app, &with_key(APP_KEY)).await.0,
            StatusCode::CREATED
        );
    });
}
