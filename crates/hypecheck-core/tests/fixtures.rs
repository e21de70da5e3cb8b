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
    /// Where hypecheck knowingly gives another verdict than the careful reader: question ->
    /// hypecheck's verdict, with the reason in `disagreement`. The careful reader's verdict stays
    /// the expectation; the entry records the miss so that it is seen, not hidden.
    #[serde(default)]
    known_miss: BTreeMap<String, String>,
    disagreement: Option<String>,
}

/// Compares every fixture in `dir` with `dir/expected.toml`; returns the mismatches.
fn verdict_mismatches(dir: &std::path::Path) -> Vec<String> {
    let expected: Expected = toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    assert!(expected.fixture.len() >= 3);
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
        assert!(
            want.known_miss.is_empty() || want.disagreement.is_some(),
            "{name}: a known miss needs its disagreement explained"
        );
        for (question, got, want_v) in got {
            match want.known_miss.get(question) {
                Some(known) if known == got && got != want_v => {
                    eprintln!("known miss: {name}: {question} = {got}, a careful reader says {want_v}");
                }
                Some(known) => mismatches.push(format!(
                    "{name}: {question} = {got}; the known miss says hypecheck gives {known} (careful reader: \
                     {want_v}): update or remove the known_miss entry"
                )),
                None if got != want_v => {
                    mismatches.push(format!("{name}: {question} = {got}, expected {want_v} ({})", want.why))
                }
                None => {}
            }
        }
        if report.compliance.found != want.compliance {
            mismatches.push(format!(
                "{name}: compliance = {}, expected {}",
                report.compliance.found, want.compliance
            ));
        }
    }
    mismatches
}

#[test]
fn fixtures_get_the_verdicts_a_careful_reader_gives() {
    let mismatches = verdict_mismatches(&root().join("tests/fixtures"));
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn german_fixtures_get_the_verdicts_a_careful_reader_gives() {
    let mismatches = verdict_mismatches(&root().join("tests/fixtures/de"));
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

fn verdicts(report: &Report) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = report.questions.iter().map(|(_, q)| q.verdict.as_str()).collect();
    v.push(if report.compliance.found {
        "compliance"
    } else {
        "no-compliance"
    });
    v
}

#[test]
fn the_same_text_in_english_and_german_gets_the_same_verdicts() {
    let dir = root().join("tests/fixtures/de");
    let mut pairs = 0;
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().to_string();
        if !(name.starts_with("pair-") && name.contains(".en.")) {
            continue;
        }
        let german = name.replace(".en.", ".de.");
        let en = check_file(&dir.join(&name));
        let de = check_file(&dir.join(&german));
        assert_eq!(en.text_language.as_str(), "en", "{name}");
        assert_eq!(de.text_language.as_str(), "de", "{german}");
        assert_eq!(verdicts(&en), verdicts(&de), "{name} vs {german}");
        pairs += 1;
    }
    assert!(pairs >= 3, "expected at least three parallel pairs, found {pairs}");
}

#[test]
fn german_reports_match_snapshots_in_both_report_languages() {
    let dir = root().join("tests/fixtures/de");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with("pair-") && (n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".html")))
        .collect();
    names.sort();
    assert!(names.len() >= 3);
    for name in names {
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        for lang in [hypecheck_core::Language::De, hypecheck_core::Language::En] {
            let options = Options {
                report_language: Some(lang),
                ..Options::default()
            };
            let report = checker().check_bytes(&bytes, &options).unwrap();
            assert_eq!(report.text_language.as_str(), "de", "{name}");
            assert_eq!(report.report_language, lang);
            let snapshot = format!("de__{name}.report-{lang}");
            insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false}, {
                insta::assert_json_snapshot!(snapshot, report, {".tool.version" => "[version]"});
            });
        }
    }
}

#[test]
fn mixed_english_and_german_text_is_read_block_by_block() {
    let text = "Our exosomes are FDA-approved and have zero side effects.\n\n\
                Unsere Exosomen sind nicht zugelassen, und es gibt Risiken wie Infektionen.\n";
    let report = checker().check_text(text, &Options::default()).unwrap();
    let langs: Vec<&str> = report.text_languages.iter().map(|l| l.as_str()).collect();
    assert!(langs.contains(&"en") && langs.contains(&"de"), "{langs:?}");
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"HC201"), "English approval claim missed: {codes:?}");
    assert!(codes.contains(&"HC205"), "German status statement missed: {codes:?}");
    assert!(codes.contains(&"HC303"), "German risk disclosure missed: {codes:?}");
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

#[test]
fn german_reports_say_everything_in_german() {
    let html = std::fs::read(root().join("tests/fixtures/de/klinik-exosomen.html")).unwrap();
    let options = Options {
        report_language: Some(hypecheck_core::Language::De),
        ..Options::default()
    };
    let report = checker().check_bytes(&html, &options).unwrap();
    assert!(!report.input.warnings.is_empty());
    for w in &report.input.warnings {
        assert!(
            !w.contains("spans refer") && !w.contains("the HTML"),
            "English warning: {w}"
        );
    }
    // The learned criteria name what weighed most, in German, for an English text as well.
    let english = checker()
        .check_text(
            "A new study shows the drug cuts migraine attacks by half. The trial was funded by the maker.",
            &options,
        )
        .unwrap();
    let reasons: Vec<&String> = english.criteria.iter().flat_map(|(_, c)| &c.reasons).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("Hinweis") || r.contains("Prüfung") || r.contains("Regelantwort")),
        "{reasons:?}"
    );
    for r in reasons {
        for english_words in ["rule answer", " cue ", "check HC", "numbers", "percentages"] {
            assert!(!r.contains(english_words), "English in a German reason: {r}");
        }
    }
}

/// `hypecheck scan` counts verdicts with `Checker::tally_bytes`, which builds no report words;
/// its columns must be those of the full report, on every fixture and on a text whose findings
/// overflow a check's budget (the omitted counts and their warnings).
#[test]
fn a_scan_tally_counts_what_the_full_report_says() {
    use hypecheck_core::report::Tally;
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/de"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html")) {
                inputs.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    let flood = "This miracle cure is a breakthrough that reverses aging in weeks. ".repeat(700);
    inputs.push(("flood".into(), flood.into_bytes()));
    assert!(inputs.len() > 30, "the fixtures were found");
    let mut overflowed = false;
    for (name, bytes) in &inputs {
        for report_language in [None, Some(hypecheck_core::Language::De)] {
            let options = Options {
                report_language,
                ..Options::default()
            };
            let report = checker().check_bytes(bytes, &options).unwrap();
            overflowed |= !report.omitted.findings.is_empty();
            let tally = checker().tally_bytes(bytes, &options).unwrap();
            assert_eq!(tally, Tally::of_report(&report), "{name}");
        }
    }
    assert!(overflowed, "one text left findings out");
}
