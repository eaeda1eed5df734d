//! Exports of the inbox: the filtered cases of the caseworker's own departments as CSV
//! and JSON lines, never another department's, each export in the audit trail. Runs on
//! SQLite and PostgreSQL.

use sea_orm::{ConnectionTrait, Statement};

use crate::support::{TestApp, backends, run, signed_in, spawn_with, test_settings};

async fn text(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

#[test]
fn a_caseworker_exports_the_filtered_cases_of_their_departments_only() {
    run(async {
        for backend in backends() {
            let (settings, dir) = test_settings(backend).await;
            // 6,000 made-up cases: the stream reads a thousand per department at a time.
            app::server::seed::seed(&settings, app::server::seed::Scale::cases(6000), 3)
                .await
                .unwrap();
            let app = spawn_with(settings, dir).await;
            let db = &app.state.ctx.db;
            let count = |sql: &'static str| async move {
                let row = db
                    .query_one(Statement::from_string(
                        db.get_database_backend(),
                        sql.to_owned(),
                    ))
                    .await
                    .unwrap()
                    .unwrap();
                row.try_get_by_index::<i64>(0).unwrap()
            };
            let mine =
                count("SELECT COUNT(*) FROM cases_case WHERE department IN ('awm', 'kvr')").await;
            assert!(mine > 2000, "more than two batches: {mine}");
            let in_progress = count(
                "SELECT COUNT(*) FROM cases_case WHERE department IN ('awm', 'kvr') AND state = 'in_progress'",
            )
            .await;

            let lena = signed_in(&app, "caseworker-awm").await;
            let csv = text(&lena, &app, "/bearbeitung/export.csv").await;
            let mut lines = csv.lines();
            assert_eq!(
                lines.next(),
                Some(
                    "\u{feff}reference,service,department,applicant,state,assignee,filed,due,overdue"
                )
            );
            let rows: Vec<&str> = lines.collect();
            assert_eq!(rows.len() as i64, mine, "{backend:?}");
            assert!(
                rows.iter()
                    .all(|r| r.contains(",awm,") || r.contains(",kvr,"))
            );

            let jsonl = text(&lena, &app, "/bearbeitung/export.jsonl?zustand=in_progress").await;
            let parsed: Vec<serde_json::Value> = jsonl
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(parsed.len() as i64, in_progress);
            assert!(parsed.iter().all(|r| r["state"] == "in_progress"));
            assert!(parsed.iter().all(|r| r.get("answers").is_none()));

            // Max (KVR, social services) gets no waste-department case.
            let max = signed_in(&app, "caseworker").await;
            let theirs = text(&max, &app, "/bearbeitung/export.jsonl").await;
            assert!(!theirs.contains("\"department\":\"awm\""));

            let exports = count("SELECT COUNT(*) FROM kernel_audit WHERE action = 'export'").await;
            assert_eq!(exports, 3);
        }
    });
}
