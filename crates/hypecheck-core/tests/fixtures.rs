//! End-to-end tests over the fixtures in `tests/fixtures`: the verdicts a careful reader gives
//! (`expected.toml`), snapshots of the JSON reports, and the origin article.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use hypecheck_core::{Checker, Options, Report};

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(hypecheck_kb::embedded()).unwrap())
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check_file(path: &std::path::Path) -> Report {
    let bytes = std::fs::read(path).unwrap();
    checker().check_bytes(&bytes, &Options::default()).unwrap()
}

#[derive(serde::Deserialize)]
struct Expected {
    fixture: BTreeMap<String, ExpectedVerdicts>,
}

#[derive(serde::Deserialize)]
struct ExpectedVerdicts {
    evidence: String,
    approval: String,
    risks: String,
    language: String,
    compliance: bool,
    why: String,
}

#[test]
fn fixtures_get_the_verdicts_a_careful_reader_gives() {
    let dir = root().join("tests/fixtures");
    let expected: Expected = toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    assert!(expected.fixture.len() >= 8);
    let mut mismatches = Vec::new();
    for (name, want) in &expected.fixture {
        let report = check_file(&dir.join(name));
        let q = &report.questions;
        let got = [
            ("evidence", q.evidence.verdict.as_str(), want.evidence.as_str()),
            ("approval", q.approval.verdict.as_str(), want.approval.as_str()),
            ("risks", q.risks.verdict.as_str(), want.risks.as_str()),
            ("language", q.language.verdict.as_str(), want.language.as_str()),
        ];
        for (question, got, want_v) in got {
            if got != want_v {
                mismatches.push(format!("{name}: {question} = {got}, expected {want_v} ({})", want.why));
            }
        }
        if report.compliance.found != want.compliance {
            mismatches.push(format!(
                "{name}: compliance = {}, expected {}",
                report.compliance.found, want.compliance
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn json_reports_of_fixtures_match_snapshots() {
    let dir = root().join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".html"))
        .filter(|n| n != "README.md")
        .collect();
    names.sort();
    for name in names {
        let report = check_file(&dir.join(&name));
        insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_json_snapshot!(name.clone(), report, {".tool.version" => "[version]"});
        });
    }
}

#[test]
fn origin_article_is_judged_sober() {
    let report = check_file(&root().join("examples/exosomes-article.txt"));
    let q = &report.questions;
    for (name, v) in report.questions.iter() {
        assert_ne!(v.verdict.as_str(), "fail", "{name:?} failed: {:#?}", report.findings);
    }
    assert_eq!(q.approval.verdict.as_str(), "pass");
    assert_eq!(q.risks.verdict.as_str(), "pass");
    assert_eq!(q.language.verdict.as_str(), "pass");
    assert!(
        !report.compliance.found,
        "{:#?}",
        report
            .findings
            .iter()
            .filter(|f| f.question.as_str() == "compliance")
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_finding_span_is_exact_and_sources_are_cited() {
    let dir = root().join("tests/fixtures");
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e == "toml") || path.file_name().unwrap() == "README.md" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let ingested = hypecheck_core::ingest::ingest(&bytes, None, 1 << 24).unwrap();
        let report = check_file(&path);
        for f in &report.findings {
            let text = &ingested.text[f.span.start..f.span.end];
            assert!(
                f.excerpt
                    .starts_with(text.chars().take(200).collect::<String>().trim_end())
                    || text.len() > 240
            );
            assert!(
                !f.message.is_empty() && !f.message.starts_with("hc"),
                "unresolved message {}",
                f.message
            );
            for s in &f.sources {
                assert!(
                    !s.as_of.is_empty() && !s.citations.is_empty(),
                    "{}: source {} lacks citation",
                    f.code,
                    s.id
                );
            }
        }
    }
}
