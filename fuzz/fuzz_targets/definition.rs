//! A service definition as department staff might write it, any bytes at all: loading
//! must answer with the definition or a problem, and checking a loaded one must finish.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(service) = forms::loader::parse(std::path::Path::new("fuzz.toml"), text) {
        let _ = forms::check::check(&service.definition);
    }
});
