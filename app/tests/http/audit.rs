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
