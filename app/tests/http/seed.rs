//! `portal seed`: made-up requests and cases in every state, with the audit trail a
//! working office would have, the same for the same seed, that the portal then serves
//! like any others. Runs on SQLite and PostgreSQL.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::support::{backends, page, run, signed_in, spawn_with, test_settings, within_moments};

/// A small city: enough for every state, a catalogue of 300 services, and a few
/// requests of the demo citizens.
const SCALE: app::server::seed::Scale = app::server::seed::Scale {
    cases: 1200,
    citizens: 240,
    services: 300,
};

/// Rows of `sql` as (text, count).
async fn counted(db: &DatabaseConnection, sql: &str) -> Vec<(String, i64)> {
    let rows = db
        .query_all(Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap();
    rows.into_iter()
        .map(|row| {
            (
                row.try_get_by_index(0).unwrap(),
                row.try_get_by_index(1).unwrap(),
            )
        })
        .collect()
}

#[test]
fn seeding_fills_every_state_repeatably_and_the_inbox_serves_it() {
    run(async {
        let case_links = regex::Regex::new(r#"href="(/bearbeitung/faelle/[0-9a-f-]+)""#).unwrap();
        for backend in backends() {
            let mut seen = Vec::new();
            for _ in 0..2 {
                let (settings, dir) = test_settings(backend).await;
                app::server::seed::seed(&settings, SCALE, 7).await.unwrap();
                let app = spawn_with(settings, dir).await;
                let db = &app.state.ctx.db;
                let states = counted(
                    db,
                    "SELECT state, COUNT(*) FROM cases_case GROUP BY state ORDER BY state",
                )
                .await;
                let names: Vec<&str> = states.iter().map(|(s, _)| s.as_str()).collect();
                // Four eyes and consultation only where a process has them, yet present.
                assert_eq!(
                    names,
                    [
                        "awaiting_confirmation",
                        "closed",
                        "consulting",
                        "decided",
                        "in_progress",
                        "submitted",
                        "waiting_for_citizen",
                        "withdrawn"
                    ],
                    "{backend:?}"
                );
                assert_eq!(states.iter().map(|(_, n)| n).sum::<i64>(), 1200);
                let events = counted(
                    db,
                    "SELECT kind, COUNT(*) FROM cases_event GROUP BY kind ORDER BY kind",
                )
                .await;
                let kinds: Vec<&str> = events.iter().map(|(k, _)| k.as_str()).collect();
                for kind in [
                    "filed",
                    "claim",
                    "message",
                    "note",
                    "request_information",
                    "answer",
                    "approve",
                    "reject",
                    "close",
                    "withdraw",
                ] {
                    assert!(kinds.contains(&kind), "{kind} missing: {kinds:?}");
                }
                // Every event has its audit entry, in one unbroken chain, and what a
                // citizen did names "the applicant".
                let total: i64 = events.iter().map(|(_, n)| n).sum();
                assert_eq!(
                    kernel::audit::verify(db).await.unwrap(),
                    kernel::audit::Verdict::Intact(total),
                    "{backend:?}"
                );
                let filed_by = counted(
                    db,
                    "SELECT actor, COUNT(*) FROM kernel_audit WHERE action = 'filed' GROUP BY actor",
                )
                .await;
                assert_eq!(filed_by, [("applicant".to_owned(), 1200)]);
                let submissions =
                    counted(db, "SELECT service_id, COUNT(*) FROM forms_submission GROUP BY service_id ORDER BY service_id").await;
                assert_eq!(submissions.iter().map(|(_, n)| n).sum::<i64>(), 1200);
                let sample = counted(
                    db,
                    "SELECT reference || ' ' || state || ' ' || applicant, CAST(version AS BIGINT) FROM cases_case ORDER BY reference LIMIT 5",
                )
                .await;
                seen.push(sample);

                // The bulky-waste department's inbox lists seeded cases with answers.
                let lena = signed_in(&app, "caseworker-awm").await;
                let (_, inbox) = page(&lena, &app, "/bearbeitung?leistung=sperrmuell").await;
                let case_link = case_links
                    .captures(&inbox)
                    .expect("a seeded case in the inbox")[1]
                    .to_owned();
                assert!(inbox.contains("S7-"));
                let (status, case_page) = page(&lena, &app, &case_link).await;
                assert_eq!(status, reqwest::StatusCode::OK);
                assert!(case_page.contains("München") && case_page.contains("Antrag eingegangen"));

                // The catalogue holds 300 services: six online ones and the
                // information entries, demo and made up, in German and English.
                let catalogue = counted(
                    db,
                    "SELECT locale, COUNT(*) FROM info_service WHERE published GROUP BY locale ORDER BY locale",
                )
                .await;
                assert_eq!(
                    catalogue,
                    [
                        ("de".to_owned(), 294),
                        ("en".to_owned(), 294 - demo_only_german(db).await)
                    ]
                );
                let (status, list) = page(&reqwest::Client::new(), &app, "/info").await;
                assert_eq!(status, reqwest::StatusCode::OK);
                assert!(list.contains("Hundesteuer beantragen (Privatpersonen)"));
                // The service search finds a made-up service once its indexer has read it.
                let found = within_moments(
                    async || {
                        page(&reqwest::Client::new(), &app, "/suche?q=Fischereischein")
                            .await
                            .1
                    },
                    |html| html.contains("Fischereischein verlängern"),
                )
                .await;
                assert!(
                    found.contains("Fischereischein verlängern"),
                    "search finds seeded services"
                );

                // Erika, a demo citizen, has a share of the requests in "my requests".
                let erika = signed_in(&app, "citizen").await;
                let (_, mine) = page(&erika, &app, "/antraege").await;
                let listed = mine.matches("S7-").count();
                assert!(listed >= 5, "Erika sees her seeded requests ({listed})");
            }
            assert_eq!(seen[0], seen[1], "the same seed gives the same data");
        }
    });
}

/// Demo entries of the catalogue that have no English text.
async fn demo_only_german(db: &DatabaseConnection) -> i64 {
    counted(
        db,
        "SELECT 'de', COUNT(*) FROM info_service d WHERE locale = 'de' AND published \
         AND NOT EXISTS (SELECT 1 FROM info_service e WHERE e.id = d.id AND e.locale = 'en')",
    )
    .await[0]
        .1
}
