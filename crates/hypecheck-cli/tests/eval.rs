//! `hypecheck eval` on the shared evaluation data: the measured agreement must not fall below the
//! floor recorded in the README (deterministic, so a drop is a regression, not noise).

mod common;
use common::encoder_installed;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared/data is missing beside the checkout: {}",
        dir.display()
    );
    // Straight to stderr: the test harness hides eprintln! of a passing test.
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "SKIPPED: shared/data not found at {}", dir.display());
    None
}

/// Runs `hypecheck eval DATASET FILE --format json --predictions TMP [EXTRA...]` and returns the
/// JSON summary and the prediction lines.
fn run_eval(dataset: &str, file: &Path, extra: &[&str]) -> (serde_json::Value, Vec<serde_json::Value>) {
    let predictions = std::env::temp_dir().join(format!(
        "hypecheck-{dataset}-{}-{}.jsonl",
        extra.join(""),
        std::process::id()
    ));
    let out = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args([
            "eval",
            dataset,
            file.to_str().unwrap(),
            "--format",
            "json",
            "--predictions",
        ])
        .arg(&predictions)
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = serde_json::from_slice(&out.stdout).unwrap();
    let lines = std::fs::read_to_string(&predictions)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    std::fs::remove_file(&predictions).ok();
    (summary, lines)
}

/// Cross-validated macro-F1 of the shipped claim strength (model and rules combined), 5 folds,
/// as measured on 2026-11-25 (0.741); the target is 0.80.
const CLAIM_STRENGTH_CV_MACRO_F1_FLOOR: f64 = 0.73;
/// The rules alone, the baseline (0.619).
const CLAIM_STRENGTH_RULES_MACRO_F1_FLOOR: f64 = 0.61;

fn check_claim_predictions(v: &serde_json::Value, lines: &[serde_json::Value]) {
    let n = v["n"].as_u64().unwrap();
    assert_eq!(n, 1862);
    assert_eq!(lines.len() as u64, n);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["index"].as_u64(), Some(i as u64));
        assert!(l["label"].as_u64().unwrap() <= 3);
    }
}

#[test]
fn claim_strength_cross_validated_does_not_regress() {
    let Some(data) = shared_data() else { return };
    let (v, lines) = run_eval("claim-strength", &data.join("claim-strength/dev.csv"), &["--cv", "5"]);
    check_claim_predictions(&v, &lines);
    let macro_f1 = v["macro_f1"].as_f64().unwrap();
    assert!(
        macro_f1 >= CLAIM_STRENGTH_CV_MACRO_F1_FLOOR,
        "cross-validated macro-F1 {macro_f1:.3} fell below {CLAIM_STRENGTH_CV_MACRO_F1_FLOOR}"
    );
    // Every class is found, the rare conditional-causal one included.
    for class in v["per_class"].as_array().unwrap() {
        assert!(class["f1"].as_f64().unwrap() > 0.55, "{class}");
    }
}

#[test]
fn claim_strength_rules_alone_do_not_regress() {
    let Some(data) = shared_data() else { return };
    let (v, lines) = run_eval("claim-strength", &data.join("claim-strength/dev.csv"), &["--rules"]);
    check_claim_predictions(&v, &lines);
    let macro_f1 = v["macro_f1"].as_f64().unwrap();
    assert!(
        macro_f1 >= CLAIM_STRENGTH_RULES_MACRO_F1_FLOOR,
        "macro-F1 {macro_f1:.3} fell below {CLAIM_STRENGTH_RULES_MACRO_F1_FLOOR}"
    );
}

/// Cross-validated mean macro-F1 over the ten criteria as shipped (model on seven, rules on three),
/// measured on 2026-12-01 (0.467; 0.478 before the checks of the four questions were rebuilt);
/// the target of the expert-criteria issue was 0.70.
const HNR_CV_MEAN_MACRO_F1_FLOOR: f64 = 0.46;
/// Cohen's kappa per criterion that issue named, measured cross-validated on 2026-12-01 (costs
/// 0.274, harms 0.358, evidence 0.261, conflicts 0.341, availability 0.181, sensational language
/// 0.224); its target was 0.40 on each.
const HNR_CV_KAPPA_FLOORS: [(&str, f64); 6] = [
    ("costs", 0.26),
    ("harms", 0.34),
    ("evidence", 0.24),
    ("conflicts", 0.32),
    ("availability", 0.17),
    ("sensational_language", 0.20),
];
/// The rules alone (0.415 on 2026-12-01; 0.389 before).
const HNR_RULES_MEAN_MACRO_F1_FLOOR: f64 = 0.40;

/// The four questions against the reviewers' criteria (a verdict of concern or fail = flags a
/// shortcoming), 5-fold cross-validated (the criteria model that risks reads through HC305 and
/// HC306 trained inside the folds), measured on 2026-12-02: (question, balanced accuracy, kappa):
/// evidence 0.718 / 0.342 (0.715 / 0.354 before study sizes were read with describing words and
/// number words: "14 advanced-stage cancer patients", "five volunteers"), risks 0.781 / 0.469
/// (0.735 / 0.375 with the rules alone, 0.749 / 0.435 before HC306, 0.771 / 0.452 before "no
/// complications were reported" stopped counting as a promise), language 0.616 / 0.223 (0.612 /
/// 0.213 before the FDA's "protects the public health" stopped counting as a causal claim);
/// on 2026-12-04 language 0.668 / 0.320 (0.640 / 0.273 from a cure as a goal or name, "forever
/// grateful" and "overnight stay" no longer read as promises; the rest from HC406, a headline
/// stating cause and effect), risks 0.779 / 0.463 (the retrained criteria model moved one
/// release); on 2026-12-07 risks 0.785 / 0.469 and language 0.684 / 0.345 (claims seen about any
/// state of health, "curcumin boosts memory", not only about conditions the knowledge base
/// knows; a product's harms never "not at issue"; HC305 firmer over harms counted). Before the
/// rebuild they were evidence 0.544 /
/// 0.046, risks 0.472 / -0.023, language 0.608 / 0.224. The target is 0.75 / 0.45 on
/// each; risks reaches it.
const QUESTION_FLOORS: [(&str, f64, f64); 3] = [
    ("evidence", 0.71, 0.33),
    ("risks", 0.78, 0.46),
    ("language", 0.675, 0.335),
];

#[test]
fn the_four_questions_agree_with_the_experts_at_least_as_measured() {
    let Some(data) = shared_data() else { return };
    let (v, lines) = run_eval("questions", &data.join("hnr-releases/dev.jsonl"), &["--cv", "5"]);
    assert_eq!(v["items"], 352);
    assert_eq!(v["trained_on_these_items"], false, "cross-validated");
    assert_eq!(lines.len(), 352, "one prediction line per release");
    for l in &lines {
        for q in ["evidence", "approval", "risks", "language"] {
            let verdict = l["questions"][q].as_str().unwrap();
            assert!(["pass", "concern", "fail", "not_applicable"].contains(&verdict), "{l}");
        }
    }
    let questions = v["questions"].as_array().unwrap();
    for (question, balanced, kappa) in QUESTION_FLOORS {
        let q = questions.iter().find(|q| q["question"] == question).unwrap();
        let got_b = q["balanced_accuracy"].as_f64().unwrap();
        let got_k = q["kappa"].as_f64().unwrap();
        assert!(
            got_b >= balanced,
            "{question}: balanced accuracy {got_b:.3} fell below {balanced}"
        );
        assert!(got_k >= kappa, "{question}: kappa {got_k:.3} fell below {kappa}");
        let rated = q["rated"].as_u64().unwrap();
        let cells = ["true_positives", "false_negatives", "false_positives", "true_negatives"]
            .iter()
            .map(|k| q[k].as_u64().unwrap())
            .sum::<u64>();
        assert_eq!(
            cells, rated,
            "{question}: the confusion table covers every rated release"
        );
    }
}

fn check_hnr_predictions(file: &Path, v: &serde_json::Value, predicted: &[serde_json::Value]) {
    assert_eq!(v["items"], 352);
    assert_eq!(v["criteria"].as_array().unwrap().len(), 10);
    let ids: Vec<String> = std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(predicted.len(), ids.len());
    for (p, id) in predicted.iter().zip(&ids) {
        assert_eq!(p["id"].as_str(), Some(id.as_str()));
        assert_eq!(p["criteria"].as_object().unwrap().len(), 10);
    }
}

#[test]
fn hnr_criteria_cross_validated_do_not_regress() {
    let Some(data) = shared_data() else { return };
    let file = data.join("hnr-releases/dev.jsonl");
    let (v, predicted) = run_eval("hnr", &file, &["--cv", "5"]);
    check_hnr_predictions(&file, &v, &predicted);
    // Each learned criterion's out-of-fold class probabilities, for thresholds to be tried on
    // them; the class predicted is the most probable one.
    for p in &predicted {
        let probabilities = p["probabilities"].as_object().expect("probabilities with --cv");
        assert_eq!(probabilities.len(), 7, "the learned criteria: {p}");
        for (key, by_class) in probabilities {
            let by_class = by_class.as_object().unwrap();
            let sum: f64 = by_class.values().map(|x| x.as_f64().unwrap()).sum();
            assert!((sum - 1.0).abs() < 1e-3, "{key}: {sum}");
            // Probabilities are written to four decimals, so two classes may tie there.
            let most = by_class.values().map(|x| x.as_f64().unwrap()).fold(0.0, f64::max);
            let chosen = p["criteria"][key].as_str().unwrap();
            let chosen = by_class[chosen].as_f64().unwrap();
            assert!(most - chosen <= 1e-4, "{key}: not the most probable class: {p}");
        }
    }
    let mean = v["mean_macro_f1"].as_f64().unwrap();
    assert!(
        mean >= HNR_CV_MEAN_MACRO_F1_FLOOR,
        "cross-validated mean macro-F1 {mean:.3} fell below {HNR_CV_MEAN_MACRO_F1_FLOOR}"
    );
    let criteria = v["criteria"].as_array().unwrap();
    for (key, floor) in HNR_CV_KAPPA_FLOORS {
        let c = criteria.iter().find(|c| c[0] == key).unwrap();
        let kappa = c[1]["kappa"].as_f64().unwrap();
        assert!(kappa >= floor, "{key}: kappa {kappa:.3} fell below {floor}");
    }
}

#[test]
fn hnr_criteria_rules_alone_do_not_regress() {
    let Some(data) = shared_data() else { return };
    let file = data.join("hnr-releases/dev.jsonl");
    let (v, predicted) = run_eval("hnr", &file, &["--rules"]);
    check_hnr_predictions(&file, &v, &predicted);
    let mean = v["mean_macro_f1"].as_f64().unwrap();
    assert!(
        mean >= HNR_RULES_MEAN_MACRO_F1_FLOOR,
        "mean macro-F1 {mean:.3} fell below {HNR_RULES_MEAN_MACRO_F1_FLOOR}"
    );
}

#[test]
fn training_reproduces_the_committed_models_byte_for_byte() {
    let Some(data) = shared_data() else { return };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["train", "--check", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(root.join("data/models"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}\nretrain with `cargo run --release -- train` and commit data/models",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.matches("reproduced byte for byte").count(), 2, "{stdout}");
}

#[test]
fn text_output_gives_every_criterion_with_its_confusion_matrix() {
    let Some(data) = shared_data() else { return };
    let few: String = std::fs::read_to_string(data.join("hnr-releases/dev.jsonl"))
        .unwrap()
        .lines()
        .take(12)
        .map(|l| format!("{l}\n"))
        .collect();
    let file = std::env::temp_dir().join(format!("hypecheck-few-{}.jsonl", std::process::id()));
    std::fs::write(&file, few).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["eval", "hnr", file.to_str().unwrap(), "--cv", "3"])
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("HealthNewsReview criteria: 12 releases"), "{text}");
    assert!(text.contains("confusion per criterion"), "{text}");
    for key in ["costs", "sensational_language", "disease_mongering"] {
        // One table row and one confusion row per criterion, the latter with 9 counts summing to 12.
        let rows: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with(key)).collect();
        assert_eq!(rows.len(), 2, "{key}: {rows:?}");
        let counts: Vec<usize> = rows[1].split_whitespace().filter_map(|t| t.parse().ok()).collect();
        assert_eq!(counts.len(), 9, "{key}: {}", rows[1]);
        assert_eq!(counts.iter().sum::<usize>(), 12, "{key}: {}", rows[1]);
    }
}

#[test]
fn deep_claim_strength_is_cross_validated_on_a_small_file() {
    let Some(data) = shared_data() else { return };
    if !encoder_installed() {
        return;
    }
    // 48 sentences spread over the file (it is sorted by class), two folds, one pass: the whole
    // deep path in seconds.
    let dev = std::fs::read_to_string(data.join("claim-strength/dev.csv")).unwrap();
    let lines: Vec<&str> = dev.lines().collect();
    let stride = (lines.len() - 1) / 48;
    let small: String = std::iter::once(lines[0])
        .chain(lines[1..].iter().step_by(stride).take(48).copied())
        .map(|l| format!("{l}\n"))
        .collect();
    let file = std::env::temp_dir().join(format!("hypecheck-deep-{}.csv", std::process::id()));
    std::fs::write(&file, small).unwrap();
    let (v, lines) = run_eval("claim-strength", &file, &["--deep", "--cv", "2", "--epochs", "1"]);
    assert_eq!(v["n"], 48);
    assert_eq!(lines.len(), 48);
    assert!(lines.iter().all(|l| l["label"].as_u64().unwrap() < 4));
    // Without --cv the shipped deep model answers (a fit on these sentences, which it was trained
    // on): it must agree with their labels far better than chance.
    let (fit, lines) = run_eval("claim-strength", &file, &["--deep"]);
    assert_eq!(lines.len(), 48);
    assert!(fit["macro_f1"].as_f64().unwrap() > 0.6, "{fit}");
    std::fs::remove_file(&file).ok();
}
