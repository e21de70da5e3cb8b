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
