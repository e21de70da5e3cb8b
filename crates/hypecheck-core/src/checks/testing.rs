//! Test helpers: run the shipped pipeline (embedded lexicons, knowledge base and models, the same
//! claim strength a report gets) on a short text and one check over its analysis.

use std::sync::OnceLock;

use crate::checks::{run_all, Check, Finding, FindingSink, Question, ReviewersReading, MAX_FINDINGS_PER_CHECK};
use crate::{Checker, Language};

/// The shipped checker (for tests that need the whole report, as checks that read the criteria).
pub fn shipped() -> &'static Checker {
    checker()
}

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(hypecheck_kb::embedded()).expect("the embedded data load"))
}

/// The findings of one check on `text` and the excerpt each points at.
fn run_with(check: &dyn Check, text: &str, language: Language) -> Vec<(Finding, String)> {
    checker().inspect(text, language, |a| {
        let mut out = FindingSink::new(MAX_FINDINGS_PER_CHECK);
        check.run(a, &mut out);
        out.into_findings()
            .into_iter()
            .map(|f| {
                let excerpt = a.doc.text[f.span.start..f.span.end].to_string();
                (f, excerpt)
            })
            .collect()
    })
}

/// Findings of one check on an English `text`.
pub fn run(check: &dyn Check, text: &str) -> Vec<Finding> {
    run_with(check, text, Language::En)
        .into_iter()
        .map(|(f, _)| f)
        .collect()
}

/// The excerpts the check flags in `text`.
pub fn flagged(check: &dyn Check, text: &str) -> Vec<String> {
    run_with(check, text, Language::En)
        .into_iter()
        .map(|(_, e)| e)
        .collect()
}

/// The excerpts the check flags in a German `text`.
pub fn flagged_de(check: &dyn Check, text: &str) -> Vec<String> {
    run_with(check, text, Language::De)
        .into_iter()
        .map(|(_, e)| e)
        .collect()
}

/// The excerpts a second-phase check flags in an English `text`, after every first-phase check
/// ran as it ships, given the reviewers' model's probability that the text falls short on risks:
/// for checks whose input is that probability, so that their logic is tested apart from the
/// model's weights.
pub fn flagged_on_reading(check: &dyn Check, text: &str, short_of_risks: f64) -> Vec<String> {
    let reading = ReviewersReading {
        short_of: vec![(Question::Risks, short_of_risks)],
    };
    checker().inspect(text, Language::En, |a| {
        let (findings, _) = run_all(a, &|| false, &[]);
        let mut out = FindingSink::new(MAX_FINDINGS_PER_CHECK);
        check.run_on_reading(a, &findings, &reading, &mut out);
        out.into_findings()
            .into_iter()
            .map(|f| a.doc.text[f.span.start..f.span.end].to_string())
            .collect()
    })
}
