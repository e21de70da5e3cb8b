//! A flood of the same words cannot make a report huge: each check reports at most its budget and
//! counts the rest, the report lists a bounded number of claims, and reading stops at a bound of
//! cue words, each with a warning that says how much was left out.

use std::sync::OnceLock;

use hypecheck_core::checks::MAX_FINDINGS_PER_CHECK;
use hypecheck_core::lexicon::MAX_MENTIONS;
use hypecheck_core::report::MAX_REPORTED_CLAIMS;
use hypecheck_core::{Checker, InputFormat, Options};

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(hypecheck_kb::embedded()).unwrap())
}

fn check(text: &str) -> hypecheck_core::Report {
    let options = Options {
        input_format: Some(InputFormat::Text),
        ..Options::default()
    };
    checker().check_text(text, &options).unwrap()
}

#[test]
fn repeated_hype_is_reported_up_to_the_budget_and_the_rest_counted() {
    let report = check(&"Our miracle exosomes cure arthritis.\n".repeat(2_000));
    let mut per_code = std::collections::HashMap::new();
    for f in &report.findings {
        *per_code.entry(f.code).or_insert(0usize) += 1;
    }
    assert!(per_code.values().all(|&n| n <= MAX_FINDINGS_PER_CHECK), "{per_code:?}");
    let hype = report
        .omitted
        .findings
        .iter()
        .find(|o| o.code == "HC401")
        .expect("HC401 counted");
    assert_eq!(per_code["HC401"] + hype.count, 2_000);
    assert!(report
        .input
        .warnings
        .iter()
        .any(|w| w.contains(&format!("{} further HC401", hype.count))));
    assert!(report.claims.len() <= MAX_REPORTED_CLAIMS);
    assert_eq!(report.omitted.claims, 2_000 - MAX_REPORTED_CLAIMS);
}

#[test]
fn a_flood_of_cue_words_is_read_up_to_a_bound_with_a_warning() {
    let report = check(&"cure ".repeat(MAX_MENTIONS + 10_000));
    let warning = report
        .input
        .warnings
        .iter()
        .find(|w| w.contains("more cue words than any prose"));
    assert!(warning.is_some(), "{:?}", report.input.warnings);
    assert!(warning.unwrap().contains(&MAX_MENTIONS.to_string()));
    // An ordinary text is read whole, without that warning.
    let report = check(&"Exosomes may help some patients, a small trial found.\n".repeat(100));
    assert!(report.input.warnings.is_empty(), "{:?}", report.input.warnings);
    assert!(report.omitted.findings.is_empty() && report.omitted.claims == 0);
}

#[test]
fn a_cancelled_analysis_stops_with_its_own_error() {
    let cancel = hypecheck_core::Cancel::new();
    let options = Options {
        cancel: Some(cancel.clone()),
        ..Options::default()
    };
    let text = "Our miracle exosomes cure arthritis.\n".repeat(100);
    assert!(checker().check_text(&text, &options).is_ok());
    cancel.cancel();
    assert_eq!(
        checker().check_text(&text, &options).unwrap_err(),
        hypecheck_core::InputError::Cancelled
    );
}
