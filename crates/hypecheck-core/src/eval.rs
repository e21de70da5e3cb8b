//! Agreement metrics for `hypecheck eval`: accuracy, per-class precision/recall/F1, macro-F1,
//! Cohen's kappa, the confusion matrix and the majority-class baseline. Pure functions over labels.

use serde::Serialize;

/// Agreement between gold labels and predictions over `labels.len()` classes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub labels: Vec<String>,
    pub n: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub kappa: f64,
    /// Per class: precision, recall, F1, support.
    pub per_class: Vec<ClassScore>,
    /// `confusion[gold][predicted]`.
    pub confusion: Vec<Vec<usize>>,
    /// The same metrics for always predicting the most frequent gold class.
    pub majority_accuracy: f64,
    pub majority_macro_f1: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassScore {
    pub label: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn scores(confusion: &[Vec<usize>], labels: &[String]) -> (f64, f64, f64, Vec<ClassScore>) {
    let k = labels.len();
    let n: usize = confusion.iter().flatten().sum();
    let correct: usize = (0..k).map(|i| confusion[i][i]).sum();
    let mut per_class = Vec::with_capacity(k);
    for c in 0..k {
        let tp = confusion[c][c];
        let predicted: usize = (0..k).map(|g| confusion[g][c]).sum();
        let support: usize = confusion[c].iter().sum();
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, support);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        per_class.push(ClassScore {
            label: labels[c].clone(),
            precision,
            recall,
            f1,
            support,
        });
    }
    // Macro-F1 over the classes that occur in gold or predictions.
    let present: Vec<&ClassScore> = per_class
        .iter()
        .enumerate()
        .filter(|(c, s)| s.support > 0 || (0..k).any(|g| confusion[g][*c] > 0))
        .map(|(_, s)| s)
        .collect();
    let macro_f1 = present.iter().map(|s| s.f1).sum::<f64>() / present.len().max(1) as f64;
    let accuracy = ratio(correct, n);
    let expected: f64 = (0..k)
        .map(|c| {
            let gold: usize = confusion[c].iter().sum();
            let pred: usize = (0..k).map(|g| confusion[g][c]).sum();
            ratio(gold, n) * ratio(pred, n)
        })
        .sum();
    let kappa = if (1.0 - expected).abs() < f64::EPSILON {
        0.0
    } else {
        (accuracy - expected) / (1.0 - expected)
    };
    (accuracy, macro_f1, kappa, per_class)
}

/// Compares `gold` and `predicted` (class indices into `labels`).
pub fn agreement(labels: &[&str], gold: &[usize], predicted: &[usize]) -> Agreement {
    assert_eq!(gold.len(), predicted.len(), "one prediction per gold label");
    let labels: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
    let k = labels.len();
    let mut confusion = vec![vec![0usize; k]; k];
    for (&g, &p) in gold.iter().zip(predicted) {
        confusion[g][p] += 1;
    }
    let (accuracy, macro_f1, kappa, per_class) = scores(&confusion, &labels);
    let majority = (0..k)
        .max_by_key(|&c| (confusion[c].iter().sum::<usize>(), std::cmp::Reverse(c)))
        .unwrap_or(0);
    let mut majority_confusion = vec![vec![0usize; k]; k];
    for &g in gold {
        majority_confusion[g][majority] += 1;
    }
    let (majority_accuracy, majority_macro_f1, _, _) = scores(&majority_confusion, &labels);
    Agreement {
        labels,
        n: gold.len(),
        accuracy,
        macro_f1,
        kappa,
        per_class,
        confusion,
        majority_accuracy,
        majority_macro_f1,
    }
}

/// Agreement on a yes/no reading: does the system flag a shortcoming where the experts do?
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BinaryAgreement {
    pub n: usize,
    /// Experts flag, system flags.
    pub true_positives: usize,
    /// Experts flag, system does not.
    pub false_negatives: usize,
    /// Experts do not flag, system does.
    pub false_positives: usize,
    /// Neither flags.
    pub true_negatives: usize,
    /// Of the items the experts flag, the share the system flags too.
    pub recall: f64,
    /// Of the items the experts find sound, the share the system does not flag.
    pub specificity: f64,
    /// The mean of recall and specificity (0.5 = chance, whatever the base rate).
    pub balanced_accuracy: f64,
    pub kappa: f64,
}

/// Compares expert flags with system flags (`true` = a shortcoming).
pub fn binary_agreement(gold: &[bool], flagged: &[bool]) -> BinaryAgreement {
    assert_eq!(gold.len(), flagged.len(), "one prediction per gold label");
    let count = |g: bool, p: bool| gold.iter().zip(flagged).filter(|&(&a, &b)| a == g && b == p).count();
    let (tp, fn_, fp, tn) = (
        count(true, true),
        count(true, false),
        count(false, true),
        count(false, false),
    );
    let n = gold.len();
    let recall = ratio(tp, tp + fn_);
    let specificity = ratio(tn, tn + fp);
    let accuracy = ratio(tp + tn, n);
    let expected = ratio(tp + fn_, n) * ratio(tp + fp, n) + ratio(tn + fp, n) * ratio(tn + fn_, n);
    let kappa = if (1.0 - expected).abs() < f64::EPSILON {
        0.0
    } else {
        (accuracy - expected) / (1.0 - expected)
    };
    BinaryAgreement {
        n,
        true_positives: tp,
        false_negatives: fn_,
        false_positives: fp,
        true_negatives: tn,
        recall,
        specificity,
        balanced_accuracy: (recall + specificity) / 2.0,
        kappa,
    }
}

/// The cross-validation fold of an item: the first byte of a stable hash of its key, modulo `k`.
/// (FNV-1a: stable across platforms and releases, unlike the standard library's hasher.)
pub fn fold_of(key: &str, k: usize) -> usize {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in key.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % k as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_agreement() {
        let a = agreement(&["a", "b"], &[0, 1, 1, 0], &[0, 1, 1, 0]);
        assert_eq!(a.accuracy, 1.0);
        assert_eq!(a.macro_f1, 1.0);
        assert_eq!(a.kappa, 1.0);
        assert_eq!(a.majority_accuracy, 0.5);
    }

    #[test]
    fn known_values() {
        // gold: a a a b b; predicted: a a b b a
        let a = agreement(&["a", "b"], &[0, 0, 0, 1, 1], &[0, 0, 1, 1, 0]);
        assert!((a.accuracy - 0.6).abs() < 1e-9);
        // F1(a) = 2/3, F1(b) = 1/2 -> macro 7/12
        assert!((a.macro_f1 - 7.0 / 12.0).abs() < 1e-9);
        // p_o = 0.6, p_e = 0.6*0.6 + 0.4*0.4 = 0.52 -> kappa = 0.08/0.48
        assert!((a.kappa - 0.08 / 0.48).abs() < 1e-9);
        assert_eq!(a.confusion, vec![vec![2, 1], vec![1, 1]]);
        // The majority class predicts "a" always: accuracy 0.6, macro-F1 over present classes (a, b).
        assert!((a.majority_accuracy - 0.6).abs() < 1e-9);
        assert!((a.majority_macro_f1 - 0.375).abs() < 1e-9);
    }

    #[test]
    fn binary_agreement_known_values() {
        // gold: flag flag flag ok ok; system: flag flag ok ok flag
        let a = binary_agreement(&[true, true, true, false, false], &[true, true, false, false, true]);
        assert_eq!(
            (a.true_positives, a.false_negatives, a.false_positives, a.true_negatives),
            (2, 1, 1, 1)
        );
        assert!((a.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((a.specificity - 0.5).abs() < 1e-9);
        assert!((a.balanced_accuracy - 7.0 / 12.0).abs() < 1e-9);
        assert!((a.kappa - 0.08 / 0.48).abs() < 1e-9);
        // Flagging everything is chance, whatever the base rate.
        let all = binary_agreement(&[true, true, true, false], &[true; 4]);
        assert_eq!(all.balanced_accuracy, 0.5);
        assert_eq!(all.kappa, 0.0);
    }

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold_of("news_reviews_00001", 5), fold_of("news_reviews_00001", 5));
        let mut counts = [0; 5];
        for i in 0..1000 {
            counts[fold_of(&format!("item {i}"), 5)] += 1;
        }
        assert!(counts.iter().all(|&c| c > 150), "{counts:?}");
    }
}
