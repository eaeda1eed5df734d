//! E-mail notifications through a real SMTP server: the citizen hears of the receipt,
//! a question, a message and the decision, in the language they filed in, with a link
//! and never an answer of the request; the team's shared mailbox hears of each new
//! case, with the link to it and nothing else; a mail server that is down delays mails, loses
//! none and sends none twice, and never fails a submit. SQLite and PostgreSQL.

use cases::{
    Action,
    act::{act, case_for_submission},
    comment::{Comment, comment},
    loader::Processes,
};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};

use crate::{
    cases::command,
    filing::{bulky_waste_ready, file_bulky_waste, post},
    smtp::{Received, SmtpSink},
    support::{Backend, backends, page, run, signed_in, spawn_app, spawn_with, test_settings},
};

const JONAS: &str = "jonas.neumann@example.org";
/// The shared mailbox of the inner-city team (`services/sperrmuell.process.toml`).
const INNER_CITY_TEAM: &str = "sperrmuell-innenstadt@awm.muenchen.example";

fn with_subject<'a>(mails: &'a [Received], part: &str) -> Vec<&'a Received> {
    mails.iter().filter(|m| m.subject.contains(part)).collect()
}

#[test]
fn citizens_are_told_by_mail_and_a_mail_server_outage_loses_nothing() {
    run(async {
        for backend in backends() {
            let mut sink = SmtpSink::start();
            let (mut settings, dir) = test_settings(backend).await;
            sink.configure(&mut settings);
            let app = spawn_with(settings, dir).await;
            let db = &app.state.ctx.db;
            let jonas = signed_in(&app, "citizen-low").await;
            let submission = file_bulky_waste(&jonas, &app).await;
            let case_id = case_for_submission(db, &submission).await.unwrap().unwrap();
            let case = cases::act::find(db, &case_id).await.unwrap().unwrap();

            // The receipt: reference and link, in German, nothing of the answers; and
            // the team that gets the case is told where it is.
            // Both are written at once; the worker may send either first.
            let mails = sink.wait_for(2).await;
            let to = |address: &str| {
                mails
                    .iter()
                    .find(|m| m.to == [address.to_owned()])
                    .unwrap_or_else(|| panic!("{backend:?}: no mail to {address} in {mails:?}"))
            };
            let receipt = to(JONAS);
            let announced = to(INNER_CITY_TEAM);
            assert_eq!(
                announced.subject,
                format!("Neuer Antrag {}: Sperrmüll abholen lassen", case.reference)
            );
            assert!(
                announced.body.contains(&format!(
                    "http://127.0.0.1:3000/bearbeitung/faelle/{case_id}"
                )) && announced.body.contains("Funktionspostfach"),
                "{}",
                announced.body
            );
            assert_eq!(
                receipt.subject,
                format!("Ihr Antrag {} ist eingegangen", case.reference)
            );
            assert!(
                receipt
                    .body
                    .contains(&format!("http://127.0.0.1:3000/vorgaenge/{case_id}")),
                "{}",
                receipt.body
            );
            for mail in [receipt, announced] {
                assert!(
                    mail.is_complete_mime(),
                    "{backend:?}: MIME headers of {mail:?}"
                );
            }
            for answer in ["Sofa", "Marienplatz", "80331", "Jonas"] {
                for mail in [receipt, announced] {
                    assert!(!mail.body.contains(answer), "{answer} in {}", mail.body);
                }
            }

            // A question and a message reach him; an internal note does not.
            let processes = Processes::default();
            let lena = app::personas::identity("caseworker-awm").unwrap();
            let now = case.submitted_at;
            act(
                db,
                &processes,
                &case_id,
                &lena,
                &command(Action::Claim, 1, ""),
                now,
            )
            .await
            .unwrap();
            let question = "Wie schwer ist das Sofa?";
            act(
                db,
                &processes,
                &case_id,
                &lena,
                &command(Action::RequestInformation, 2, question),
                now,
            )
            .await
            .unwrap();
            comment(db, &case_id, &lena, Comment::Note, "intern", now)
                .await
                .unwrap();
            comment(db, &case_id, &lena, Comment::Message, "Danke!", now)
                .await
                .unwrap();
            let mails = sink.wait_for(4).await;
            assert_eq!(with_subject(&mails, "Rückfrage").len(), 1, "{mails:?}");
            assert_eq!(with_subject(&mails, "Neue Nachricht").len(), 1, "{mails:?}");
            assert!(mails.iter().all(|m| !m.body.contains(question)));

            // The mail server goes down. Jonas answers, a decision is made and an
            // English-speaking citizen files: every page answers as usual.
            sink.stop();
            let jonas_identity = app::personas::identity("citizen-low").unwrap();
            act(
                db,
                &processes,
                &case_id,
                &jonas_identity,
                &command(Action::Answer, 3, "20 kg"),
                now,
            )
            .await
            .unwrap();
            act(
                db,
                &processes,
                &case_id,
                &lena,
                &command(Action::Approve, 4, "ok"),
                now,
            )
            .await
            .unwrap();
            let erika = signed_in(&app, "citizen").await;
            let english = erika.get(app.url("/lang/en?back=/")).send().await.unwrap();
            assert_eq!(english.status(), StatusCode::SEE_OTHER);
            let draft = bulky_waste_ready(&erika, &app).await;
            let receipt_page =
                post(&erika, &app, &format!("/antraege/{draft}/absenden"), &[]).await;
            assert!(
                receipt_page.starts_with("/antraege/eingang/"),
                "filed while the mail server is down: {receipt_page}"
            );

            // Attempts fail and are recorded for a retry.
            let failed = wait_for_failed_attempts(db, 2).await;
            assert!(failed >= 2, "{backend:?}: {failed}");
            assert_eq!(sink.received().len(), 4, "nothing arrives while it is down");

            // The server is back: everything arrives, each mail once.
            sink.resume();
            // Sent while it was down: the answer's decision to Jonas, Erika's receipt
            // and the announcement of her case.
            let mails = sink.wait_for(7).await;
            tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
            let mails_later = sink.received();
            assert_eq!(mails_later.len(), 7, "{mails_later:?}");
            let mut ids: Vec<_> = mails.iter().map(|m| m.message_id.clone()).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), 7, "every mail once");
            assert_eq!(with_subject(&mails, "Neuer Antrag").len(), 2, "{mails:?}");
            assert_eq!(with_subject(&mails, "Entscheidung").len(), 1, "{mails:?}");
            let english: Vec<_> = with_subject(&mails, "has been received");
            assert_eq!(english.len(), 1, "{mails:?}");
            assert_eq!(
                english[0].to,
                vec!["erika.mustermann@example.org".to_owned()]
            );
            assert!(
                english[0].body.contains("reference number"),
                "{}",
                english[0].body
            );
            assert!(
                english[0].body.contains("signing in"),
                "{}",
                english[0].body
            );
        }
    });
}

/// Waits until the outbox holds `count` mails with a failed attempt; returns how many.
async fn wait_for_failed_attempts(db: &sea_orm::DatabaseConnection, count: i64) -> i64 {
    let mut failed = 0;
    for _ in 0..100 {
        let row = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM kernel_mail WHERE sent_at IS NULL AND attempts > 0 \
                 AND last_error IS NOT NULL",
            ))
            .await
            .unwrap()
            .unwrap();
        failed = row.try_get::<i64>("", "n").unwrap();
        if failed >= count {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    failed
}

#[test]
fn on_the_quick_start_defaults_mails_are_files_listed_on_the_demo_outbox_page() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let jonas = signed_in(&app, "citizen-low").await;
        file_bulky_waste(&jonas, &app).await;
        let file = app.state.settings.data_dir.join("mail/00000001.eml");
        for _ in 0..100 {
            if file.exists() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let written = std::fs::read_to_string(&file).expect("the receipt is written as a file");
        assert!(
            written.contains("To: jonas.neumann@example.org"),
            "{written}"
        );
        assert!(written.contains("Subject: Ihr Antrag M-"), "{written}");

        let (status, list) = page(&jonas, &app, "/entwicklung/post").await;
        assert_eq!(status, StatusCode::OK);
        assert!(list.contains("jonas.neumann@example.org") && list.contains("cases-mail-received"));
        let (status, shown) = page(&jonas, &app, "/entwicklung/post/1").await;
        assert_eq!((status, shown), (StatusCode::OK, written));
        for missing in [
            "/entwicklung/post/3",
            "/entwicklung/post/x",
            "/entwicklung/post/-1",
        ] {
            assert_eq!(
                page(&jonas, &app, missing).await.0,
                StatusCode::NOT_FOUND,
                "{missing}"
            );
        }
    });
}
