//! A citizen files a request over HTTP, as a browser without JavaScript does: start,
//! steps with errors and corrections, check page, sending (once), receipt.

use reqwest::{Client, StatusCode, redirect::Policy};
use sea_orm::ConnectionTrait;

use crate::{
    filing::{bulky_waste_ready, dog_at_payment, in_days, post},
    support::{Backend, backends, page, run, signed_in, spawn_app},
};

#[test]
fn a_citizen_files_bulky_waste_pickup_from_start_to_receipt() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let browser = signed_in(&app, "citizen-low").await;
            let first = post(
                &browser,
                &app,
                "/leistungen/sperrmuell-abholung/antrag",
                &[],
            )
            .await;
            assert!(
                first.starts_with("/antraege/") && first.ends_with("/items"),
                "{first}"
            );
            let draft = first.split('/').nth(2).unwrap().to_owned();

            let (status, step) = page(&browser, &app, &first).await;
            assert_eq!(status, StatusCode::OK);
            assert!(step.contains("Schritt 1 von 2") && step.contains("Art der Gegenstände"));

            // Nothing entered: back to the step with the problems.
            let again = post(&browser, &app, &first, &[("action", "continue")]).await;
            assert_eq!(again, format!("{first}#fehler"));
            let (_, step) = page(&browser, &app, &again).await;
            assert!(
                step.contains("Bitte korrigieren Sie Ihre Angaben"),
                "{backend:?}"
            );
            assert!(
                step.contains("Bitte füllen Sie dieses Feld aus.")
                    && step.contains(r#"aria-invalid="true""#)
            );
            assert!(
                step.contains(r##"href="#f-volume""##),
                "summary links to the field"
            );

            // Wrong values stay as typed.
            post(
                &browser,
                &app,
                &first,
                &[
                    ("kinds", "furniture"),
                    ("description", "1 Schrank"),
                    ("volume", "sechs"),
                ],
            )
            .await;
            let (_, step) = page(&browser, &app, &first).await;
            assert!(step.contains(r#"value="sechs""#) && step.contains("ganze Zahl"));

            let next = post(
                &browser,
                &app,
                &first,
                &[
                    ("kinds", "furniture"),
                    ("kinds", "other"),
                    ("description", "1 Schrank, 2 Stühle"),
                    ("volume", "4"),
                ],
            )
            .await;
            assert_eq!(next, format!("/antraege/{draft}/pickup"));

            // More than three cubic metres: the phone number is needed.
            let date = in_days(10);
            let address = [
                ("address.street", "Marienplatz"),
                ("address.house_number", "8"),
                ("address.postcode", "80331"),
                ("address.city", "München"),
            ];
            let mut fields: Vec<(&str, &str)> = address.to_vec();
            fields.push(("date", &date));
            let refused = post(&browser, &app, &next, &fields).await;
            assert!(refused.ends_with("#fehler"));
            let (_, step) = page(&browser, &app, &next).await;
            assert!(
                step.contains("Telefon für Rückfragen") && step.contains(r##"href="#f-phone""##)
            );
            fields.push(("phone", "089 233-00"));
            let review = post(&browser, &app, &next, &fields).await;
            assert_eq!(review, format!("/antraege/{draft}/pruefen"));

            let (status, check) = page(&browser, &app, &review).await;
            assert_eq!(status, StatusCode::OK);
            for text in [
                "Möbel, Sonstiges",
                "1 Schrank, 2 Stühle",
                "Marienplatz 8, 80331 München",
                "089 233-00",
            ] {
                assert!(check.contains(text), "{text} missing on the check page");
            }

            let receipt = post(&browser, &app, &format!("/antraege/{draft}/absenden"), &[]).await;
            assert!(receipt.starts_with("/antraege/eingang/"), "{receipt}");
            let submission = receipt.rsplit('/').next().unwrap().to_owned();
            let taken_in = crate::probe::TAKEN_IN
                .lock()
                .unwrap()
                .iter()
                .find(|r| r.id == submission)
                .cloned();
            let taken_in = taken_in.expect("the case intake got the request");
            assert_eq!(
                (taken_in.service_id.as_str(), taken_in.department.as_str()),
                ("sperrmuell", "awm")
            );
            let (status, confirmation) = page(&browser, &app, &receipt).await;
            assert_eq!(status, StatusCode::OK);
            let year = kernel::time::today().format("%Y").to_string();
            assert!(
                confirmation.contains(&format!("M-{year}-000001")),
                "{backend:?}: reference"
            );
            assert!(confirmation.contains("1 Schrank, 2 Stühle"));

            // Sent twice (double click, resent request): one submission.
            let twice = post(&browser, &app, &format!("/antraege/{draft}/absenden"), &[]).await;
            assert_eq!(twice, receipt);
            // The draft is gone; its pages say so.
            let (status, _) = page(&browser, &app, &first).await;
            assert_eq!(status, StatusCode::NOT_FOUND);

            // "My requests" lists it.
            let (_, mine) = page(&browser, &app, "/antraege").await;
            assert!(
                mine.contains(&taken_in.reference) && mine.contains("Sperrmüll abholen lassen")
            );
            // Someone else sees neither the receipt nor starts anything in this name.
            let other = signed_in(&app, "citizen").await;
            let (status, text) = page(&other, &app, &receipt).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            assert!(!text.contains("Schrank"));
        }
    });
}

#[test]
fn hidden_fields_are_neither_checked_nor_kept() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen-low").await;
        let (draft, payment) = dog_at_payment(
            &browser,
            &app,
            &[
                ("breed_other", "<script>alert(1)</script>"),
                ("is_admin", "yes"),
            ],
        )
        .await;
        // No direct debit: the IBAN is hidden, so a wrong one is no problem.
        let review = post(
            &browser,
            &app,
            &payment,
            &[
                ("direct_debit", "no"),
                ("iban", "DE00"),
                ("truthful", "yes"),
            ],
        )
        .await;
        assert_eq!(review, format!("/antraege/{draft}/pruefen"));
        let (_, check) = page(&browser, &app, &review).await;
        assert!(check.contains("Bello") && check.contains("Mischling"));
        assert!(
            !check.contains("alert(1)") && !check.contains("DE00") && !check.contains("is_admin")
        );
    });
}

#[test]
fn fields_from_the_sign_in_are_filled_and_fixed_ones_cannot_be_changed() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let first = post(
            &browser,
            &app,
            "/leistungen/bewohnerparkausweis/antrag",
            &[],
        )
        .await;
        let (_, step) = page(&browser, &app, &first).await;
        assert!(step.contains(r#"value="Erika""#) && step.contains("readonly"));
        assert!(step.contains(r#"value="erika.mustermann@example.org""#));
        let saved = post(
            &browser,
            &app,
            &first,
            &[
                ("given_name", "Mallory"),
                ("family_name", "Mustermann"),
                ("action", "save"),
            ],
        )
        .await;
        assert_eq!(saved, format!("{first}?gespeichert=1"));
        let (_, step) = page(&browser, &app, &saved).await;
        assert!(step.contains(r#"value="Erika""#) && !step.contains("Mallory"));
        assert!(step.contains("Ihre Angaben sind gespeichert"));
        // Starting again resumes the same draft.
        let resumed = post(
            &browser,
            &app,
            "/leistungen/bewohnerparkausweis/antrag",
            &[],
        )
        .await;
        assert_eq!(resumed, first);
    });
}

#[test]
fn starting_needs_a_sign_in_at_the_services_level() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let anonymous = Client::builder().redirect(Policy::none()).build().unwrap();
        let to_sign_in = post(
            &anonymous,
            &app,
            "/leistungen/sperrmuell-abholung/antrag",
            &[],
        )
        .await;
        // The way back leads on to the form, not to the service page again.
        assert_eq!(
            to_sign_in,
            "/auth/login?return_to=%2Fleistungen%2Fsperrmuell-abholung%2Fantrag&level=low"
        );
        let citizen = crate::support::browser();
        let signed = citizen
            .post(app.url("/auth/demo"))
            .form(&[
                ("persona", "citizen-low"),
                ("return_to", "/leistungen/sperrmuell-abholung/antrag"),
            ])
            .send()
            .await
            .unwrap();
        let back = signed.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(back, "/leistungen/sperrmuell-abholung/antrag");
        let went_on = citizen.get(app.url(&back)).send().await.unwrap();
        assert_eq!(went_on.status(), StatusCode::SEE_OTHER);
        let step = went_on.headers()["location"].to_str().unwrap().to_owned();
        assert!(step.starts_with("/antraege/"), "{step}");
        // Coming back the same way again resumes that draft, it starts no second one.
        let again = citizen.get(app.url(&back)).send().await.unwrap();
        assert_eq!(again.headers()["location"].to_str().unwrap(), step);
        let low = signed_in(&app, "citizen-low").await;
        let step_up = post(&low, &app, "/leistungen/fuehrungszeugnis/antrag", &[]).await;
        assert_eq!(
            step_up,
            "/auth/login?return_to=%2Fleistungen%2Ffuehrungszeugnis%2Fantrag&level=high"
        );
        let high = signed_in(&app, "citizen-high").await;
        let started = post(&high, &app, "/leistungen/fuehrungszeugnis/antrag", &[]).await;
        assert!(started.starts_with("/antraege/"), "{started}");
        // Pages of drafts need a sign-in too.
        let response = anonymous
            .get(app.url("/antraege/x/y"))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    });
}

#[test]
fn group_items_are_added_and_removed_by_plain_form_posts() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let first = post(
            &browser,
            &app,
            "/leistungen/kita-platz-vormerken/antrag",
            &[],
        )
        .await;
        let added = post(
            &browser,
            &app,
            &first,
            &[("children.0.name", "Mia"), ("action", "add:children")],
        )
        .await;
        assert!(added.ends_with("#children"));
        let (_, step) = page(&browser, &app, &first).await;
        assert!(step.contains(r#"name="children.1.name""#) && step.contains(r#"value="Mia""#));
        post(
            &browser,
            &app,
            &first,
            &[
                ("children.0.name", "Mia"),
                ("children.1.name", "Paul"),
                ("action", "remove:children.0"),
            ],
        )
        .await;
        let (_, step) = page(&browser, &app, &first).await;
        assert!(step.contains(r#"value="Paul""#) && !step.contains(r#"value="Mia""#));
    });
}

#[test]
fn a_refusing_case_intake_undoes_the_submission_and_keeps_the_draft() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen-low").await;
        let (draft, payment) = dog_at_payment(&browser, &app, &[]).await;
        post(
            &browser,
            &app,
            &payment,
            &[("direct_debit", "no"), ("truthful", "yes")],
        )
        .await;
        let response = browser
            .post(app.url(&format!("/antraege/{draft}/absenden")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let (status, _) = page(&browser, &app, &format!("/antraege/{draft}/pruefen")).await;
        assert_eq!(status, StatusCode::OK, "the draft is still there");
        let (_, mine) = page(&browser, &app, "/antraege").await;
        assert!(
            mine.contains("Hund anmelden")
                && mine.contains("Sie haben noch keine Anträge gesendet.")
        );
    });
}

#[test]
fn expired_drafts_are_gone_and_saving_postpones_the_expiry() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen-low").await;
        let first = post(
            &browser,
            &app,
            "/leistungen/sperrmuell-abholung/antrag",
            &[],
        )
        .await;
        let now = chrono::Utc::now().timestamp();
        // Within 30 days nothing goes; after them the draft does.
        let db = &app.state.ctx.db;
        let files = app.state.ctx.files.as_ref();
        assert_eq!(
            forms::drafts::delete_expired(db, files, now + 29 * 86_400)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            forms::drafts::delete_expired(db, files, now + 31 * 86_400)
                .await
                .unwrap(),
            1
        );
        let (status, _) = page(&browser, &app, &first).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn answers_sent_after_the_session_ended_survive_signing_in_again() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen-low").await;
        let first = post(
            &browser,
            &app,
            "/leistungen/sperrmuell-abholung/antrag",
            &[],
        )
        .await;
        // 31 idle minutes: the session is gone.
        app.state.clock.advance(31 * 60);
        let to_sign_in = post(
            &browser,
            &app,
            &first,
            &[("description", "1 Sofa, 1 Sessel"), ("volume", "3")],
        )
        .await;
        assert!(
            to_sign_in.starts_with("/auth/login?return_to="),
            "{to_sign_in}"
        );
        // Signing in again (same person) and back on the step: the answers are there.
        let again = browser
            .post(app.url("/auth/demo"))
            .form(&[("persona", "citizen-low")])
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        let (status, step) = page(&browser, &app, &first).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            step.contains("1 Sofa, 1 Sessel") && step.contains(r#"value="3""#),
            "answers lost"
        );
    });
}

/// How many sessions the store holds.
async fn sessions(app: &crate::support::TestApp) -> i64 {
    let db = &app.state.ctx.db;
    db.query_one(sea_orm::Statement::from_string(
        db.get_database_backend(),
        "SELECT COUNT(*) FROM kernel_session",
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
}

#[test]
fn strangers_cannot_fill_the_session_store_or_send_large_bodies() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let stranger = Client::builder().redirect(Policy::none()).build().unwrap();
        let before = sessions(&app).await;
        // Any address, many fields: nothing is stored for a draft that does not exist.
        let filler: Vec<(String, String)> = (0..200)
            .map(|i| (format!("feld{i}"), "x".repeat(1000)))
            .collect();
        for _ in 0..5 {
            let response = stranger
                .post(app.url(&format!("/antraege/{}/items", uuid::Uuid::new_v4())))
                .form(&filler)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        assert_eq!(
            sessions(&app).await,
            before,
            "no session rows for strangers"
        );

        // A real draft whose owner's session ended: only the step's own fields wait.
        let owner = signed_in(&app, "citizen-low").await;
        let first = post(&owner, &app, "/leistungen/sperrmuell-abholung/antrag", &[]).await;
        app.state.clock.advance(31 * 60);
        let mut posted = filler.clone();
        posted.push(("description".into(), "1 Schrank".into()));
        posted.reverse();
        owner
            .post(app.url(&first))
            .form(&posted)
            .send()
            .await
            .unwrap();
        let db = &app.state.ctx.db;
        let kept = db
            .query_one(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT MAX(LENGTH(data)) FROM kernel_session",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
        assert!(kept < 4096, "only the step's fields are kept: {kept} bytes");

        // A step without files takes no more than 256 KiB, signed in or not (the
        // route allows the largest upload of any step, about 15 MB).
        let big = vec![("description".to_owned(), "x".repeat(300 * 1024))];
        let response = stranger
            .post(app.url(&first))
            .form(&big)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "to sign in, nothing kept"
        );
        let again = signed_in(&app, "citizen-low").await;
        let resumed = post(&again, &app, "/leistungen/sperrmuell-abholung/antrag", &[]).await;
        let response = again
            .post(app.url(&resumed))
            .form(&big)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    });
}

#[test]
fn the_same_draft_sent_by_several_requests_at_once_files_one_request() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let browser = signed_in(&app, "citizen-low").await;
            let draft = bulky_waste_ready(&browser, &app).await;
            let send = app.url(&format!("/antraege/{draft}/absenden"));
            let requests: Vec<_> = (0..6)
                .map(|_| tokio::spawn(browser.post(send.clone()).send()))
                .collect();
            let mut receipts = Vec::new();
            for request in requests {
                let response = request.await.unwrap().unwrap();
                assert_eq!(response.status(), StatusCode::SEE_OTHER, "{backend:?}");
                receipts.push(response.headers()["location"].to_str().unwrap().to_owned());
            }
            receipts.dedup();
            assert_eq!(
                receipts.len(),
                1,
                "{backend:?}: one receipt for all: {receipts:?}"
            );
            assert!(
                receipts[0].starts_with("/antraege/eingang/"),
                "{receipts:?}"
            );
            let submission = receipts[0].rsplit('/').next().unwrap();
            let taken_in = crate::probe::TAKEN_IN
                .lock()
                .unwrap()
                .iter()
                .filter(|r| r.id == submission)
                .count();
            assert_eq!(taken_in, 1, "{backend:?}: handed to the case intake once");
            let (_, receipt) = page(&browser, &app, &receipts[0]).await;
            let year = kernel::time::today().format("%Y").to_string();
            assert!(receipt.contains(&format!("M-{year}-000001")), "{backend:?}");
            // Requests that lost the race took no reference number.
            let db = &app.state.ctx.db;
            let counter = db
                .query_one(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    "SELECT last FROM forms_reference_counter",
                ))
                .await
                .unwrap()
                .unwrap();
            assert_eq!(
                counter.try_get::<i64>("", "last").unwrap(),
                1,
                "{backend:?}"
            );
        }
    });
}
