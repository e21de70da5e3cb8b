//! The seam of the deep tier. The core reads claim strength with its own linear model (the fast
//! tier); a caller may hand it a sentence classifier that reads whole sentences instead (the deep
//! tier: the pretrained encoder with tuned layers, in `hypecheck-encoder`). The core never loads
//! it: weights live outside, and the core stays free of I/O. Every report says which tier
//! answered each part ([`Method`]).

use serde::{Deserialize, Serialize};

use crate::claims::ClaimStrength;

/// Which tier answered a part of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Named cues alone (German texts, `--rules`, or no learned model).
    Rules,
    /// The linear models over words and cues, combined with the rules.
    Fast,
    /// The fine-tuned encoder, combined with the rules.
    Deep,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Rules => "rules",
            Tier::Fast => "fast",
            Tier::Deep => "deep",
        }
    }
}

/// A claim-strength classifier over whole English sentences, supplied by the caller.
pub trait SentenceClassifier: Send + Sync {
    /// For each sentence, the probability of each claim strength in the dataset's numbering
    /// ([`ClaimStrength::DATASET_ORDER`]). An error leaves the sentences to the fast tier, with a
    /// warning in the report.
    fn probabilities(&self, sentences: &[&str]) -> Result<Vec<[f64; 4]>, String>;
}

/// How one report was answered: the tier of the claim strengths and of the expert criteria, and
/// why a tier fell short of the one asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub claim_strength: Tier,
    pub criteria: Tier,
    /// The deep tier was asked for but the text has sentences it cannot read (not English).
    pub deep_skipped_language: bool,
    /// The deep tier was asked for and failed; the fast tier answered. The error's words.
    pub deep_failed: Option<String>,
}

/// The classes of [`SentenceClassifier::probabilities`], as the claim-strength heads name them.
pub fn dataset_classes() -> &'static [String] {
    static CLASSES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        ClaimStrength::DATASET_ORDER
            .iter()
            .map(|c| c.as_str().to_string())
            .collect()
    });
    &CLASSES
}
