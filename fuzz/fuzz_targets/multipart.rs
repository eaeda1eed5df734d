//! A post body as any client may send it, read the way form steps read uploads.
#![no_main]

use std::sync::LazyLock;

static STORE: LazyLock<(tempfile::TempDir, kernel::storage::LocalFileStore)> =
    LazyLock::new(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let store = kernel::storage::LocalFileStore::new(dir.path());
        (dir, store)
    });

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = kernel::upload::fuzzing::multipart(&STORE.1, data);
});
