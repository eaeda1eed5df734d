//! Uploads and documents in a bucket of an S3-compatible store (moto, a real server
//! process): the store keeps files as the folder does, a citizen's upload lands in the
//! bucket and nowhere on disk and comes back to the case's people, and a store that is
//! down or does not answer costs the citizen the file, never the form.

use std::{io::ErrorKind, time::Duration};

use app::server::files::bucket::BucketFileStore;
use kernel::storage::FileStore;
use tokio::io::AsyncReadExt;

use crate::{
    filing::{case_of, file_parking_permit},
    s3_server::S3Server,
    support::{Backend, page, run, signed_in, spawn_with, test_settings},
    uploads::{at_vehicle_step, png, post_files},
};

/// A store of the server's bucket, as the portal makes it from its settings.
fn bucket_store(server: &S3Server) -> BucketFileStore {
    let mut settings = app::server::Settings::default();
    server.configure(&mut settings);
    BucketFileStore::new(&settings.object_store).expect("bucket store")
}

/// A portal keeping its files in a bucket of a fresh test server, and a signed-in
/// citizen.
async fn on_a_bucket() -> (S3Server, crate::support::TestApp, reqwest::Client) {
    let server = S3Server::start();
    let (mut settings, dir) = test_settings(Backend::Sqlite).await;
    server.configure(&mut settings);
    let app = spawn_with(settings, dir).await;
    let citizen = signed_in(&app, "citizen").await;
    (server, app, citizen)
}

/// `len` bytes that differ from part to part (a shifted part would be noticed).
fn numbered_bytes(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

#[test]
fn the_bucket_keeps_files_as_the_folder_does() {
    run(async {
        let server = S3Server::start();
        let store = bucket_store(&server);

        // Twelve megabytes in 64 KB chunks: more than two parts of a multipart upload,
        // invisible until finished.
        let big = numbered_bytes(12 * 1024 * 1024 + 123);
        let mut writer = store.writer("big-0001").await.unwrap();
        for chunk in big.chunks(64 * 1024) {
            writer.write(chunk).await.unwrap();
        }
        let unfinished = store.read("big-0001").await.unwrap_err();
        assert_eq!(unfinished.kind(), ErrorKind::NotFound);
        writer.finish().await.unwrap();
        assert!(store.read("big-0001").await.unwrap() == big);
        let mut streamed = Vec::new();
        store
            .open("big-0001")
            .await
            .unwrap()
            .read_to_end(&mut streamed)
            .await
            .unwrap();
        assert!(streamed == big, "a download streams the same bytes back");

        // A small file goes up in one piece.
        let mut writer = store.writer("small-0001").await.unwrap();
        writer.write(b"hello ").await.unwrap();
        writer.write(b"bucket").await.unwrap();
        writer.finish().await.unwrap();
        assert_eq!(store.read("small-0001").await.unwrap(), b"hello bucket");

        // An aborted upload, small or past its first part, leaves nothing.
        let mut writer = store.writer("gone-0001").await.unwrap();
        writer.write(&big[..6 * 1024 * 1024]).await.unwrap();
        writer.abort().await;
        let mut writer = store.writer("gone-0002").await.unwrap();
        writer.write(b"half").await.unwrap();
        writer.abort().await;
        assert_eq!(server.keys().await, ["big-0001", "small-0001"]);
        assert_eq!(store.list().await.unwrap(), ["big-0001", "small-0001"]);

        // Deleting twice is fine; a missing file is "not found", as on a disk.
        store.delete("big-0001").await.unwrap();
        store.delete("big-0001").await.unwrap();
        assert_eq!(
            store.read("big-0001").await.unwrap_err().kind(),
            ErrorKind::NotFound
        );
        assert!(store.open("big-0001").await.is_err());
        assert_eq!(server.keys().await, ["small-0001"]);

        // Ids never name anything but a file.
        for bad in ["../small-0001", "a/b", "", "x.y", "%2e%2e"] {
            assert!(store.writer(bad).await.is_err(), "{bad}");
            assert!(store.read(bad).await.is_err(), "{bad}");
        }
    });
}

#[test]
fn a_request_files_its_upload_into_the_bucket_and_nowhere_on_disk() {
    run(async {
        let (mut server, app, citizen) = on_a_bucket().await;
        let submission = file_parking_permit(&citizen, &app).await;
        let case = case_of(&app, &submission).await;

        let keys = server.keys().await;
        assert_eq!(keys.len(), 1, "the vehicle document: {keys:?}");
        assert_eq!(server.content(&keys[0]).await, png(600));
        assert!(
            !app.state.settings.files_dir().exists(),
            "no folder holds uploads"
        );

        // The citizen downloads it from the bucket through the case.
        let download = app.url(&format!("/vorgaenge/{case}/dateien/{}", keys[0]));
        let response = citizen.get(&download).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.bytes().await.unwrap().to_vec(), png(600));

        // With the store down, "unavailable for now", not a server fault.
        server.stop();
        let response = citizen.get(&download).send().await.unwrap();
        assert_eq!(response.status(), 503);
    });
}

/// Uploads a photo at the vehicle step and checks the step came back saying the file
/// could not be stored, with the plate typed kept; returns how long the answer took.
async fn upload_not_stored(app: &crate::support::TestApp, citizen: &reqwest::Client) -> Duration {
    let vehicle = at_vehicle_step(app, citizen).await;
    let started = std::time::Instant::now();
    let back = post_files(
        app,
        citizen,
        &vehicle,
        vec![("schein.png", png(600))],
        "continue",
    )
    .await;
    let waited = started.elapsed();
    assert!(back.ends_with("#fehler"), "{back}");
    let (_, step) = page(citizen, app, &back).await;
    assert!(
        step.contains("konnte gerade nicht gespeichert werden"),
        "{step}"
    );
    assert!(step.contains("M-AB 1234"), "the plate typed is kept");
    waited
}

#[test]
fn a_store_that_is_down_or_silent_costs_the_file_not_the_form() {
    run(async {
        let (mut server, app, citizen) = on_a_bucket().await;
        server.stop();
        upload_not_stored(&app, &citizen).await;
        drop(server);

        // A store that takes the connection and never answers: refused after the
        // configured time, not after the citizen gave up.
        let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", silent.local_addr().unwrap());
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((connection, _)) = silent.accept().await {
                held.push(connection);
            }
        });
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        S3Server::configure_for(&mut settings, &endpoint);
        settings.object_store.timeout_seconds = 1;
        let app = spawn_with(settings, dir).await;
        let citizen = signed_in(&app, "citizen").await;
        let waited = upload_not_stored(&app, &citizen).await;
        assert!(
            waited < Duration::from_secs(15),
            "answered after {waited:?}"
        );
    });
}
