//! A service definition as department staff might write it, any bytes at all.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = forms::fuzzing::definition(data);
});
