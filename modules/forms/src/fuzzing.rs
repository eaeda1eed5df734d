//! What the fuzz targets (`fuzz/`) feed strangers' input to, shared with the tests that
//! replay their seeds and every crash they found (`tests/fuzz_regressions.rs`), so both
//! exercise exactly the same code. Each function must return, never panic.

use std::{path::Path, sync::Arc};

use crate::{answers, definition::ServiceDefinition, loader};

/// A service definition as staff might write it: loaded, then checked. `true` when
/// it loaded.
pub fn definition(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    match loader::parse(Path::new("fuzz.toml"), text) {
        Ok(service) => {
            let _ = crate::check::check(&service.definition);
            true
        }
        Err(_) => false,
    }
}

/// A form post (`name=value&…`) for the definition `data[0]` picks among `services`:
/// every step read and validated, then all at once. Returns how many problems the
/// final check found.
pub fn form_data(services: &[Arc<ServiceDefinition>], data: &[u8]) -> usize {
    let Some((&choice, post)) = data.split_first() else {
        return 0;
    };
    let Some(definition) = services.get(usize::from(choice) % services.len().max(1)) else {
        return 0;
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(post).into_owned().collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    let mut answers = answers::Answers::new();
    for (index, step) in definition.steps.iter().enumerate() {
        answers = answers::read_step(step, &pairs, &answers);
        let _ = crate::validate_step(definition, index, &answers, today);
    }
    let _ = crate::visible_answers(definition, &answers, today);
    crate::validate_all(definition, &answers, today).len()
}
