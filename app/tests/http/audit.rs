//! The audit trail: filing, reading and acting on a case leave entries; the chain
//! verifies, also after simultaneous appends; an edited or removed row is found, by
//! `portal audit verify` too. Runs on SQLite and PostgreSQL.

use kernel::audit::{AuditEntry, Verdict, record, record_all, verify};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::{
    cases::filed_case,
    filing::post,
    support::{Backend, backends, page, run, signed_in},
};

async fn exec(db: &DatabaseConnection, sql: &str) {
    db.execute(Statement::from_string(
        db.get_database_backend(),
        sql.to_owned(),
    ))
    .await
    .unwrap();
}

async fn actions(db: &DatabaseConnection) -> Vec<String> {
    db.query_all(Statement::from_string(
        db.get_database_backend(),
        "SELECT action FROM kernel_audit ORDER BY seq".to_owned(),
    ))
    .await
    .unwrap()
    .into_iter()
    .map(|row| row.try_get_by_index(0).unwrap())
    .collect()
}

#[test]
fn casework_leaves_a_chain_that_finds_any_edit() {
    run(async {
        for backend in backends() {
            let (app, _, case) = filed_case(backend).await;
            let db = &app.state.ctx.db;
            let lena = signed_in(&app, "caseworker-awm").await;
            let case_page = format!("/bearbeitung/faelle/{}", case.id);
            page(&lena, &app, &case_page).await;
            // Reads are written by the trail's writer, as soon as it is free.
            app.state.ctx.reads.flush().await;
            post(
                &lena,
                &app,
                &format!("{case_page}/aktion"),
                &[("action", "note"), ("text", "Vertraulicher Vermerk")],
            )
            .await;
            post(
                &lena,
                &app,
                &format!("{case_page}/aktion"),
                &[("action", "claim"), ("version", "1")],
            )
            .await;
            assert_eq!(
                actions(db).await,
                ["filed", "read", "note", "claim"],
                "{backend:?}"
            );
            // Who and what, never the texts.
            let details = db
                .query_all(Statement::from_string(
                    db.get_database_backend(),
                    "SELECT actor_name, COALESCE(detail, '') FROM kernel_audit ORDER BY seq"
                        .to_owned(),
                ))
                .await
                .unwrap();
            for row in details {
                let detail: String = row.try_get_by_index(1).unwrap();
                assert!(!detail.contains("Vermerk"));
            }

            // Simultaneous appends wait for each other and the chain holds.
            let mut appends = tokio::task::JoinSet::new();
            for n in 0..20 {
                let db = db.clone();
                appends.spawn(async move {
                    let entry = AuditEntry {
                        at: n,
                        actor: format!("test:{n}"),
                        actor_name: "Test".into(),
                        action: "read".into(),
                        case_id: None,
                        detail: None,
                    };
                    record(&db, &entry).await
                });
            }
            while let Some(done) = appends.join_next().await {
                done.unwrap().unwrap();
            }
            assert_eq!(verify(db).await.unwrap(), Verdict::Intact(24));
            // A batch, with a name longer than is kept: cut before hashing, it verifies.
            let long_name = AuditEntry {
                at: 30,
                actor: "test:long".into(),
                actor_name: "Ä".repeat(300),
                action: "read".into(),
                case_id: None,
                detail: None,
            };
            record_all(db, &[long_name.clone(), long_name])
                .await
                .unwrap();
            assert_eq!(verify(db).await.unwrap(), Verdict::Intact(26));

            // One changed letter in entry 2 breaks the chain there.
            exec(
                db,
                "UPDATE kernel_audit SET actor_name = 'Jemand' WHERE seq = 2",
            )
            .await;
            assert_eq!(
                verify(db).await.unwrap(),
                Verdict::Broken {
                    seq: 2,
                    reason: "its content was changed".into()
                }
            );
            if backend == Backend::Sqlite {
                // The command says so too, with exit code 1.
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
                    .args(["audit", "verify"])
                    .env("PORTAL_DATABASE_URL", &app.state.settings.database_url)
                    .env("PORTAL_DATA_DIR", &app.state.settings.data_dir)
                    .output()
                    .unwrap();
                assert_eq!(out.status.code(), Some(1));
                let said = String::from_utf8_lossy(&out.stderr);
                assert!(said.contains("broken at entry 2"), "{said}");
            }
        }
    });
}

#[test]
fn a_removed_entry_is_found() {
    run(async {
        for backend in backends() {
            let (app, _, _) = filed_case(backend).await;
            let db = &app.state.ctx.db;
            let lena = signed_in(&app, "caseworker-awm").await;
            page(&lena, &app, "/bearbeitung").await;
            assert_eq!(verify(db).await.unwrap(), Verdict::Intact(1), "{backend:?}");
            exec(db, "DELETE FROM kernel_audit WHERE seq = 1").await;
            assert!(matches!(
                verify(db).await.unwrap(),
                Verdict::Broken { seq: 1, .. }
            ));
        }
    });
}

#[test]
fn reads_noted_at_once_are_all_written_and_the_chain_holds() {
    run(async {
        for backend in backends() {
            let app = crate::support::spawn_app(backend).await;
            let db = &app.state.ctx.db;
            let before = actions(db).await.len();
            // Many views at once, from many tasks, as under load.
            let mut views = tokio::task::JoinSet::new();
            for n in 0..2_000_i64 {
                let reads = app.state.ctx.reads.clone();
                views.spawn(async move {
                    reads.note(AuditEntry {
                        at: n,
                        actor: "test:reader".into(),
                        actor_name: "Lesende".into(),
                        action: "read".into(),
                        case_id: Some(format!("case-{n}")),
                        detail: None,
                    });
                });
            }
            while views.join_next().await.is_some() {}
            app.state.ctx.reads.flush().await;
            let written = actions(db).await;
            assert_eq!(written.len(), before + 2_000, "{backend:?}");
            assert!(written[before..].iter().all(|a| a == "read"));
            assert_eq!(
                verify(db).await.unwrap(),
                Verdict::Intact(i64::try_from(before).unwrap() + 2_000),
                "{backend:?}"
            );
            // A flush with nothing queued returns at once.
            assert!(
                tokio::time::timeout(
                    std::time::Duration::from_secs(5),
                    app.state.ctx.reads.flush()
                )
                .await
                .is_ok(),
                "{backend:?}: an empty queue is flushed at once"
            );
        }
    });
}

#[test]
fn a_flush_waits_until_a_busy_database_has_taken_the_reads() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let db = &app.state.ctx.db;
        let before = actions(db).await.len();
        // Another writer holds the database.
        let other = sea_orm::Database::connect(&app.state.settings.database_url)
            .await
            .unwrap();
        let busy = kernel::write_transaction::begin_write(&other)
            .await
            .unwrap();
        busy.execute_unprepared("CREATE TABLE test_busy (n INTEGER)")
            .await
            .unwrap();
        for n in 0..3 {
            app.state.ctx.reads.note(AuditEntry {
                at: n,
                actor: "test:reader".into(),
                actor_name: "Lesende".into(),
                action: "read".into(),
                case_id: None,
                detail: None,
            });
        }
        let reads = app.state.ctx.reads.clone();
        let flushed = tokio::spawn(async move { reads.flush().await });
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(!flushed.is_finished(), "the flush waits for the database");
        busy.rollback().await.unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(20), flushed)
            .await
            .expect("written once the database is free")
            .unwrap();
        assert_eq!(actions(db).await.len(), before + 3, "nothing lost");
        assert!(matches!(verify(db).await.unwrap(), Verdict::Intact(_)));
    });
}
