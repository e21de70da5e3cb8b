//! `hypecheck eval` on the shared evaluation data: the measured agreement must not fall below the
//! floor recorded in the README (deterministic, so a drop is a regression, not noise).

use std::path::PathBuf;
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
    eprintln!("SKIPPED: shared/data not found at {}", dir.display());
    None
}

/// Runs `hypecheck eval DATASET FILE --format json --predictions TMP` and returns the JSON summary
/// and the prediction lines.
fn run_eval(dataset: &str, file: &std::path::Path) -> (serde_json::Value, Vec<serde_json::Value>) {
    let predictions = std::env::temp_dir().join(format!("hypecheck-{dataset}-{}.jsonl", std::process::id()));
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

/// Macro-F1 of the rule-based claim strength on the dev file, as measured on 2026-11-25 (0.619).
const CLAIM_STRENGTH_MACRO_F1_FLOOR: f64 = 0.61;

#[test]
fn claim_strength_agreement_does_not_regress_and_predictions_keep_input_order() {
    let Some(data) = shared_data() else { return };
    let (v, lines) = run_eval("claim-strength", &data.join("claim-strength/dev.csv"));
    let n = v["n"].as_u64().unwrap();
    assert_eq!(n, 1862);
    let macro_f1 = v["macro_f1"].as_f64().unwrap();
    assert!(
        macro_f1 >= CLAIM_STRENGTH_MACRO_F1_FLOOR,
        "macro-F1 {macro_f1:.3} fell below {CLAIM_STRENGTH_MACRO_F1_FLOOR}"
    );
    assert!(macro_f1 > v["majority_macro_f1"].as_f64().unwrap() + 0.3);
    assert_eq!(lines.len() as u64, n);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["index"].as_u64(), Some(i as u64));
        assert!(l["label"].as_u64().unwrap() <= 3);
    }
}

/// Mean macro-F1 of the rule-based criteria on the HNR dev releases, measured on 2026-11-25 (0.389).
const HNR_MEAN_MACRO_F1_FLOOR: f64 = 0.38;

#[test]
fn hnr_criteria_agreement_does_not_regress_and_predictions_name_every_release() {
    let Some(data) = shared_data() else { return };
    let file = data.join("hnr-releases/dev.jsonl");
    let (v, predicted) = run_eval("hnr", &file);
    assert_eq!(v["items"], 352);
    let mean = v["mean_macro_f1"].as_f64().unwrap();
    assert!(
        mean >= HNR_MEAN_MACRO_F1_FLOOR,
        "mean macro-F1 {mean:.3} fell below {HNR_MEAN_MACRO_F1_FLOOR}"
    );
    assert_eq!(v["criteria"].as_array().unwrap().len(), 10);
    let ids: Vec<String> = std::fs::read_to_string(&file)
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
