//! Any text as a lexicon file: a lexicon (whose matcher then runs on the same text) or an error,
//! never a panic.
#![no_main]

use hypecheck_core::lexicon::{Lexicon, Matcher};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in ["en", "de"] {
        if let Ok(lexicon) = Lexicon::from_files(lang, [("fuzz.toml", text)]) {
            let kb = hypecheck_kb::embedded();
            let matcher = Matcher::new(&lexicon, &kb);
            for m in matcher.find(text) {
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }
});
