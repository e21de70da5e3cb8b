//! Any text as a knowledge-base file, alone and beside the shipped hosts table: a knowledge base
//! or validation errors with a file and line, never a panic.
#![no_main]

use hypecheck_kb::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

const HOSTS: &str = include_str!("../../data/kb/citation-hosts.toml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(errors) = KnowledgeBase::from_files([("hosts.toml", HOSTS), ("fuzz.toml", text)]) {
        assert!(!errors.is_empty());
        for e in &errors {
            assert!(!e.message.is_empty());
        }
    }
});
