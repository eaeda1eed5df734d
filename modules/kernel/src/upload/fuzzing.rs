//! What the multipart fuzz target (`fuzz/`) feeds any client's post body to, shared with
//! the test that replays its seeds and crashes (`tests/fuzz_regressions.rs`). Must
//! return, never panic.

use axum::{body::Body, http::Request};

use super::Limits;
use crate::storage::FileStore;

/// Content types `data[0]` picks from, so that both readers and broken boundaries are
/// reached.
const CONTENT_TYPES: [&str; 4] = [
    "multipart/form-data; boundary=X",
    "multipart/form-data; boundary=\"a b\"",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
];

/// Reads `data[1..]` as a form step reads a post, files named `file` into `store`.
/// `Some(fields)` when the post was readable, `None` when refused with a status.
pub fn multipart(store: &dyn FileStore, data: &[u8]) -> Option<usize> {
    let (&choice, body) = data.split_first()?;
    let content_type = CONTENT_TYPES[usize::from(choice) % CONTENT_TYPES.len()];
    let request = Request::post("/")
        .header("content-type", content_type)
        .body(Body::from(body.to_vec()))
        .ok()?;
    let accept = [
        "image/jpeg".to_owned(),
        "image/png".to_owned(),
        "application/pdf".to_owned(),
    ];
    let wants = |name: &str| {
        (name == "file").then_some(Limits {
            max_kb: 64,
            accept: &accept,
        })
    };
    let runtime = tokio::runtime::Builder::new_current_thread().build().ok()?;
    let posted = runtime
        .block_on(super::read(request, wants, Some(store)))
        .ok()?;
    Some(posted.pairs.len() + posted.files.len())
}
