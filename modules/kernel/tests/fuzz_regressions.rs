//! Replays the multipart fuzz target's seeds (`fuzz/seeds/multipart`) and every input it
//! ever crashed on (`fuzz/regressions/multipart`) through the same function
//! (`kernel::upload::fuzzing`): each must return, and the seed reads as it should.

#![cfg(feature = "ssr")]

use std::path::Path;

fn inputs(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| std::fs::read(p).unwrap_or_default())
        .collect()
}

#[test]
fn post_bodies_the_fuzzer_starts_from_or_crashed_on() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = kernel::storage::LocalFileStore::new(dir.path());
    let seeds = inputs(&root.join("seeds/multipart"));
    assert!(!seeds.is_empty());
    for seed in &seeds {
        // The seed: a text field and a PNG, both read.
        assert_eq!(kernel::upload::fuzzing::multipart(&store, seed), Some(2));
    }
    for input in inputs(&root.join("regressions/multipart")) {
        let _ = kernel::upload::fuzzing::multipart(&store, &input);
    }
    // A body that ends before its closing boundary is refused, not read.
    assert_eq!(
        kernel::upload::fuzzing::multipart(&store, b"\0--X\r\nbroken"),
        None
    );
}
