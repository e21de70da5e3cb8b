//! The deep tier's seam, with stand-in classifiers: what the core does with a sentence
//! classifier's answers, where it declines to ask one (German), and what it does when one fails.
//! (The real classifier, the fine-tuned encoder, is tested in the command line's tests.)

use std::sync::{Arc, Mutex};

use hypecheck_core::learn::deep::{SentenceClassifier, Tier};
use hypecheck_core::{Checker, Language, Options};

/// Answers one fixed distribution for every sentence and records what it was asked.
struct Fixed {
    p: [f64; 4],
    asked: Mutex<Vec<String>>,
}

impl SentenceClassifier for Fixed {
    fn probabilities(&self, sentences: &[&str]) -> Result<Vec<[f64; 4]>, String> {
        self.asked
            .lock()
            .unwrap()
            .extend(sentences.iter().map(|s| s.to_string()));
        Ok(vec![self.p; sentences.len()])
    }
}

struct Broken;

impl SentenceClassifier for Broken {
    fn probabilities(&self, _: &[&str]) -> Result<Vec<[f64; 4]>, String> {
        Err("out of memory".into())
    }
}

fn checker() -> Checker {
    Checker::new(hypecheck_kb::embedded()).unwrap()
}

const CLAIMS: &str = "Stem cell therapy improved symptoms of multiple sclerosis in a small trial. \
                      The weather was fine. Our stem cells regrow cartilage in your knee.";

#[test]
fn deep_classifier_reads_each_english_claim_sentence_once_and_the_report_says_so() {
    // Sure of "correlational" (the dataset's class 3) for every sentence.
    let fixed = Arc::new(Fixed {
        p: [0.02, 0.02, 0.02, 0.94],
        asked: Mutex::new(Vec::new()),
    });
    let report = checker()
        .with_deep(fixed.clone())
        .check_text(CLAIMS, &Options::default())
        .unwrap();
    assert_eq!(report.method.tier, Tier::Deep);
    assert_eq!(report.method.claim_strength, Tier::Deep);
    assert!(report.method.notes.is_empty(), "{:?}", report.method.notes);
    let asked = fixed.asked.lock().unwrap().clone();
    // Only sentences with claims, each once; the weather is not a claim.
    assert!(!asked.iter().any(|s| s.contains("weather")), "{asked:?}");
    let mut unique = asked.clone();
    unique.dedup();
    assert_eq!(unique, asked, "a sentence was read twice");
    assert!(report.claims.len() >= 2);
    for claim in &report.claims {
        assert!(
            asked.iter().any(|s| s.contains(claim.excerpt.trim_end_matches('.'))),
            "{} not asked",
            claim.excerpt
        );
    }
    assert!(report.claims.iter().all(|c| c.method == Tier::Deep));
    let by_excerpt = |needle: &str| report.claims.iter().find(|c| c.excerpt.contains(needle)).unwrap();
    assert_eq!(by_excerpt("improved").strength.as_str(), "correlational");
    // An outright promise stays direct cause and effect whatever the model says.
    assert_eq!(by_excerpt("regrow").strength.as_str(), "direct_causal");
    // The fast tier reads the same text differently, and says it is the fast tier.
    let fast = checker().check_text(CLAIMS, &Options::default()).unwrap();
    assert_eq!(fast.method.claim_strength, Tier::Fast);
    assert!(fast.claims.iter().all(|c| c.method == Tier::Fast));
    let fast_reading = fast.claims.iter().find(|c| c.excerpt.contains("improved")).unwrap();
    assert_eq!(fast_reading.strength.as_str(), "direct_causal");
}

#[test]
fn german_text_is_left_to_the_rules_and_the_report_says_the_deep_model_reads_english_only() {
    let fixed = Arc::new(Fixed {
        p: [0.97, 0.01, 0.01, 0.01],
        asked: Mutex::new(Vec::new()),
    });
    let options = Options {
        text_language: Some(Language::De),
        ..Options::default()
    };
    let text = "Unsere Stammzellen heilen Arthrose. Die Behandlung ist sicher und natürlich.";
    let report = checker().with_deep(fixed.clone()).check_text(text, &options).unwrap();
    assert!(fixed.asked.lock().unwrap().is_empty());
    assert_eq!(report.method.claim_strength, Tier::Rules);
    assert_eq!(report.method.notes.len(), 1);
    assert!(report.method.notes[0].contains("Englisch"), "{:?}", report.method.notes);
    assert!(!report.claims.is_empty());
    assert!(report.claims.iter().all(|c| c.method == Tier::Rules));
}

#[test]
fn failing_deep_classifier_leaves_the_claims_to_the_fast_tier_with_a_warning() {
    let report = checker()
        .with_deep(Arc::new(Broken))
        .check_text(CLAIMS, &Options::default())
        .unwrap();
    assert_eq!(report.method.claim_strength, Tier::Fast);
    assert!(
        report.input.warnings.iter().any(|w| w.contains("out of memory")),
        "{:?}",
        report.input.warnings
    );
    assert_eq!(report.method.notes.len(), 1);
    let fast = checker().check_text(CLAIMS, &Options::default()).unwrap();
    let strengths = |r: &hypecheck_core::Report| r.claims.iter().map(|c| c.strength).collect::<Vec<_>>();
    assert_eq!(strengths(&report), strengths(&fast));
}
