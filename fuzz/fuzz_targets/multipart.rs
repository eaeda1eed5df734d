//! A post body as any client may send it, read the way form steps read uploads:
//! multipart with files streamed into the file store, or URL-encoded. It must end in
//! the post or a refusal with a status, never a panic; the first bytes choose the
//! content type so that both readers and broken boundaries are reached.
#![no_main]

use std::sync::LazyLock;

use axum::{body::Body, http::Request};
use libfuzzer_sys::fuzz_target;

static STORE: LazyLock<(tempfile::TempDir, kernel::storage::LocalFileStore)> =
    LazyLock::new(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let store = kernel::storage::LocalFileStore::new(dir.path());
        (dir, store)
    });

const CONTENT_TYPES: [&str; 4] = [
    "multipart/form-data; boundary=X",
    "multipart/form-data; boundary=\"a b\"",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, body)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(choice) % CONTENT_TYPES.len()];
    let Ok(request) = Request::post("/")
        .header("content-type", content_type)
        .body(Body::from(body.to_vec()))
    else {
        return;
    };
    let accept = vec!["image/jpeg".to_owned(), "image/png".to_owned(), "application/pdf".to_owned()];
    let wants = |name: &str| {
        (name == "file").then_some(kernel::upload::Limits {
            max_kb: 64,
            accept: &accept,
        })
    };
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        return;
    };
    let _ = runtime.block_on(kernel::upload::read(request, wants, Some(&STORE.1)));
});
