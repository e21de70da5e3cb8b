//! Any text as the configuration file: a configuration or an error that names what is wrong,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/hypecheck-cli/src/config.rs"]
#[allow(dead_code)]
mod config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match config::parse(text, std::path::Path::new("/etc/hypecheck")) {
        Ok(c) => {
            for p in [&c.encoder, &c.deep_model, &c.vocabulary, &c.kb].into_iter().flatten() {
                assert!(p.is_absolute(), "{p:?} was not resolved against the file's directory");
            }
        }
        Err(e) => assert!(!e.to_string().trim().is_empty()),
    }
});
