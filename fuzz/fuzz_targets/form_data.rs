//! Form posts as a browser or a stranger sends them (`name=value&…`), against the demo
//! services' definitions: reading every step's answers and validating them, each step
//! and all at once, must never panic, whatever arrives.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static SERVICES: LazyLock<Vec<forms::definition::ServiceDefinition>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../services");
    let (catalogue, _) = forms::loader::load_dir(&dir);
    catalogue.services.into_iter().map(|s| s.definition).collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&choice, post)) = data.split_first() else {
        return;
    };
    let Some(definition) = SERVICES.get(usize::from(choice) % SERVICES.len().max(1)) else {
        return;
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(post).into_owned().collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    let mut answers = forms::answers::Answers::new();
    for (index, step) in definition.steps.iter().enumerate() {
        answers = forms::answers::read_step(step, &pairs, &answers);
        let _ = forms::validate_step(definition, index, &answers, today);
    }
    let _ = forms::validate_all(definition, &answers, today);
    let _ = forms::visible_answers(definition, &answers, today);
});
