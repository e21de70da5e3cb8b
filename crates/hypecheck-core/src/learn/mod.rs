//! Learned components: linear models over words, cue-abstracted n-grams and the cues and findings
//! of the checks, for claim strength and the ten expert criteria (English texts).
//!
//! The models are text files of a few hundred kilobytes (`data/models/*.model`), embedded at build
//! time and written by `hypecheck train` from `shared/data`; training here is pure computation (no
//! I/O) and deterministic, so training again reproduces the committed files byte for byte. Each prediction
//! names the features that drove it, with their spans in the text.

pub mod criteria;
pub mod deep;
pub mod features;
pub mod linear;

use crate::checks::Code;
use crate::claims::ClaimStrength;
use crate::criteria::{CriterionKey, CriterionVerdict};
use crate::document::Span;
use crate::i18n::Catalog;
use linear::{softmax, Head, ModelError, ModelSet, Stack, TrainParams, Vocabulary, VocabularyParams};

/// The version of the features the models read: a fingerprint of the feature extractor's source
/// and of the names it can emit (check codes, criterion keys). A model records the version it was
/// trained on, and a checker refuses a model trained on other features, so a change to the
/// features cannot ship without retraining (`hypecheck train`).
pub fn feature_version() -> String {
    let mut parts: Vec<&str> = vec![include_str!("features.rs")];
    parts.extend(Code::ALL.iter().map(|c| c.as_str()));
    parts.extend(CriterionKey::ALL.iter().map(|k| k.as_str()));
    fingerprint(&parts)
}

/// FNV-1a (64 bit) over the parts, each ended by a zero byte; 16 hex digits.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Why a set of models cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelsError {
    #[error("{model} model: {source}")]
    File {
        model: &'static str,
        #[source]
        source: ModelError,
    },
    #[error(
        "{model} model: trained on features version {trained}, but this build extracts features version \
         {current}; the features changed since it was trained, so its weights would be read wrongly. \
         Retrain it with `hypecheck train` (see the README)"
    )]
    Stale {
        model: &'static str,
        trained: String,
        current: String,
    },
    #[error("{model} model: {problem}")]
    Classes { model: &'static str, problem: String },
}

/// The head key of the claim-strength model.
pub const CLAIM_STRENGTH: &str = "claim_strength";

/// Claim-strength classes in the numbering of the dataset (Yu et al., EMNLP 2019).
pub const STRENGTH_CLASSES: [&str; 4] = [
    ClaimStrength::DATASET_ORDER[0].as_str(),
    ClaimStrength::DATASET_ORDER[1].as_str(),
    ClaimStrength::DATASET_ORDER[2].as_str(),
    ClaimStrength::DATASET_ORDER[3].as_str(),
];

/// Criterion classes, as in the reviewers' ratings.
pub const CRITERION_CLASSES: [&str; 3] = [
    CriterionVerdict::ALL[0].as_str(),
    CriterionVerdict::ALL[1].as_str(),
    CriterionVerdict::ALL[2].as_str(),
];

/// The shipped claim strength from the rules' and the model's answers. The model learned from
/// conclusions of research abstracts; it reads their phrasing better than the rules, but has not
/// seen advertising ("exosomes can boost collagen by 300%"), where it may see no relationship
/// at all. So where the model finds no relationship without being sure of it, the rules answer
/// (which may also find none); otherwise the model does. On the dev sentences (cross-validated)
/// the combination scores 0.741 macro-F1, the model alone 0.708 and the rules alone 0.617.
///
/// An outright promise ("regrows cartilage", see [`crate::claims::promises`]) stays direct cause
/// and effect: the model learned from research prose and can be sure of "no relationship" where
/// advertising adds a clause it knows from elsewhere.
pub fn combine_strength(rule: ClaimStrength, promise: bool, classes: &[String], p: &[f64]) -> ClaimStrength {
    if promise && rule == ClaimStrength::DirectCausal {
        return rule;
    }
    let best = argmax(p);
    let model =
        ClaimStrength::parse(&classes[best]).expect("claim-strength classes are checked when the model is loaded");
    if model == ClaimStrength::NoRelationship && p[best] < SURE_OF_NO_RELATIONSHIP {
        rule
    } else {
        model
    }
}

/// Below this probability a "no relationship" answer of the model yields to the rules.
const SURE_OF_NO_RELATIONSHIP: f64 = 0.5;

/// How each model is trained; part of what `hypecheck train` reproduces.
pub struct Recipe {
    pub vocabulary: VocabularyParams,
    pub train: TrainParams,
}

/// Claim strength: every word pair and cue pattern seen twice in training; classes weighed by the
/// square root of their inverse frequency (cross-validated macro-F1, combined with the rules as
/// shipped: 0.741, against 0.725 fully balanced and 0.692 unweighted; 0.736-0.741 for powers
/// 0.4 to 0.75).
pub const CLAIM_STRENGTH_RECIPE: Recipe = Recipe {
    vocabulary: VocabularyParams {
        min_df: 2,
        max_df: 1.0,
        max_per_group: usize::MAX,
    },
    train: TrainParams {
        c: 1.0,
        class_weight_power: 0.5,
        max_iter: 400,
        min_class_count: 1,
    },
};

/// Criteria: the 2,000 most frequent words (in at most 90 % of texts) and every cue, finding and
/// rule verdict seen in five texts.
pub const CRITERIA_RECIPE: Recipe = Recipe {
    vocabulary: VocabularyParams {
        min_df: 5,
        max_df: 0.9,
        max_per_group: 2000,
    },
    train: TrainParams {
        c: 1.0,
        class_weight_power: 1.0,
        max_iter: 400,
        min_class_count: 8,
    },
};

/// The learned models a checker uses; a missing one falls back to the rules. Built by
/// [`Models::new`] only, which checks them and lays out what the checker reads.
#[derive(Debug, Clone, Default)]
pub struct Models {
    pub(crate) claim_strength: Option<ModelSet>,
    pub(crate) criteria: Option<ModelSet>,
    /// The criteria model's heads that answer ([`criteria::LEARNED`]), side by side.
    criteria_heads: Stack,
}

impl Models {
    pub fn claim_strength(&self) -> Option<&ModelSet> {
        self.claim_strength.as_ref()
    }

    pub fn criteria(&self) -> Option<&ModelSet> {
        self.criteria.as_ref()
    }

    /// The same claim-strength model with another criteria model (checked as [`Models::new`] does).
    pub fn with_criteria(self, criteria: ModelSet) -> Result<Models, ModelsError> {
        Models::new(self.claim_strength, Some(criteria))
    }

    /// The criteria model's answering heads, side by side (none without a criteria model).
    pub fn criteria_heads(&self) -> &Stack {
        &self.criteria_heads
    }

    /// The models embedded at build time.
    pub fn embedded() -> Result<Models, ModelsError> {
        let parse = |name: &'static str| -> Result<Option<ModelSet>, ModelsError> {
            crate::embedded::MODELS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| ModelSet::parse(text).map_err(|source| ModelsError::File { model: name, source }))
                .transpose()
        };
        Models::new(parse("claim-strength")?, parse("criteria")?)
    }

    /// Models checked for use: trained on the features this build extracts, with a claim-strength
    /// head whose classes are claim strengths and criterion heads whose keys and classes are
    /// criteria and their verdicts.
    pub fn new(claim_strength: Option<ModelSet>, criteria: Option<ModelSet>) -> Result<Models, ModelsError> {
        let current = feature_version();
        for (model, set) in [("claim-strength", &claim_strength), ("criteria", &criteria)] {
            if let Some(set) = set {
                if set.features != current {
                    return Err(ModelsError::Stale {
                        model,
                        trained: set.features.clone(),
                        current,
                    });
                }
            }
        }
        let classes_err = |model, problem| ModelsError::Classes { model, problem };
        if let Some(set) = &claim_strength {
            let head = set
                .head(CLAIM_STRENGTH)
                .ok_or_else(|| classes_err("claim-strength", format!("has no `{CLAIM_STRENGTH}` head")))?;
            if let Some(bad) = head.classes.iter().find(|c| ClaimStrength::parse(c).is_none()) {
                return Err(classes_err("claim-strength", format!("unknown claim strength {bad:?}")));
            }
        }
        if let Some(set) = &criteria {
            for head in &set.heads {
                if CriterionKey::parse(&head.key).is_none() {
                    return Err(classes_err("criteria", format!("unknown criterion {:?}", head.key)));
                }
                if let Some(bad) = head.classes.iter().find(|c| CriterionVerdict::parse(c).is_none()) {
                    return Err(classes_err(
                        "criteria",
                        format!("unknown verdict {bad:?} for {}", head.key),
                    ));
                }
            }
        }
        let criteria_heads = criteria.as_ref().map_or_else(Stack::default, criteria::answering);
        Ok(Models {
            claim_strength,
            criteria,
            criteria_heads,
        })
    }
}

/// A feature that pushed a prediction, with where it occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    pub feature: String,
    pub spans: Vec<Span>,
    /// The feature's index in the vocabulary.
    pub id: u32,
}

/// One head's answer for one text or sentence.
#[derive(Debug, Clone)]
pub struct Prediction {
    pub class: usize,
    pub probability: f64,
    /// Every class's probability, in the head's class order.
    pub probabilities: Vec<f64>,
    /// The features that pushed most towards the chosen class, strongest first.
    pub drivers: Vec<Driver>,
}

const MAX_DRIVERS: usize = 5;
const MAX_DRIVER_SPANS: usize = 3;

/// Feature occurrences whose spans are kept for explanations; later ones are only counted.
const MAX_HITS_WITH_SPANS: usize = 100_000;

/// A feature name in words a reader can check against the text, in the catalog's language:
/// `w:funded` is “funded”, `c:funding~negated` the cue funding (negated), `f:HC303~positive`
/// check HC303 (good). Cue kinds, codes and keys stay as their stable ids.
pub fn describe(feature: &str, catalog: &Catalog) -> String {
    let (group, rest) = feature.split_once(':').unwrap_or(("", feature));
    let (what, how) = rest.split_once('~').unwrap_or((rest, ""));
    let arg = |name: &'static str, value: &str| [(name, value.to_string())];
    let what = match group {
        "w" | "a" => return catalog.format("feature-word", &arg("text", rest)),
        "c" => catalog.format("feature-cue", &arg("kind", what)),
        "f" => catalog.format("feature-finding", &arg("code", what)),
        "r" => catalog.format("feature-rule", &arg("criterion", what)),
        "k" => catalog.format("feature-claim", &arg("strength", what)),
        "n" if what == "percent" => return catalog.format("feature-percentages", &[]),
        "n" => return catalog.format("feature-numbers", &[]),
        _ => return feature.to_string(),
    };
    if how.is_empty() {
        return what;
    }
    let how = catalog.format(&format!("how-{}", how.replace('_', "-")), &[]);
    catalog.format("feature-with-how", &[("what", what), ("how", how)])
}

/// Whether a prediction names the features that drove it, with their spans: a report does; a
/// scan's tally, which keeps only verdicts and probabilities, need not pay for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    Drivers,
    VerdictOnly,
}

/// The features of one text or sentence that a model knows, with their spans, and the vector
/// the heads read.
pub struct Features {
    /// Each occurrence of a known feature, in the order extracted (none when not explained).
    hits: Vec<(u32, Option<Span>)>,
    x: Vec<(u32, f64)>,
    explain: Explain,
}

/// A sink that keeps the features a vocabulary knows, by number: each word is looked up once,
/// its n-grams by the numbers of their parts.
struct Known<'v, H: FnMut(u32, Option<Span>)> {
    vocabulary: &'v Vocabulary,
    closed: bool,
    /// The numbers of the n-gram groups, none for a group the vocabulary lacks.
    groups: [Option<u32>; 2],
    ids: Vec<u32>,
    hit: H,
}

impl<H: FnMut(u32, Option<Span>)> features::Sink for Known<'_, H> {
    fn token(&mut self, text: &str) -> features::Token {
        self.vocabulary
            .part(text)
            .map_or(features::Token::UNKNOWN, features::Token)
    }

    fn gram(&mut self, group: features::Gram, parts: &[features::Token], span: Option<Span>) -> bool {
        // No name has an unknown part, so no longer n-gram with it can matter either.
        let group = match group {
            features::Gram::Words => self.groups[0],
            features::Gram::Abstracted => self.groups[1],
        };
        let Some(group) = group.filter(|_| !parts.contains(&features::Token::UNKNOWN)) else {
            return false;
        };
        self.ids.clear();
        self.ids.extend(parts.iter().map(|t| t.0));
        match self.vocabulary.gram(group, &self.ids) {
            Some(id) => {
                (self.hit)(id, span);
                true
            }
            None => !self.closed,
        }
    }

    fn named(&mut self, name: &str, span: Option<Span>) {
        if let Some(id) = self.vocabulary.get(name) {
            (self.hit)(id, span);
        }
    }
}

/// Runs an extractor and hands each occurrence of a feature in the vocabulary to `hit`. When the
/// vocabulary holds every part of its n-grams, an unknown n-gram stops the n-grams built on it.
fn look_up(vocabulary: &Vocabulary, extract: impl FnOnce(&mut dyn features::Sink), hit: impl FnMut(u32, Option<Span>)) {
    let group = |gram: features::Gram| vocabulary.group(gram.prefix());
    extract(&mut Known {
        vocabulary,
        closed: vocabulary.closed_under_parts(),
        groups: [group(features::Gram::Words), group(features::Gram::Abstracted)],
        ids: Vec::with_capacity(linear::MAX_GRAM_PARTS),
        hit,
    });
}

impl Features {
    /// Runs an extractor ([`features::sentence_into`], [`features::document_into`]) and keeps the
    /// occurrences of features in the vocabulary.
    pub fn extract(
        vocabulary: &Vocabulary,
        explain: Explain,
        extract: impl FnOnce(&mut dyn features::Sink),
    ) -> Features {
        // A text repeating one word millions of times keeps 4 bytes per repeat for the counts, and
        // spans (which only explain the strongest features) for the first hits alone.
        let mut ids = Vec::new();
        let mut hits = Vec::new();
        let keep = match explain {
            Explain::Drivers => MAX_HITS_WITH_SPANS,
            Explain::VerdictOnly => 0,
        };
        look_up(vocabulary, extract, |id, span| {
            ids.push(id);
            if hits.len() < keep {
                hits.push((id, span));
            }
        });
        let x = vocabulary.vectorize_ids(ids);
        Features { hits, x, explain }
    }

    /// Only the vector, for a prediction that need not explain itself.
    pub fn vector(vocabulary: &Vocabulary, extract: impl FnOnce(&mut dyn features::Sink)) -> Vec<(u32, f64)> {
        Features::extract(vocabulary, Explain::VerdictOnly, extract).x
    }

    /// The first spans of each feature in `ids` (sorted, distinct), in one pass over the text's hits.
    fn spans_of(&self, ids: &[u32]) -> Vec<Vec<Span>> {
        let mut out: Vec<Vec<Span>> = vec![Vec::new(); ids.len()];
        for &(id, span) in &self.hits {
            if let (Ok(k), Some(span)) = (ids.binary_search(&id), span) {
                if out[k].len() < MAX_DRIVER_SPANS {
                    out[k].push(span);
                }
            }
        }
        out
    }
}

/// Predicts with several heads over the same features, each explained by its strongest features
/// (unless the features were extracted without explanation); the spans of all their drivers are
/// found in one pass over the text.
pub fn predict_many(vocabulary: &Vocabulary, heads: &Stack, features: &Features) -> Vec<Prediction> {
    let scores = heads.scores(&features.x);
    let mut predictions: Vec<Prediction> = (0..heads.len())
        .map(|head| {
            let p = softmax(&scores[heads.range(head)]);
            let class = argmax(&p);
            if features.explain == Explain::VerdictOnly {
                return Prediction {
                    class,
                    probability: p[class],
                    probabilities: p,
                    drivers: Vec::new(),
                };
            }
            // The strongest few, kept in order as they come (no sort of the whole text's features).
            let mut top: Vec<(u32, f64)> = Vec::with_capacity(MAX_DRIVERS + 1);
            for (j, w) in heads.contributions(&features.x, head, class) {
                if w <= 0.0 {
                    continue;
                }
                let at = top.partition_point(|&(k, v)| v > w || (v == w && k < j));
                if at < MAX_DRIVERS {
                    top.insert(at, (j, w));
                    top.truncate(MAX_DRIVERS);
                }
            }
            Prediction {
                class,
                probability: p[class],
                probabilities: p,
                drivers: top
                    .into_iter()
                    .map(|(j, _)| Driver {
                        feature: vocabulary.names[j as usize].clone(),
                        spans: Vec::new(),
                        id: j,
                    })
                    .collect(),
            }
        })
        .collect();
    let mut ids: Vec<u32> = predictions
        .iter()
        .flat_map(|p| p.drivers.iter().map(|d| d.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let spans = features.spans_of(&ids);
    for d in predictions.iter_mut().flat_map(|p| p.drivers.iter_mut()) {
        if let Ok(k) = ids.binary_search(&d.id) {
            d.spans = spans[k].clone();
        }
    }
    predictions
}

/// The most probable class (the first of equals).
pub fn argmax(p: &[f64]) -> usize {
    (0..p.len()).fold(0, |best, c| if p[c] > p[best] { c } else { best })
}

/// One thing to learn from the same documents: a head key, its classes and one label per document.
pub struct Task<'a> {
    pub key: &'a str,
    pub classes: &'a [&'a str],
    pub labels: Vec<usize>,
}

/// Trains a model set (one shared vocabulary, one head per task) on the given documents.
pub fn train<S: AsRef<str>>(docs: &[Vec<S>], tasks: &[Task], recipe: &Recipe) -> ModelSet {
    let vocabulary = Vocabulary::fit(docs, recipe.vocabulary);
    let x: Vec<Vec<(u32, f64)>> = docs.iter().map(|d| vocabulary.vectorize(d)).collect();
    let heads = tasks
        .iter()
        .map(|t| Head::train(t.key, t.classes, vocabulary.len(), &x, &t.labels, recipe.train))
        .collect();
    ModelSet {
        vocabulary,
        heads,
        features: feature_version(),
        comments: Vec::new(),
    }
}

/// The fold of a document that is trained on in every fold and never predicted.
pub const ALWAYS_TRAIN: usize = usize::MAX;

/// Cross-validated predictions: for each fold, train on the other folds and predict this one.
/// Returns, per task, the class probabilities of each document (empty for [`ALWAYS_TRAIN`] ones).
pub fn cross_validate<S: AsRef<str>>(
    docs: &[Vec<S>],
    tasks: &[Task],
    folds: &[usize],
    recipe: &Recipe,
) -> Vec<Vec<Vec<f64>>> {
    let k = folds
        .iter()
        .copied()
        .filter(|&f| f != ALWAYS_TRAIN)
        .max()
        .map_or(0, |m| m + 1);
    let mut out: Vec<Vec<Vec<f64>>> = tasks.iter().map(|_| vec![Vec::new(); docs.len()]).collect();
    for fold in 0..k {
        let train_idx: Vec<usize> = (0..docs.len()).filter(|&i| folds[i] != fold).collect();
        let train_docs: Vec<&Vec<S>> = train_idx.iter().map(|&i| &docs[i]).collect();
        let vocabulary = Vocabulary::fit(&train_docs, recipe.vocabulary);
        let x: Vec<Vec<(u32, f64)>> = train_docs.iter().map(|d| vocabulary.vectorize(d)).collect();
        for (t, task) in tasks.iter().enumerate() {
            let labels: Vec<usize> = train_idx.iter().map(|&i| task.labels[i]).collect();
            let head = Head::train(task.key, task.classes, vocabulary.len(), &x, &labels, recipe.train);
            for i in (0..docs.len()).filter(|&i| folds[i] == fold) {
                out[t][i] = head.probabilities(&vocabulary.vectorize(&docs[i]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::features::Occurrence;
    use super::*;
    use crate::{Checker, Language};

    #[test]
    fn sentence_features_carry_words_cue_patterns_and_their_spans() {
        let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
        let text = "Statins may reduce the risk of stroke.";
        let features = checker.sentence_features(text, Language::En);
        let find = |name: &str| features.iter().find(|o| o.name == name);
        let pattern = find("a:HEDGE CAUSAL").expect("hedged causal pattern");
        let span = pattern.span.unwrap();
        assert_eq!(&text[span.start..span.end], "may reduce");
        assert!(find("w:may reduce").is_some());
        assert!(find("w:statins").is_some());
        // An association is abstracted as such, so "linked to" and "associated with" look alike.
        let linked = checker.sentence_features("Coffee was associated with lower mortality.", Language::En);
        assert!(linked
            .iter()
            .any(|o| o.name.starts_with("a:") && o.name.contains("CORRELATIONAL")));
    }

    #[test]
    fn a_prediction_without_explanation_has_the_same_verdicts_and_no_drivers() {
        let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
        let text = "A randomized trial of 400 adults found the drug lowered blood pressure. \
                    Side effects included dizziness in 12% of patients. The study was funded by the maker.";
        let options = crate::Options {
            text_language: Some(Language::En),
            ..Default::default()
        };
        let occurrences = checker.document_features(text, &options).unwrap().features;
        let models = Models::embedded().unwrap();
        let model = models.criteria().expect("embedded criteria model");
        let heads = models.criteria_heads();
        let predict = |explain: Explain| {
            let features = Features::extract(&model.vocabulary, explain, |sink| {
                for o in &occurrences {
                    sink.named(&o.name, o.span);
                }
            });
            predict_many(&model.vocabulary, heads, &features)
        };
        let (explained, bare) = (predict(Explain::Drivers), predict(Explain::VerdictOnly));
        assert_eq!(explained.len(), bare.len());
        assert!(explained.iter().any(|p| p.drivers.iter().any(|d| !d.spans.is_empty())));
        for (e, b) in explained.iter().zip(&bare) {
            assert_eq!((e.class, &e.probabilities), (b.class, &b.probabilities));
            assert!(b.drivers.is_empty());
        }
    }

    #[test]
    fn the_model_yields_to_the_rules_only_when_unsure_of_no_relationship() {
        let classes: Vec<String> = STRENGTH_CLASSES.iter().map(|s| s.to_string()).collect();
        let unsure_none = [0.45, 0.35, 0.1, 0.1];
        let sure_none = [0.9, 0.05, 0.03, 0.02];
        let correlational = [0.2, 0.1, 0.1, 0.6];
        assert_eq!(
            combine_strength(ClaimStrength::DirectCausal, false, &classes, &unsure_none),
            ClaimStrength::DirectCausal
        );
        assert_eq!(
            combine_strength(ClaimStrength::DirectCausal, false, &classes, &sure_none),
            ClaimStrength::NoRelationship
        );
        assert_eq!(
            combine_strength(ClaimStrength::DirectCausal, false, &classes, &correlational),
            ClaimStrength::Correlational
        );
    }

    #[test]
    fn shipped_claim_strength_model_reads_hedges_and_associations() {
        let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
        let strength = |s: &str| checker.claim_strength(s, Language::En).0;
        assert_eq!(
            strength("Daily aspirin may reduce the risk of colorectal cancer in older adults."),
            ClaimStrength::ConditionalCausal
        );
        assert_eq!(
            strength("Higher coffee intake was associated with lower all-cause mortality."),
            ClaimStrength::Correlational
        );
        assert_eq!(
            strength("Metformin reduced HbA1c by 1.2% compared with placebo."),
            ClaimStrength::DirectCausal
        );
        assert_eq!(
            strength("The prevalence of diabetes was 12% among adults aged 40 to 60."),
            ClaimStrength::NoRelationship
        );
    }

    #[test]
    fn promotional_promises_stay_cause_and_effect() {
        let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
        for sentence in [
            "Stem cells regrow cartilage, everyone knows it.",
            "Stem cells regrow cartilage.",
            "This supplement repairs your joints within weeks.",
        ] {
            assert_eq!(
                checker.claim_strength(sentence, Language::En).0,
                ClaimStrength::DirectCausal,
                "{sentence}"
            );
        }
        // A hedge still makes it conditional.
        assert_ne!(
            checker
                .claim_strength("Stem cells may one day regrow cartilage.", Language::En)
                .0,
            ClaimStrength::DirectCausal
        );
    }

    /// The vector a model reads, found by numbered words and n-grams, is the one its spelled-out
    /// feature names give: for sentences and whole texts, for the shipped vocabularies (whose
    /// n-grams have all their parts, so unknown n-grams are skipped) and for one that lacks parts.
    #[test]
    fn features_found_by_number_are_the_features_spelled_out() {
        let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
        let models = Models::embedded().unwrap();
        let strength = models.claim_strength.unwrap().vocabulary;
        let criteria = models.criteria.unwrap().vocabulary;
        assert!(strength.closed_under_parts() && criteria.closed_under_parts());
        // The shipped vocabulary without the words "risk" and "not": their pairs stay.
        let (names, idf): (Vec<String>, Vec<f64>) = strength
            .names
            .iter()
            .zip(&strength.idf)
            .filter(|(n, _)| !["w:risk", "w:not", "a:not"].contains(&n.as_str()))
            .map(|(n, i)| (n.clone(), *i))
            .unzip();
        let open = Vocabulary::from_parts(names, idf);
        assert!(!open.closed_under_parts());
        assert!(open.get("w:the risk").is_some() && open.get("w:was not").is_some());
        let matcher = crate::lexicon::Matcher::new(&crate::lexicon::Lexicon::embedded("en").unwrap(), checker.kb());
        for text in [
            "Statins may reduce the risk of stroke in older adults with diabetes.",
            "Exosome therapy regenerates damaged cartilage and relieves knee pain, zorbly quux.",
            "Higher coffee intake was not associated with lower all-cause mortality. It may not help 45 % of İstanbul's patients.",
        ] {
            let doc = crate::document::Document::new(text.to_string());
            let analysis = crate::Analysis::run(&doc, checker.kb(), &matcher);
            let sentences = |sink: &mut dyn features::Sink| {
                for s in 0..doc.sentences.len() {
                    features::sentence_into(&analysis, s, sink);
                }
            };
            let spelled: Vec<Occurrence> = (0..doc.sentences.len())
                .flat_map(|s| features::sentence(&analysis, s))
                .collect();
            let names: Vec<&str> = spelled.iter().map(|o| o.name.as_str()).collect();
            for vocabulary in [&strength, &open] {
                assert_eq!(Features::vector(vocabulary, sentences), vocabulary.vectorize(&names), "{text}");
            }
            let (findings, _) = crate::checks::run_all(&analysis, &|| false, &[]);
            let rules = crate::criteria::assess(&analysis, &findings);
            let spelled = features::document(&analysis, &findings, &rules);
            let names: Vec<&str> = spelled.iter().map(|o| o.name.as_str()).collect();
            let found = Features::vector(&criteria, |sink| {
                features::document_into(&analysis, &findings, &rules, &|| false, sink)
            });
            assert_eq!(found, criteria.vectorize(&names), "{text}");
        }
    }

    #[test]
    fn the_shipped_models_were_trained_on_the_features_this_build_extracts() {
        let models = Models::embedded().expect("the embedded models are current");
        for set in [models.claim_strength.unwrap(), models.criteria.unwrap()] {
            assert_eq!(set.features, feature_version());
        }
    }

    #[test]
    fn editing_the_features_without_retraining_is_caught_with_a_clear_message() {
        // Any edit of the extractor changes the version the models are checked against ...
        let source = include_str!("features.rs");
        let edited = source.replacen("w:", "W:", 1);
        assert_ne!(fingerprint(&[source]), fingerprint(&[&edited]));
        // ... and a model trained on another version is refused, saying what to do.
        let text = crate::embedded::MODELS
            .iter()
            .find(|(n, _)| *n == "criteria")
            .unwrap()
            .1;
        let stale = text.replacen(
            &format!("features {}", feature_version()),
            "features 0123456789abcdef",
            1,
        );
        let set = ModelSet::parse(&stale).unwrap();
        let err = Models::new(None, Some(set)).unwrap_err().to_string();
        assert!(
            err.contains("criteria model") && err.contains("0123456789abcdef"),
            "{err}"
        );
        assert!(err.contains("hypecheck train"), "{err}");
    }

    #[test]
    fn a_model_whose_classes_are_not_ours_is_refused() {
        let text = crate::embedded::MODELS
            .iter()
            .find(|(n, _)| *n == "criteria")
            .unwrap()
            .1;
        let renamed = text.replacen("head costs ", "head prices ", 1);
        let err = Models::new(None, Some(ModelSet::parse(&renamed).unwrap()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown criterion \"prices\""), "{err}");
    }

    #[test]
    fn features_are_described_in_words_of_the_report_language() {
        let en = Catalog::embedded("en").unwrap();
        let de = Catalog::embedded("de").unwrap();
        assert_eq!(describe("w:funded", &en), "“funded”");
        assert_eq!(describe("c:funding~negated", &en), "cue funding (negated)");
        assert_eq!(describe("f:HC303~positive", &en), "check HC303 (good)");
        assert_eq!(
            describe("r:costs~not_satisfactory", &en),
            "rule answer for costs (not satisfactory)"
        );
        assert_eq!(describe("n:percent", &en), "percentages");
        assert_eq!(describe("c:funding~negated", &de), "Hinweis funding (verneint)");
        assert_eq!(
            describe("r:costs~not_satisfactory", &de),
            "Regelantwort für costs (nicht erfüllt)"
        );
        assert_eq!(describe("n:percent", &de), "Prozentangaben");
    }
}
