//! Form posts as a browser or a stranger sends them, against the demo services.
#![no_main]

use std::sync::LazyLock;

static SERVICES: LazyLock<Vec<std::sync::Arc<forms::definition::ServiceDefinition>>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../services");
    let (catalogue, _) = forms::loader::load_dir(&dir);
    catalogue.services.into_iter().map(|s| s.definition).collect()
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = forms::fuzzing::form_data(&SERVICES, data);
});
