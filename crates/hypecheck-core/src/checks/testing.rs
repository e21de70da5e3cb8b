//! Test helpers: run the real pipeline (embedded lexicons and knowledge base) on a short text.

use std::sync::OnceLock;

use crate::analysis::Analysis;
use crate::checks::{Check, Finding};
use crate::document::Document;
use crate::lexicon::{Lexicon, Matcher};
use hypecheck_kb::KnowledgeBase;

struct Setup {
    kb: KnowledgeBase,
    english: Matcher,
    german: Matcher,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let kb = hypecheck_kb::embedded();
        let english = Matcher::new(&Lexicon::embedded("en").unwrap(), &kb);
        let german = Matcher::new(&Lexicon::embedded("de").unwrap(), &kb);
        Setup { kb, english, german }
    })
}

/// Findings of one check on an English `text`.
pub fn run(check: &dyn Check, text: &str) -> Vec<Finding> {
    run_with(check, text, &setup().english)
}

/// Findings of one check on a German `text`.
pub fn run_de(check: &dyn Check, text: &str) -> Vec<Finding> {
    run_with(check, text, &setup().german)
}

/// The excerpts the check flags in a German `text`.
pub fn flagged_de(check: &dyn Check, text: &str) -> Vec<String> {
    run_de(check, text)
        .iter()
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

fn run_with(check: &dyn Check, text: &str, matcher: &Matcher) -> Vec<Finding> {
    let kb = &setup().kb;
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
