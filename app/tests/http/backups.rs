//! `portal backup` and `portal restore` on SQLite and PostgreSQL: a portal with filed
//! requests, an upload and a caseworker's reads is backed up while it serves and
//! restored into an empty database and file store; the restored portal has the same
//! cases, the same file, an intact audit trail, and its search finds the requests. A
//! damaged backup is refused before anything is written. A portal on a bucket goes
//! into another bucket the same way.

use app::server::backup::{backup, restore};
use sea_orm::ConnectionTrait;

use crate::{
    case_search::search_leads_to,
    filing::{case_of, file_bulky_waste, file_parking_permit},
    s3_server::S3Server,
    support::{
        Backend, TestApp, backends, page, run, signed_in, spawn_app, spawn_with, test_settings,
    },
    uploads::png,
};

/// The one text column of every row `sql` answers, in order.
async fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    let db = &app.state.ctx.db;
    db.query_all(sea_orm::Statement::from_string(
        db.get_database_backend(),
        sql,
    ))
    .await
    .expect("query")
    .iter()
    .map(|row| row.try_get_by_index(0).expect("text"))
    .collect()
}

/// What must come back: every case with its reference and how many timeline entries.
async fn cases(app: &TestApp) -> Vec<String> {
    texts(
        app,
        "SELECT c.id || ' ' || c.reference || ' ' || CAST(COUNT(e.id) AS TEXT) \
         FROM cases_case c LEFT JOIN cases_event e ON e.case_id = c.id \
         GROUP BY c.id, c.reference ORDER BY c.id",
    )
    .await
}

#[test]
fn a_backup_restores_the_same_cases_files_trail_and_search() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let citizen = signed_in(&app, "citizen").await;
            let bulky = file_bulky_waste(&citizen, &app).await;
            let bulky_case = case_of(&app, &bulky).await;
            let permit = file_parking_permit(&citizen, &app).await;
            let permit_case = case_of(&app, &permit).await;
            // A caseworker reads a case: a read on the audit trail.
            let lena = signed_in(&app, "caseworker-awm").await;
            let (status, _) = page(&lena, &app, &format!("/bearbeitung/faelle/{bulky_case}")).await;
            assert_eq!(status, 200);
            app.state.ctx.reads.flush().await;
            let reference = texts(
                &app,
                &format!("SELECT reference FROM cases_case WHERE id = '{bulky_case}'"),
            )
            .await
            .remove(0);

            let folder = tempfile::tempdir().unwrap();
            let dir = folder.path().join("backup");
            let made = backup(&app.state.settings, &dir).await.unwrap();
            let upload = made
                .files
                .iter()
                .find(|f| f.size == 600)
                .expect("the vehicle document is in the backup");
            assert!(
                backup(&app.state.settings, &dir).await.is_err(),
                "{backend:?}: a backup never writes over another"
            );

            let (settings, restored_dir) = test_settings(backend).await;
            restore(&settings, &dir).await.unwrap();
            let again = restore(&settings, &dir).await.unwrap_err();
            assert!(
                format!("{again:#}").contains("not empty"),
                "{backend:?}: {again:#}"
            );
            let restored = spawn_with(settings, restored_dir).await;

            assert_eq!(cases(&restored).await, cases(&app).await, "{backend:?}");
            let verdict = kernel::audit::verify(&restored.state.ctx.db).await.unwrap();
            let original = kernel::audit::verify(&app.state.ctx.db).await.unwrap();
            assert!(
                matches!(verdict, kernel::audit::Verdict::Intact(n) if n > 0),
                "{backend:?}: {verdict:?}"
            );
            assert_eq!(verdict, original, "{backend:?}: the whole trail");

            // The citizen downloads the upload from the restored portal's store.
            let citizen = signed_in(&restored, "citizen").await;
            let download = format!("/vorgaenge/{permit_case}/dateien/{}", upload.id);
            let response = citizen.get(restored.url(&download)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{backend:?}");
            assert_eq!(response.bytes().await.unwrap().to_vec(), png(600));

            // Its search indexes are built from the restored database.
            assert_eq!(
                search_leads_to(&restored, &reference, 5).await.as_deref(),
                Some(format!("/bearbeitung/faelle/{bulky_case}").as_str()),
                "{backend:?}"
            );
        }
    });
}

#[test]
fn a_damaged_or_unfinished_backup_is_refused_before_anything_is_written() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let citizen = signed_in(&app, "citizen").await;
        file_parking_permit(&citizen, &app).await;
        let folder = tempfile::tempdir().unwrap();
        let dir = folder.path().join("backup");
        let made = backup(&app.state.settings, &dir).await.unwrap();

        // One byte of the upload changed.
        let file = dir.join("files").join(&made.files[0].id);
        let mut bytes = std::fs::read(&file).unwrap();
        bytes[100] ^= 0xff;
        std::fs::write(&file, &bytes).unwrap();
        let (settings, restored_dir) = test_settings(Backend::Sqlite).await;
        let refused = restore(&settings, &dir).await.unwrap_err();
        assert!(format!("{refused:#}").contains("damaged"), "{refused:#}");

        // Without its manifest a folder is no backup.
        bytes[100] ^= 0xff;
        std::fs::write(&file, &bytes).unwrap();
        let manifest = std::fs::read(dir.join("manifest.json")).unwrap();
        std::fs::remove_file(dir.join("manifest.json")).unwrap();
        let refused = restore(&settings, &dir).await.unwrap_err();
        assert!(
            format!("{refused:#}").contains("no complete backup"),
            "{refused:#}"
        );

        // A SQLite backup does not go into PostgreSQL.
        if backends().contains(&Backend::Postgres) {
            std::fs::write(dir.join("manifest.json"), &manifest).unwrap();
            let (postgres, _folder) = test_settings(Backend::Postgres).await;
            let refused = restore(&postgres, &dir).await.unwrap_err();
            assert!(format!("{refused:#}").contains("same kind"), "{refused:#}");
        }

        // Nothing was written: the sound backup restores into the same database.
        std::fs::write(dir.join("manifest.json"), manifest).unwrap();
        restore(&settings, &dir).await.unwrap();
        let restored = spawn_with(settings, restored_dir).await;
        assert_eq!(cases(&restored).await, cases(&app).await);
    });
}

#[test]
fn a_portal_on_a_bucket_is_backed_up_and_restored_into_another_bucket() {
    run(async {
        let bucket = S3Server::start();
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        bucket.configure(&mut settings);
        let app = spawn_with(settings, dir).await;
        let citizen = signed_in(&app, "citizen").await;
        let permit = file_parking_permit(&citizen, &app).await;
        let case = case_of(&app, &permit).await;
        let stored = bucket.keys().await;

        let folder = tempfile::tempdir().unwrap();
        let backup_dir = folder.path().join("backup");
        let made = backup(&app.state.settings, &backup_dir).await.unwrap();
        let ids: Vec<String> = made.files.iter().map(|f| f.id.clone()).collect();
        assert_eq!(ids, stored, "every object of the bucket, by its id");

        let other = S3Server::start();
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        other.configure(&mut settings);
        restore(&settings, &backup_dir).await.unwrap();
        assert_eq!(other.keys().await, stored);
        let restored = spawn_with(settings, dir).await;
        let citizen = signed_in(&restored, "citizen").await;
        let download = format!("/vorgaenge/{case}/dateien/{}", stored[0]);
        let response = citizen.get(restored.url(&download)).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.bytes().await.unwrap().to_vec(), png(600));
    });
}
