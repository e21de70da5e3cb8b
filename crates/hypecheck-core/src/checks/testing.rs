//! Test helpers: run the real pipeline (embedded lexicons and knowledge base) on a short text.

use std::sync::OnceLock;

use crate::analysis::Analysis;
use crate::checks::{Check, Finding};
use crate::document::Document;
use crate::lexicon::{Lexicon, Matcher};
use hypecheck_kb::KnowledgeBase;

fn setup() -> &'static (KnowledgeBase, Matcher) {
    static SETUP: OnceLock<(KnowledgeBase, Matcher)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let kb = hypecheck_kb::embedded();
        let matcher = Matcher::new(&Lexicon::embedded("en").unwrap(), &kb);
        (kb, matcher)
    })
}

/// Findings of one check on `text`.
pub fn run(check: &dyn Check, text: &str) -> Vec<Finding> {
    let (kb, matcher) = setup();
    let doc = Document::new(text.to_string());
    let a = Analysis::run(&doc, kb, matcher);
    let mut out = Vec::new();
    check.run(&a, &mut out);
    out
}

/// The excerpts the check flags in `text`.
pub fn flagged(check: &dyn Check, text: &str) -> Vec<String> {
    run(check, text)
        .iter()
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}
