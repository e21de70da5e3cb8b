//! The whole analysis on any bytes: a report or an input error, never a panic; every span on the
//! analysed text's character boundaries, its excerpt the text at the span, and every check within
//! its budget of findings.
#![no_main]

use std::sync::OnceLock;

use hypecheck_core::checks::MAX_FINDINGS_PER_CHECK;
use hypecheck_core::{Checker, Options};
use libfuzzer_sys::fuzz_target;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(hypecheck_kb::embedded()).expect("embedded data"))
}

fuzz_target!(|data: &[u8]| {
    let options = Options {
        max_bytes: 1 << 20,
        ..Options::default()
    };
    let Ok(report) = checker().check_bytes(data, &options) else { return };
    let text = hypecheck_core::ingest::ingest(data, None, 1 << 20).expect("ingested once already").text;
    let mut per_code = std::collections::HashMap::new();
    for f in &report.findings {
        let (s, e) = (f.span.start, f.span.end);
        assert!(s <= e && e <= text.len(), "{s}..{e} of {}", text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        *per_code.entry(f.code).or_insert(0usize) += 1;
    }
    assert!(per_code.values().all(|&n| n <= MAX_FINDINGS_PER_CHECK));
    for c in &report.claims {
        let (s, e) = (c.span.start, c.span.end);
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e);
    }
});
