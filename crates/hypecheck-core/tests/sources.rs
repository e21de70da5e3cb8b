//! What a reader is told about approval and where it comes from: the authority, product, date and
//! use an approval covers; originals as citations, copies only as provenance; facts known from
//! secondary reports alone said to be so.

use hypecheck_core::{Checker, Options, Report};

fn check(text: &str) -> Report {
    Checker::new(hypecheck_kb::embedded())
        .unwrap()
        .check_text(text, &Options::default())
        .unwrap()
}

fn message(report: &Report, code: &str) -> String {
    report
        .findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| {
            panic!(
                "no {code} in {:?}",
                report.findings.iter().map(|f| f.code).collect::<Vec<_>>()
            )
        })
        .message
        .clone()
}

#[test]
fn a_false_approval_claim_names_what_is_approved_by_whom_for_what() {
    let report = check("Our FDA-approved stem cell therapy regrows cartilage in knee osteoarthritis.");
    let text = message(&report, "HC201");
    for part in ["Ryoncil", "FDA, 2024-12-18", "graft-versus-host", "osteoarthritis"] {
        assert!(text.contains(part), "{part:?} missing from {text}");
    }
    assert!(!text.contains("no approval exists"), "{text}");
    // Exosomes have no approved product: nothing to name.
    let report = check("Our FDA-approved exosome therapy rejuvenates your skin.");
    assert!(message(&report, "HC201").contains("no approval exists"));
}

#[test]
fn an_approved_product_claimed_for_another_use_is_told_its_approved_use() {
    let report = check("Ryoncil is FDA approved for knee osteoarthritis and regrows cartilage.");
    let text = message(&report, "HC202");
    for part in [
        "FDA, 2024-12-18",
        "graft-versus-host",
        "osteoarthritis is not one of them",
    ] {
        assert!(text.contains(part), "{part:?} missing from {text}");
    }
}

#[test]
fn citations_link_originals_and_keep_copies_as_provenance_only() {
    // Risks left unnamed for a product whose documented harms include one known from secondary
    // reports alone (XOsomes and the Nebraska cases).
    let report = check("XOsomes exosomes cure arthritis and are completely safe. Our exosomes are FDA approved.");
    let citations: Vec<_> = report
        .findings
        .iter()
        .flat_map(|f| f.sources.iter())
        .flat_map(|s| s.citations.iter())
        .collect();
    assert!(!citations.is_empty());
    for c in &citations {
        if let (Some(url), Some(copy)) = (&c.url, &c.checked_in) {
            assert_ne!(url, copy, "{}: the copy is the citation", c.id);
        }
        if let Some(url) = &c.url {
            let host = hypecheck_kb::citation::host_of(url).unwrap();
            assert!(
                hypecheck_kb::embedded().citation_hosts().allows(c.kind, host),
                "{}: {host}",
                c.id
            );
        }
    }
    // A fact whose sources are all without an original says so in its statement.
    let secondary: Vec<_> = report
        .findings
        .iter()
        .flat_map(|f| f.sources.iter())
        .filter(|s| s.verification == hypecheck_kb::Verification::Secondary)
        .collect();
    assert!(
        !secondary.is_empty(),
        "the text should surface a fact known from secondary reports alone"
    );
    for s in &secondary {
        assert!(
            s.statement.starts_with("According to a secondary report"),
            "{}",
            s.statement
        );
        assert!(s.citations.iter().all(|c| c.url.is_none()), "{}", s.id);
    }
}
