//! Replays what the fuzz targets start from (`fuzz/seeds/`, the demo definitions) and
//! every input they ever crashed on (`fuzz/regressions/`), through the same functions
//! (`forms::fuzzing`): each must return, and the seeds give their known results.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files in `dir`, none when it does not exist.
fn inputs(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_default();
            (p, bytes)
        })
        .collect()
}

#[test]
fn definitions_the_fuzzer_starts_from_or_crashed_on() {
    let seeds = inputs(&root().join("services"));
    let seeds: Vec<_> = seeds
        .into_iter()
        .filter(|(p, _)| {
            p.extension().is_some_and(|e| e == "toml")
                && !p.to_string_lossy().ends_with(".process.toml")
        })
        .collect();
    assert!(seeds.len() >= 6, "the demo definitions are the seeds");
    for (path, bytes) in &seeds {
        assert!(
            forms::fuzzing::definition(bytes),
            "{} loads",
            path.display()
        );
    }
    for (_, bytes) in inputs(&root().join("fuzz/regressions/definition")) {
        let _ = forms::fuzzing::definition(&bytes);
    }
    assert!(!forms::fuzzing::definition(b"id = [\"unclosed"));
    assert!(!forms::fuzzing::definition(&[0xff, 0xfe, 0x00]));
}

#[test]
fn form_posts_the_fuzzer_starts_from_or_crashed_on() {
    let (catalogue, _) = forms::loader::load_dir(&root().join("services"));
    let services: Vec<_> = catalogue
        .services
        .into_iter()
        .map(|s| s.definition)
        .collect();
    let seeds = inputs(&root().join("fuzz/seeds/form_data"));
    assert!(seeds.len() >= 2);
    for (_, bytes) in seeds {
        let _ = forms::fuzzing::form_data(&services, &bytes);
    }
    for (_, bytes) in inputs(&root().join("fuzz/regressions/form_data")) {
        let _ = forms::fuzzing::form_data(&services, &bytes);
    }
    // An empty post leaves every required field of a service unanswered.
    assert!(forms::fuzzing::form_data(&services, &[0]) > 0);
}
