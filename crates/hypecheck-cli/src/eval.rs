//! `hypecheck eval`: runs hypecheck over a labelled file and prints its agreement with the labels.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};
use hypecheck_core::claims::ClaimStrength;
use hypecheck_core::eval::{agreement, Agreement};
use hypecheck_core::{Checker, Language};

/// Labels in the numbering of the claim-strength dataset (Yu et al., EMNLP 2019).
pub const STRENGTH_LABELS: [&str; 4] = [
    "no_relationship",
    "direct_causal",
    "conditional_causal",
    "correlational",
];

fn strength_index(s: ClaimStrength) -> usize {
    match s {
        ClaimStrength::NoRelationship => 0,
        ClaimStrength::DirectCausal => 1,
        ClaimStrength::ConditionalCausal => 2,
        ClaimStrength::Correlational => 3,
    }
}

/// Evaluates claim strength on a `sentence,label` CSV; writes predictions if asked.
pub fn claim_strength(checker: &Checker, file: &Path, predictions: Option<&Path>) -> Result<Agreement> {
    let mut reader = csv::Reader::from_path(file).with_context(|| format!("cannot read {}", file.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(sentence_col), Some(label_col)) = (col("sentence"), col("label")) else {
        bail!("{}: expected a header with the columns sentence,label", file.display());
    };
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    let mut out = match predictions {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => None,
    };
    for (index, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {}", file.display(), index + 2))?;
        let sentence = record.get(sentence_col).unwrap_or("");
        let label: usize = record
            .get(label_col)
            .unwrap_or("")
            .trim()
            .parse()
            .ok()
            .filter(|l| *l < STRENGTH_LABELS.len())
            .with_context(|| format!("{}: row {}: label must be 0-3", file.display(), index + 2))?;
        let (strength, _) = checker.claim_strength(sentence, Language::En);
        let p = strength_index(strength);
        gold.push(label);
        predicted.push(p);
        if let Some(w) = out.as_mut() {
            writeln!(w, "{}", serde_json::json!({"index": index, "label": p}))?;
        }
    }
    if gold.is_empty() {
        bail!("{}: no rows", file.display());
    }
    Ok(agreement(&STRENGTH_LABELS, &gold, &predicted))
}

/// Labels of the HealthNewsReview criteria, as in shared/data/hnr-releases.
pub const CRITERION_LABELS: [&str; 3] = ["satisfactory", "not_satisfactory", "not_applicable"];

/// Agreement per criterion with the reviewers' ratings, in the reviewers' order.
#[derive(serde::Serialize)]
pub struct HnrAgreement {
    pub items: usize,
    pub mean_macro_f1: f64,
    pub criteria: Vec<(String, Agreement)>,
}

/// Evaluates the ten criteria on a JSONL file of rated releases (`id`, `title`, `text`, `criteria`).
pub fn hnr(checker: &Checker, file: &Path, predictions: Option<&Path>) -> Result<HnrAgreement> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut out = match predictions {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => None,
    };
    let keys = hypecheck_core::criteria::KEYS;
    let mut gold: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    let label_index = |s: &str| CRITERION_LABELS.iter().position(|l| *l == s);
    let options = hypecheck_core::Options {
        input_format: Some(hypecheck_core::InputFormat::Text),
        text_language: Some(Language::En),
        report_language: Some(Language::En),
        ..Default::default()
    };
    let mut items = 0;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}: line {}: not JSON", file.display(), n + 1))?;
        let id = item["id"].as_str().unwrap_or("").to_string();
        let body = format!(
            "{}\n\n{}",
            item["title"].as_str().unwrap_or(""),
            item["text"].as_str().unwrap_or("")
        );
        let report = checker
            .check_text(&body, &options)
            .with_context(|| format!("{}: line {} ({id})", file.display(), n + 1))?;
        let mut verdicts = serde_json::Map::new();
        for (k, (key, c)) in report.criteria.iter().enumerate() {
            verdicts.insert(key.to_string(), serde_json::json!(c.verdict.as_str()));
            let want = item["criteria"][key].as_str().and_then(label_index).with_context(|| {
                format!(
                    "{}: line {} ({id}): criterion {key} has no valid rating",
                    file.display(),
                    n + 1
                )
            })?;
            gold[k].push(want);
            predicted[k].push(label_index(c.verdict.as_str()).unwrap_or(1));
        }
        if let Some(w) = out.as_mut() {
            writeln!(w, "{}", serde_json::json!({"id": id, "criteria": verdicts}))?;
        }
        items += 1;
    }
    if items == 0 {
        bail!("{}: no items", file.display());
    }
    let criteria: Vec<(String, Agreement)> = keys
        .iter()
        .enumerate()
        .map(|(k, key)| (key.to_string(), agreement(&CRITERION_LABELS, &gold[k], &predicted[k])))
        .collect();
    let mean_macro_f1 = criteria.iter().map(|(_, a)| a.macro_f1).sum::<f64>() / criteria.len() as f64;
    Ok(HnrAgreement {
        items,
        mean_macro_f1,
        criteria,
    })
}

/// The criteria agreement as a readable table.
pub fn render_hnr(a: &HnrAgreement) -> String {
    let mut o = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        o,
        "HealthNewsReview criteria: {} releases, mean macro-F1 {:.3}",
        a.items, a.mean_macro_f1
    );
    let _ = writeln!(
        o,
        "  {:<22} {:>8} {:>9} {:>7} {:>14} {:>13}",
        "criterion", "accuracy", "macro-F1", "kappa", "majority acc.", "majority F1"
    );
    for (key, c) in &a.criteria {
        let _ = writeln!(
            o,
            "  {:<22} {:>8.3} {:>9.3} {:>7.3} {:>14.3} {:>13.3}",
            key, c.accuracy, c.macro_f1, c.kappa, c.majority_accuracy, c.majority_macro_f1
        );
    }
    o
}

/// The agreement as a readable table.
pub fn render(title: &str, a: &Agreement) -> String {
    let mut o = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(o, "{title}: {} items", a.n);
    let _ = writeln!(
        o,
        "  accuracy {:.3}   macro-F1 {:.3}   Cohen's kappa {:.3}   (majority class: accuracy {:.3}, macro-F1 {:.3})",
        a.accuracy, a.macro_f1, a.kappa, a.majority_accuracy, a.majority_macro_f1
    );
    let _ = writeln!(
        o,
        "  {:<20} {:>9} {:>9} {:>9} {:>9}",
        "class", "precision", "recall", "F1", "support"
    );
    for c in &a.per_class {
        let _ = writeln!(
            o,
            "  {:<20} {:>9.3} {:>9.3} {:>9.3} {:>9}",
            c.label, c.precision, c.recall, c.f1, c.support
        );
    }
    let _ = writeln!(o, "  confusion (rows: gold, columns: predicted, in the order above):");
    for (label, row) in a.labels.iter().zip(&a.confusion) {
        let cells: Vec<String> = row.iter().map(|n| format!("{n:>6}")).collect();
        let _ = writeln!(o, "  {:<20}{}", label, cells.join(""));
    }
    o
}
