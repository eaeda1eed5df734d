//! Retention with a clock the test sets: a closed case past its service's period goes
//! with its timeline, files, submission and mails, and the audit trail keeps only that
//! it went; cases still running or closed more recently stay untouched; expired drafts
//! go; the dry run lists exactly what the real run deletes. SQLite and PostgreSQL.

use app::server::retention::run;
use cases::{
    Action,
    act::{Command, act, case_for_submission},
    loader::Processes,
};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{
    case_inbox_work::counts_match,
    cases::command,
    filing::{file_bulky_waste, post},
    support::{backends, run as run_test, signed_in, spawn_app},
};

const DAY: i64 = 86_400;

/// The one number `sql` (with parameter `$1` = `id`) counts.
async fn count(db: &DatabaseConnection, sql: &str, id: &str) -> i64 {
    let row = db
        .query_one(kernel::sql::statement(db, sql, vec![id.into()]))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[test]
fn expired_cases_and_drafts_go_and_nothing_else() {
    run_test(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let ctx = &app.state.ctx;
            let db = &ctx.db;
            let jonas = signed_in(&app, "citizen-low").await;
            let lena = app::personas::identity("caseworker-awm").unwrap();
            let processes = Processes::default();
            let now = chrono::Utc::now().timestamp();

            // Three pick-ups (kept six months after closing): one closed now with a
            // decision letter, one closed three months later, one still running.
            let mut ids = Vec::new();
            for _ in 0..3 {
                let submission = file_bulky_waste(&jonas, &app).await;
                ids.push(case_for_submission(db, &submission).await.unwrap().unwrap());
            }
            let (old, recent, running) = (&ids[0], &ids[1], &ids[2]);
            let letter = kernel::upload::store_made(
                ctx.files.as_ref(),
                "Bescheid.pdf",
                "application/pdf",
                b"%PDF-1.4 x",
            )
            .await
            .unwrap();
            for (id, closed_at) in [(old, now), (recent, now + 90 * DAY)] {
                let steps = [
                    command(Action::Claim, 1, "erledigt"),
                    Command {
                        files: if id == old {
                            vec![letter.clone()]
                        } else {
                            Vec::new()
                        },
                        ..command(Action::Approve, 2, "erledigt")
                    },
                    command(Action::Close, 3, "erledigt"),
                ];
                for step in steps {
                    act(db, &processes, id, &lena, &step, closed_at)
                        .await
                        .unwrap();
                }
            }
            act(
                db,
                &processes,
                running,
                &lena,
                &command(Action::Claim, 1, "erledigt"),
                now,
            )
            .await
            .unwrap();
            // A draft left unfinished (deleted 30 days after its last change).
            let draft_step =
                post(&jonas, &app, "/leistungen/sperrmuell-abholung/antrag", &[]).await;
            let draft = draft_step.split('/').nth(2).unwrap().to_owned();
            let old_case = cases::act::find(db, old).await.unwrap().unwrap();
            let submission_of_old = old_case.submission_id;
            let in_search = || crate::case_search::indexed(&app, &old_case.reference, &["awm"]);
            assert!(
                crate::support::within_moments(async || in_search(), |ids| ids.contains(old))
                    .await
                    .contains(old),
                "the case is searchable before it expires"
            );

            // Six calendar months, counted as the retention counts them: from some
            // dates that is 184 days, so fixed day counts would fail on those.
            let later = cases::retention::expires(now, 6);
            let dry = run(ctx, later, true).await.unwrap();
            let listed: Vec<(&str, &str)> = dry
                .expired
                .iter()
                .map(|e| (e.kind, e.id.as_str()))
                .collect();
            assert_eq!(
                listed,
                vec![("draft", draft.as_str()), ("case", old.as_str())],
                "{backend:?}"
            );
            assert_eq!(dry.deleted, 0);
            assert_eq!(
                count(db, "SELECT COUNT(*) FROM cases_case WHERE id = $1", old).await,
                1
            );

            let real = run(ctx, later, false).await.unwrap();
            assert_eq!(real.expired, dry.expired, "the dry run listed what goes");
            assert_eq!((real.deleted, real.failed), (2, 0));
            assert!(
                crate::support::within_moments(async || in_search(), Vec::is_empty)
                    .await
                    .is_empty(),
                "a deleted case leaves the search"
            );

            for table in [
                "cases_case WHERE id",
                "cases_event WHERE case_id",
                "cases_file WHERE case_id",
                "cases_decision WHERE case_id",
            ] {
                let sql = format!("SELECT COUNT(*) FROM {table} = $1");
                assert_eq!(count(db, &sql, old).await, 0, "{table}");
            }
            let mails = format!("case:{old}");
            assert_eq!(
                count(
                    db,
                    "SELECT COUNT(*) FROM kernel_mail WHERE about = $1",
                    &mails
                )
                .await,
                0
            );
            assert_eq!(
                count(
                    db,
                    "SELECT COUNT(*) FROM forms_submission WHERE id = $1",
                    &submission_of_old
                )
                .await,
                0
            );
            assert_eq!(
                count(db, "SELECT COUNT(*) FROM forms_draft WHERE id = $1", &draft).await,
                0
            );
            assert!(
                ctx.files.open(&letter.id).await.is_err(),
                "the letter file is gone"
            );
            // The audit trail says that it went, names nobody, and still verifies.
            assert_eq!(
                count(
                    db,
                    "SELECT COUNT(*) FROM kernel_audit WHERE action = 'retention_delete' AND case_id = $1",
                    old
                )
                .await,
                1
            );
            assert_eq!(
                count(
                    db,
                    "SELECT COUNT(*) FROM kernel_audit WHERE actor_name = $1",
                    "Jonas Neumann"
                )
                .await,
                0
            );
            assert!(matches!(
                kernel::audit::verify(db).await.unwrap(),
                kernel::audit::Verdict::Intact(_)
            ));

            // What has not expired is untouched.
            for id in [recent, running] {
                assert_eq!(
                    count(db, "SELECT COUNT(*) FROM cases_case WHERE id = $1", id).await,
                    1
                );
                assert!(
                    count(
                        db,
                        "SELECT COUNT(*) FROM cases_event WHERE case_id = $1",
                        id
                    )
                    .await
                        >= 2
                );
            }
            counts_match(&app).await;
            // Nothing is left to go until the recent one's time comes.
            let again = run(ctx, later, false).await.unwrap();
            assert_eq!((again.expired.len(), again.deleted), (0, 0));
            let recent_expires = cases::retention::expires(now + 90 * DAY, 6);
            assert_eq!(
                run(ctx, recent_expires - 1, true)
                    .await
                    .unwrap()
                    .expired
                    .len(),
                0,
                "not a second before its time"
            );
            let after_recent = run(ctx, recent_expires, true).await.unwrap();
            let listed: Vec<&str> = after_recent.expired.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(listed, vec![recent.as_str()]);
        }
    });
}

#[test]
fn one_process_per_period_runs_the_hourly_job() {
    run_test(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let ctx = &app.state.ctx;
            let now = chrono::Utc::now().timestamp();
            let ran = async |holder: &str, at: i64| {
                app::server::retention::run_if_ours(ctx, holder, at)
                    .await
                    .unwrap()
                    .is_some()
            };
            assert!(
                ran("first", now).await,
                "{backend:?}: the first process runs it"
            );
            assert!(
                !ran("second", now + 60).await,
                "{backend:?}: the lease holds"
            );
            assert!(
                !ran("first", now + 1800).await,
                "{backend:?}: not twice an hour"
            );
            // The next period belongs to whoever comes first, the other process too.
            assert!(
                ran("second", now + 3600).await,
                "{backend:?}: the next period"
            );
            assert!(
                !ran("first", now + 3601).await,
                "{backend:?}: and only to it"
            );
        }
    });
}
