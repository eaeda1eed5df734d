//! "My requests" stays one short page however many requests a person has filed: the
//! newest twenty, and pages of older ones.

use reqwest::StatusCode;
use sea_orm::ConnectionTrait;

use crate::{
    filing::file_bulky_waste,
    support::{Backend, page, run, signed_in, spawn_app},
};

#[test]
fn filed_requests_come_twenty_to_a_page_newest_first() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let erika = signed_in(&app, "citizen").await;
        let filed = file_bulky_waste(&erika, &app).await;
        // Twenty-four more over the years before it, as the portal stores them.
        let db = &app.state.ctx.db;
        for n in 1..=24 {
            db.execute(kernel::sql::statement(
                db,
                "INSERT INTO forms_submission (id, reference, draft_id, owner, service_id, version_id, answers, submitted_at) \
                 SELECT $1, $2, $1, owner, service_id, version_id, answers, submitted_at - $3 \
                 FROM forms_submission WHERE id = $4",
                vec![
                    format!("older-{n:02}").into(),
                    format!("AWM-OLD-{n:02}").into(),
                    (i64::from(n) * 86_400).into(),
                    filed.clone().into(),
                ],
            ))
            .await
            .expect("an older request");
        }

        let (status, first) = page(&erika, &app, "/antraege").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(first.matches("Eingangsbestätigung ansehen").count(), 20);
        assert!(first.contains(&filed), "the newest is on the first page");
        assert!(first.contains("AWM-OLD-19") && !first.contains("AWM-OLD-20"));
        assert!(first.contains(r#"href="/antraege?seite=2""#), "{first}");
        assert!(!first.contains("Neuere Anträge"));

        let (_, second) = page(&erika, &app, "/antraege?seite=2").await;
        assert_eq!(second.matches("Eingangsbestätigung ansehen").count(), 5);
        assert!(second.contains("AWM-OLD-20") && second.contains("AWM-OLD-24"));
        assert!(
            second.contains(r#"href="/antraege""#) && second.contains("Neuere Anträge"),
            "{second}"
        );
        assert!(!second.contains("Ältere Anträge"));

        // Anything but a page number is the first page.
        for odd in ["abc", "0", "-1", "99999999999999999999"] {
            let (status, html) = page(&erika, &app, &format!("/antraege?seite={odd}")).await;
            assert_eq!(status, StatusCode::OK, "{odd}");
            assert_eq!(
                html.matches("Eingangsbestätigung ansehen").count(),
                20,
                "{odd}"
            );
        }
    });
}
