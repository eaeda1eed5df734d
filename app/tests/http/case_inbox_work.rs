//! Working through the inbox: handing cases to a named colleague, bulk actions with a
//! result per case, and another department giving its opinion from its own inbox.
//! Runs on SQLite and PostgreSQL.

use reqwest::Client;

use crate::{
    filing::{file_bulky_waste, post},
    support::{TestApp, backends, page, run, signed_in, spawn_app},
};

/// The case opened for each of `count` bulky-waste pick-ups `citizen` files.
async fn file_cases(app: &TestApp, citizen: &Client, count: usize) -> Vec<cases::Case> {
    let mut filed = Vec::new();
    for _ in 0..count {
        let submission = file_bulky_waste(citizen, app).await;
        let db = &app.state.ctx.db;
        let id = cases::act::case_for_submission(db, &submission)
            .await
            .unwrap()
            .unwrap();
        filed.push(cases::act::find(db, &id).await.unwrap().unwrap());
    }
    filed
}

/// Whether the kept counts per department and state match the cases.
pub async fn counts_match(app: &TestApp) {
    use sea_orm::{ConnectionTrait, Statement};
    let db = &app.state.ctx.db;
    let rows = |sql: &str| {
        let statement = Statement::from_string(db.get_database_backend(), sql.to_owned());
        async move {
            db.query_all(statement)
                .await
                .unwrap()
                .into_iter()
                .map(|row| {
                    let department: String = row.try_get_by_index(0).unwrap();
                    let state: String = row.try_get_by_index(1).unwrap();
                    let count: i64 = row.try_get_by_index(2).unwrap();
                    (department, state, count)
                })
                .collect::<Vec<_>>()
        }
    };
    let kept = rows(
        "SELECT department, state, CAST(SUM(count) AS BIGINT) FROM cases_count \
              GROUP BY department, state HAVING SUM(count) > 0 ORDER BY 1, 2",
    )
    .await;
    let actual = rows(
        "SELECT department, state, COUNT(*) FROM cases_case GROUP BY department, state ORDER BY 1, 2",
    )
    .await;
    assert_eq!(kept, actual);
}

async fn reload(app: &TestApp, case: &cases::Case) -> cases::Case {
    cases::act::find(&app.state.ctx.db, &case.id)
        .await
        .unwrap()
        .unwrap()
}

#[test]
fn caseworkers_hand_over_act_in_bulk_and_consult_another_department() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let jonas = signed_in(&app, "citizen-low").await;
            let filed = file_cases(&app, &jonas, 3).await;
            // Tom has worked in the portal before, so he is a colleague one can name.
            let tom = signed_in(&app, "caseworker-awm-2").await;
            page(&tom, &app, "/bearbeitung").await;
            let lena = signed_in(&app, "caseworker-awm").await;

            let (_, inbox) = page(&lena, &app, "/bearbeitung").await;
            assert!(
                inbox.contains(r#"<option value="sperrmuell""#),
                "{backend:?}"
            );
            assert!(inbox.contains(r#"name="fall""#) && inbox.contains("Tom Huber"));

            // Claim all three, one with a stale version: two done, one told.
            let selection = [
                ("aktion", "claim".to_owned()),
                ("fall", format!("{}:1", filed[0].id)),
                ("fall", format!("{}:1", filed[1].id)),
                ("fall", format!("{}:7", filed[2].id)),
                ("zurueck", "zustand=submitted&evil=<x>".to_owned()),
            ];
            let response = lena
                .post(app.url("/bearbeitung/sammelaktion"))
                .form(&selection)
                .send()
                .await
                .unwrap();
            let results = response.headers()["location"].to_str().unwrap().to_owned();
            assert!(results.starts_with("/bearbeitung/ergebnis?aktion=claim&ok="));
            let (_, shown) = page(&lena, &app, &results).await;
            assert!(shown.contains("2 von 3 Fällen erledigt."), "{backend:?}");
            assert!(shown.contains("Der Fall wurde inzwischen geändert"));
            assert!(shown.contains(&filed[2].reference));
            assert!(shown.contains(r#"href="/bearbeitung?zustand=submitted""#));
            assert!(!shown.contains("evil"));
            for case in &filed[..2] {
                assert_eq!(reload(&app, case).await.state, cases::State::InProgress);
            }
            assert_eq!(reload(&app, &filed[2]).await.state, cases::State::Submitted);
            counts_match(&app).await;
            // Another department's caseworker learns nothing from the same address.
            let max = signed_in(&app, "caseworker").await;
            let (_, elsewhere) = page(&max, &app, &results).await;
            assert!(!elsewhere.contains(&filed[0].reference));

            // Hand both claimed cases to Tom at once.
            let tom_subject = app::personas::identity("caseworker-awm-2")
                .unwrap()
                .subject
                .unwrap();
            let handover = [
                ("aktion", "assign".to_owned()),
                ("an", tom_subject.clone()),
                ("fall", format!("{}:2", filed[0].id)),
                ("fall", format!("{}:2", filed[1].id)),
            ];
            let response = lena
                .post(app.url("/bearbeitung/sammelaktion"))
                .form(&handover)
                .send()
                .await
                .unwrap();
            let results = response.headers()["location"].to_str().unwrap().to_owned();
            let (_, shown) = page(&lena, &app, &results).await;
            assert!(shown.contains("2 von 2 Fällen erledigt."));
            let handed = reload(&app, &filed[0]).await;
            assert_eq!(handed.assignee.as_deref(), Some(tom_subject.as_str()));
            assert_eq!(handed.assignee_name.as_deref(), Some("Tom Huber"));
            let (_, case_page) =
                page(&lena, &app, &format!("/bearbeitung/faelle/{}", handed.id)).await;
            assert!(case_page.contains("Übergeben an") && case_page.contains("Tom Huber"));

            // Only colleagues of the case's department can be named.
            let third = format!("/bearbeitung/faelle/{}", filed[2].id);
            let (_, third_page) = page(&lena, &app, &third).await;
            assert!(third_page.contains("An Kollegin oder Kollegen übergeben"));
            let max_subject = app::personas::identity("caseworker")
                .unwrap()
                .subject
                .unwrap();
            let refused = post(
                &lena,
                &app,
                &format!("{third}/aktion"),
                &[("action", "assign"), ("version", "1"), ("an", &max_subject)],
            )
            .await;
            assert_eq!(
                refused,
                format!("{third}?fehler=cases-error-unknown-colleague#fehler")
            );

            // Tom asks the KVR for its opinion; Max finds it in his consultation view.
            let first = format!("/bearbeitung/faelle/{}", filed[0].id);
            let asked = post(
                &tom,
                &app,
                &format!("{first}/aktion"),
                &[
                    ("action", "consult"),
                    ("version", "3"),
                    ("department", "kvr"),
                    ("text", "Darf das Sofa auf den Gehweg?"),
                ],
            )
            .await;
            assert_eq!(asked, format!("{first}?erledigt=consult"), "{backend:?}");
            let (_, own) = page(&max, &app, "/bearbeitung").await;
            assert!(own.contains("Stellungnahmen erbeten (1)"));
            assert!(!own.contains(&filed[0].reference));
            let (_, consulted) = page(&max, &app, "/bearbeitung?zuweisung=stellungnahme").await;
            assert!(consulted.contains(&filed[0].reference));
            assert!(
                !consulted.contains(r#"name="fall""#),
                "no bulk actions on others' cases"
            );
            let (_, to_answer) = page(&max, &app, &first).await;
            assert!(to_answer.contains("Stellungnahme abgeben"));
            let given = post(
                &max,
                &app,
                &format!("{first}/aktion"),
                &[
                    ("action", "give_opinion"),
                    ("version", "4"),
                    ("text", "Ja, bis zu 48 Stunden vor der Abholung."),
                ],
            )
            .await;
            assert_eq!(given, format!("{first}?erledigt=give_opinion"));
            let back = reload(&app, &filed[0]).await;
            assert_eq!(
                (back.state, back.consulted),
                (cases::State::InProgress, None)
            );
            let (_, tom_sees) = page(&tom, &app, &first).await;
            assert!(tom_sees.contains("Ja, bis zu 48 Stunden vor der Abholung."));
            let (_, jonas_sees) = page(&jonas, &app, &format!("/vorgaenge/{}", filed[0].id)).await;
            assert!(!jonas_sees.contains("48 Stunden") && !jonas_sees.contains("Gehweg"));
            counts_match(&app).await;
        }
    });
}
