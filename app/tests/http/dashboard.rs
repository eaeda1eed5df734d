//! The department dashboard: counts and processing times of one's own departments
//! only; department administrators take a service of their department offline (no new
//! requests, the service page says why) and back. SQLite and PostgreSQL.

use cases::{
    Action,
    act::{act, case_for_submission},
    loader::Processes,
};
use reqwest::StatusCode;

use crate::{
    cases::command,
    filing::file_bulky_waste,
    support::{Backend, backends, page, run, signed_in, spawn_app},
};

const DAY: i64 = 86_400;

pub async fn audit_count(db: &sea_orm::DatabaseConnection, action: &str) -> i64 {
    use sea_orm::ConnectionTrait;
    let sql = "SELECT COUNT(*) FROM kernel_audit WHERE action = $1";
    let row = db
        .query_one(kernel::sql::statement(db, sql, vec![action.into()]))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[test]
fn the_dashboard_shows_own_figures_and_admins_switch_services() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let db = &app.state.ctx.db;
            let jonas = signed_in(&app, "citizen-low").await;
            let lena = app::personas::identity("caseworker-awm").unwrap();
            let processes = Processes::default();
            // Three pick-ups: decided after 2 and 10 days, one still open.
            let mut filed_at = 0;
            for decided_after in [Some(2), Some(10), None] {
                let submission = file_bulky_waste(&jonas, &app).await;
                let id = case_for_submission(db, &submission).await.unwrap().unwrap();
                let case = cases::act::find(db, &id).await.unwrap().unwrap();
                filed_at = case.submitted_at;
                if let Some(days) = decided_after {
                    let at = case.submitted_at + days * DAY;
                    act(
                        db,
                        &processes,
                        &id,
                        &lena,
                        &command(Action::Claim, 1, "erledigt"),
                        at,
                    )
                    .await
                    .unwrap();
                    act(
                        db,
                        &processes,
                        &id,
                        &lena,
                        &command(Action::Approve, 2, "erledigt"),
                        at,
                    )
                    .await
                    .unwrap();
                }
            }
            let date = |at: i64| kernel::time::local(at).format("%Y-%m-%d").to_string();
            let (from, until) = (date(filed_at), date(filed_at + 30 * DAY));
            let path = format!("/dienststelle?von={from}&bis={until}");

            let lena_browser = signed_in(&app, "caseworker-awm").await;
            let (status, text) = page(&lena_browser, &app, &path).await;
            assert_eq!(status, StatusCode::OK, "{backend:?}");
            assert!(text.contains("Sperrmüll abholen lassen"), "{text}");
            // Median 2 days, 90th percentile 10 days, over the two decisions.
            assert!(text.contains(">2.0<") && text.contains(">10.0<"), "{text}");
            assert!(
                text.contains("Entschieden: 2") && text.contains("Eingegangen: 1"),
                "{text}"
            );
            // Caseworkers see the switch's state but get no switch.
            assert!(!text.contains("abschalten"), "{text}");

            // Another department's caseworker sees none of it.
            let max = signed_in(&app, "caseworker").await;
            let (status, text) = page(&max, &app, &path).await;
            assert_eq!(status, StatusCode::OK);
            assert!(!text.contains("Sperrmüll abholen lassen"), "{text}");
            // Citizens do not get the page.
            assert_ne!(page(&jonas, &app, "/dienststelle").await.0, StatusCode::OK);

            // The KVR's administrator takes the parking permit offline.
            let dana = signed_in(&app, "department-admin").await;
            let (_, text) = page(&dana, &app, "/dienststelle").await;
            assert!(
                text.contains("Bewohnerparkausweis beantragen abschalten"),
                "{text}"
            );
            let switch = |client: &reqwest::Client, service: &str, online: &str| {
                let request = client
                    .post(app.url(&format!("/dienststelle/leistungen/{service}")))
                    .form(&[("online", online)]);
                async move { request.send().await.unwrap().status() }
            };
            assert_eq!(
                switch(&dana, "bewohnerparkausweis", "0").await,
                StatusCode::SEE_OTHER
            );
            // Not a service of hers, not an administrator: refused.
            assert_eq!(
                switch(&dana, "sperrmuell", "0").await,
                StatusCode::NOT_FOUND
            );
            assert_eq!(
                switch(&lena_browser, "sperrmuell", "0").await,
                StatusCode::FORBIDDEN
            );

            let erika = signed_in(&app, "citizen").await;
            let (_, text) = page(&erika, &app, "/leistungen/bewohnerparkausweis").await;
            assert!(
                text.contains("vorübergehend nicht online möglich"),
                "{text}"
            );
            let start = erika
                .post(app.url("/leistungen/bewohnerparkausweis/antrag"))
                .send()
                .await
                .unwrap();
            assert_eq!(
                start.headers()["location"],
                "/leistungen/bewohnerparkausweis"
            );
            // Other services go on.
            let (_, text) = page(&erika, &app, "/leistungen/sperrmuell-abholung").await;
            assert!(!text.contains("vorübergehend nicht online möglich"));

            assert_eq!(
                switch(&dana, "bewohnerparkausweis", "1").await,
                StatusCode::SEE_OTHER
            );
            let start = erika
                .post(app.url("/leistungen/bewohnerparkausweis/antrag"))
                .send()
                .await
                .unwrap();
            let location = start.headers()["location"].to_str().unwrap().to_owned();
            assert!(location.starts_with("/antraege/"), "{location}");
            let switched =
                audit_count(db, "service_offline").await + audit_count(db, "service_online").await;
            assert_eq!(
                switched, 2,
                "both switches are in the audit trail, the refused ones not"
            );
        }
    });
}

#[test]
fn a_department_admin_downloads_a_service_as_the_file_the_portal_loads() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let dana = signed_in(&app, "department-admin").await;
        let file = "/dienststelle/leistungen/bewohnerparkausweis/definition.toml";
        let (_, dashboard) = page(&dana, &app, "/dienststelle").await;
        assert!(
            dashboard.contains(&format!(r#"href="{file}""#)),
            "{dashboard}"
        );
        let response = dana.get(app.url(file)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/toml")
        );
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains(r#"filename="bewohnerparkausweis.toml""#)
        );
        let text = response.text().await.unwrap();
        // The portal reads the file back as the service it loaded, and the checker
        // finds nothing wrong with it.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../services/bewohnerparkausweis.toml");
        let original = std::fs::read_to_string(&path).unwrap();
        let original = forms::loader::parse(&path, &original).unwrap();
        let exported = forms::loader::parse(std::path::Path::new("exported.toml"), &text)
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(exported.definition, original.definition);
        let findings = forms::check::check(&exported.definition);
        assert!(findings.iter().all(|f| f.warning), "{findings:?}");
        // Another department's service, another person: not theirs.
        let other = dana
            .get(app.url("/dienststelle/leistungen/sperrmuell/definition.toml"))
            .send()
            .await
            .unwrap();
        assert_eq!(other.status(), StatusCode::NOT_FOUND);
        let lena = signed_in(&app, "caseworker-awm").await;
        let (status, _) = page(&lena, &app, file).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    });
}
