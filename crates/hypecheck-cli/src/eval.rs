//! `hypecheck eval` and `hypecheck train`: read a labelled file, measure hypecheck's agreement with
//! the labels (with the embedded models, the rules alone, or cross-validated retraining), and train
//! the models that ship in `data/models`.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};
use hypecheck_core::checks::Question;
use hypecheck_core::claims::ClaimStrength;
use hypecheck_core::criteria::{CriterionKey, CriterionVerdict};
use hypecheck_core::eval::{agreement, fold_of, Agreement};
use hypecheck_core::learn::{self, linear::ModelSet, Task, CRITERION_CLASSES, STRENGTH_CLASSES};
use hypecheck_core::{Checker, Language};

/// How predictions are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The embedded models (trained on the dev files, so on them this is a fit, not a test).
    Model,
    /// The rules alone.
    Rules,
    /// K-fold cross-validation: retrain on the other folds for every fold (folds by a stable hash
    /// of the item's key: the sentence for claim strength, the id for releases).
    CrossValidated(usize),
}

/// Sentences with gold claim-strength labels (0-3, the dataset's numbering).
pub struct ClaimData {
    pub sentences: Vec<String>,
    pub labels: Vec<usize>,
}

impl ClaimData {
    pub fn extend(&mut self, other: ClaimData) {
        self.sentences.extend(other.sentences);
        self.labels.extend(other.labels);
    }
}

/// Reads a `sentence,label` CSV.
pub fn read_claim_strength(file: &Path) -> Result<ClaimData> {
    let mut reader = csv::Reader::from_path(file).with_context(|| format!("cannot read {}", file.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(sentence_col), Some(label_col)) = (col("sentence"), col("label")) else {
        bail!("{}: expected a header with the columns sentence,label", file.display());
    };
    let mut data = ClaimData {
        sentences: Vec::new(),
        labels: Vec::new(),
    };
    for (index, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {}", file.display(), index + 2))?;
        let label: usize = record
            .get(label_col)
            .unwrap_or("")
            .trim()
            .parse()
            .ok()
            .filter(|l| *l < STRENGTH_CLASSES.len())
            .with_context(|| format!("{}: row {}: label must be 0-3", file.display(), index + 2))?;
        data.sentences.push(record.get(sentence_col).unwrap_or("").to_string());
        data.labels.push(label);
    }
    if data.sentences.is_empty() {
        bail!("{}: no rows", file.display());
    }
    Ok(data)
}

/// A checker over the same knowledge base that answers with the rules alone.
fn without_models(checker: &Checker) -> Result<Checker> {
    Ok(Checker::rules_only(checker.kb().clone(), Vec::new())?)
}

/// For `--rules`, the checker without models; otherwise none (the given checker answers).
fn rules_checker(checker: &Checker, method: Method) -> Result<Option<Checker>> {
    Ok(if method == Method::Rules {
        Some(without_models(checker)?)
    } else {
        None
    })
}

fn strength_index(s: ClaimStrength) -> usize {
    ClaimStrength::DATASET_ORDER
        .iter()
        .position(|c| *c == s)
        .expect("every claim strength is a class")
}

fn writer(predictions: Option<&Path>) -> Result<Option<std::io::BufWriter<std::fs::File>>> {
    predictions
        .map(|p| {
            std::fs::File::create(p)
                .map(std::io::BufWriter::new)
                .with_context(|| format!("cannot write {}", p.display()))
        })
        .transpose()
}

/// Evaluates claim strength; writes `{"index": i, "label": n}` lines if asked.
pub fn claim_strength(
    checker: &Checker,
    data: &ClaimData,
    train_also: &[ClaimData],
    method: Method,
    predictions: Option<&Path>,
) -> Result<Agreement> {
    let predicted: Vec<usize> = match method {
        Method::CrossValidated(k) => {
            let (all, folds) = with_folds(data, train_also, k);
            let docs = claim_features(checker, &all);
            let task = claim_task(&all);
            let mut model = learn::cross_validate(&docs, &[task], &folds, &learn::CLAIM_STRENGTH_RECIPE).remove(0);
            model.truncate(data.sentences.len());
            // As shipped: the model's answer combined with the rules'.
            let classes: Vec<String> = STRENGTH_CLASSES.iter().map(|s| s.to_string()).collect();
            let rules = without_models(checker)?;
            data.sentences
                .iter()
                .zip(model)
                .map(|(s, p)| {
                    let (rule, promise) = rules.rule_strength(s, Language::En);
                    strength_index(learn::combine_strength(rule, promise, &classes, &p))
                })
                .collect()
        }
        Method::Model | Method::Rules => {
            let rules_only = rules_checker(checker, method)?;
            let checker = rules_only.as_ref().unwrap_or(checker);
            data.sentences
                .iter()
                .map(|s| strength_index(checker.claim_strength(s, Language::En).0))
                .collect()
        }
    };
    strength_agreement(data, &predicted, predictions)
}

/// Claim strength by the deep tier, cross-validated: the encoder's top layers and a head tuned on
/// the other folds (and on `train_also` in every fold), its answer combined with the rules' as the
/// shipped model's is. The lower layers do not change, so their output is computed once.
pub fn claim_strength_deep(
    checker: &Checker,
    data: &ClaimData,
    train_also: &[ClaimData],
    k: usize,
    encoder_dir: Option<&Path>,
    tuning: hypecheck_encoder::tune::Tuning,
    predictions: Option<&Path>,
) -> Result<Agreement> {
    let encoder = hypecheck_encoder::Encoder::find(encoder_dir)?;
    let (all, folds) = with_folds(data, train_also, k);
    let sentences: Vec<&str> = all.sentences.iter().map(String::as_str).collect();
    let labels = &all.labels;
    let started = std::time::Instant::now();
    let states = encoder.lower_states(&sentences, tuning.top_layers)?;
    eprintln!(
        "hypecheck: encoded {} sentences through the fixed layers in {:.0?}",
        sentences.len(),
        started.elapsed()
    );
    let classes: Vec<String> = STRENGTH_CLASSES.iter().map(|s| s.to_string()).collect();
    let rules = without_models(checker)?;
    let mut predicted = vec![0usize; data.sentences.len()];
    for fold in 0..k {
        let train: Vec<usize> = (0..sentences.len()).filter(|&i| folds[i] != fold).collect();
        let test: Vec<usize> = (0..data.sentences.len()).filter(|&i| folds[i] == fold).collect();
        let model = hypecheck_encoder::tune::Classifier::train(
            &encoder,
            &train.iter().map(|&i| states[i].clone()).collect::<Vec<_>>(),
            &train.iter().map(|&i| labels[i]).collect::<Vec<_>>(),
            classes.len(),
            tuning,
            |epoch, loss| {
                eprintln!(
                    "hypecheck: fold {}/{k}, epoch {epoch}: training loss {loss:.3}",
                    fold + 1
                )
            },
        )?;
        let test_states: Vec<_> = test.iter().map(|&i| states[i].clone()).collect();
        for (&i, p) in test.iter().zip(model.probabilities(&test_states)?) {
            let p: Vec<f64> = p.into_iter().map(f64::from).collect();
            let (rule, promise) = rules.rule_strength(&data.sentences[i], Language::En);
            predicted[i] = strength_index(learn::combine_strength(rule, promise, &classes, &p));
        }
    }
    strength_agreement(data, &predicted, predictions)
}

/// The sentences to cross-validate on and the fold of each: `data`'s by a stable hash, then the
/// extra sentences, which train in every fold and are never scored.
fn with_folds(data: &ClaimData, train_also: &[ClaimData], k: usize) -> (ClaimData, Vec<usize>) {
    let mut all = ClaimData {
        sentences: data.sentences.clone(),
        labels: data.labels.clone(),
    };
    let mut folds: Vec<usize> = data.sentences.iter().map(|s| fold_of(s, k)).collect();
    for extra in train_also {
        all.sentences.extend(extra.sentences.iter().cloned());
        all.labels.extend(&extra.labels);
        folds.extend(std::iter::repeat_n(learn::ALWAYS_TRAIN, extra.sentences.len()));
    }
    (all, folds)
}

/// Writes the predicted claim strengths (if asked) and measures them against `data`'s labels.
fn strength_agreement(data: &ClaimData, predicted: &[usize], predictions: Option<&Path>) -> Result<Agreement> {
    if let Some(mut w) = writer(predictions)? {
        for (index, p) in predicted.iter().enumerate() {
            writeln!(w, "{}", serde_json::json!({"index": index, "label": p}))?;
        }
    }
    Ok(agreement(&STRENGTH_CLASSES, &data.labels, predicted))
}

fn claim_features(checker: &Checker, data: &ClaimData) -> Vec<Vec<String>> {
    data.sentences
        .iter()
        .map(|s| {
            checker
                .sentence_features(s, Language::En)
                .into_iter()
                .map(|o| o.name)
                .collect()
        })
        .collect()
}

fn claim_task(data: &ClaimData) -> Task<'static> {
    Task {
        key: learn::CLAIM_STRENGTH,
        classes: &STRENGTH_CLASSES,
        labels: data.labels.clone(),
    }
}

/// Trains the claim-strength model on all of `data`.
pub fn train_claim_strength(checker: &Checker, data: &ClaimData, source: &str) -> ModelSet {
    let docs = claim_features(checker, data);
    let mut model = learn::train(&docs, &[claim_task(data)], &learn::CLAIM_STRENGTH_RECIPE);
    model.comments = vec![
        "hypecheck claim-strength model: multinomial logistic regression over words, word pairs and".into(),
        "cue-abstracted n-grams (features in crates/hypecheck-core/src/learn/features.rs).".into(),
        format!("Trained by `hypecheck train` on {source}; do not edit by hand."),
    ];
    model
}

/// Releases with the reviewers' ratings, one label per criterion (index into CRITERION_CLASSES).
pub struct HnrData {
    pub ids: Vec<String>,
    pub bodies: Vec<String>,
    /// `labels[criterion][item]`.
    pub labels: Vec<Vec<usize>>,
}

/// A criterion verdict's index among the model classes (and the labels).
fn class_index(verdict: CriterionVerdict) -> usize {
    CriterionVerdict::ALL
        .iter()
        .position(|v| *v == verdict)
        .expect("every verdict is a class")
}

/// Reads a JSONL file of rated releases (`id`, `title`, `text`, `criteria`).
pub fn read_hnr(file: &Path) -> Result<HnrData> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let keys = CriterionKey::ALL;
    let mut data = HnrData {
        ids: Vec::new(),
        bodies: Vec::new(),
        labels: vec![Vec::new(); keys.len()],
    };
    let label_index = |s: &str| CRITERION_CLASSES.iter().position(|l| *l == s);
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}: line {}: not JSON", file.display(), n + 1))?;
        let id = item["id"].as_str().unwrap_or("").to_string();
        for (k, key) in keys.iter().enumerate() {
            let want = item["criteria"][key.as_str()]
                .as_str()
                .and_then(label_index)
                .with_context(|| {
                    format!(
                        "{}: line {} ({id}): criterion {key} has no valid rating",
                        file.display(),
                        n + 1
                    )
                })?;
            data.labels[k].push(want);
        }
        data.bodies.push(format!(
            "{}\n\n{}",
            item["title"].as_str().unwrap_or(""),
            item["text"].as_str().unwrap_or("")
        ));
        data.ids.push(id);
    }
    if data.ids.is_empty() {
        bail!("{}: no items", file.display());
    }
    Ok(data)
}

fn english_text() -> hypecheck_core::Options {
    hypecheck_core::Options {
        input_format: Some(hypecheck_core::InputFormat::Text),
        text_language: Some(Language::En),
        report_language: Some(Language::En),
        ..Default::default()
    }
}

/// Agreement per criterion with the reviewers' ratings, in the reviewers' order.
#[derive(serde::Serialize)]
pub struct HnrAgreement {
    pub items: usize,
    pub mean_macro_f1: f64,
    pub criteria: Vec<(String, Agreement)>,
}

fn hnr_features(checker: &Checker, data: &HnrData) -> Result<Vec<hypecheck_core::DocumentFeatures>> {
    data.bodies
        .iter()
        .zip(&data.ids)
        .map(|(body, id)| {
            checker
                .document_features(body, &english_text())
                .with_context(|| format!("release {id}"))
        })
        .collect()
}

fn feature_names(docs: &[hypecheck_core::DocumentFeatures]) -> Vec<Vec<&str>> {
    docs.iter()
        .map(|d| d.features.iter().map(|o| o.name.as_str()).collect())
        .collect()
}

fn hnr_tasks(data: &HnrData) -> Vec<Task<'static>> {
    CriterionKey::ALL
        .iter()
        .enumerate()
        .filter(|(_, key)| hypecheck_core::learn::criteria::LEARNED.contains(key))
        .map(|(k, key)| Task {
            key: key.as_str(),
            classes: &CRITERION_CLASSES,
            labels: data.labels[k].clone(),
        })
        .collect()
}

/// Evaluates the ten criteria; writes `{"id": ..., "criteria": {...}}` lines if asked (with
/// `--cv`, also `"probabilities"`: each learned criterion's class probabilities, out of fold).
pub fn hnr(checker: &Checker, data: &HnrData, method: Method, predictions: Option<&Path>) -> Result<HnrAgreement> {
    let keys = CriterionKey::ALL;
    // With cross-validation, each learned criterion's out-of-fold class probabilities
    // (probabilities[criterion][item]), which the predictions file records.
    let mut probabilities: Vec<Option<Vec<Vec<f64>>>> = vec![None; keys.len()];
    // predicted[criterion][item]
    let predicted: Vec<Vec<usize>> = match method {
        Method::CrossValidated(k) => {
            let docs = hnr_features(checker, data)?;
            let folds: Vec<usize> = data.ids.iter().map(|id| fold_of(id, k)).collect();
            let probs = learn::cross_validate(&feature_names(&docs), &hnr_tasks(data), &folds, &learn::CRITERIA_RECIPE);
            let mut learned = probs.into_iter();
            probabilities = keys
                .iter()
                .map(|key| {
                    hypecheck_core::learn::criteria::LEARNED
                        .contains(key)
                        .then(|| learned.next().expect("one head per learned criterion"))
                })
                .collect();
            // As shipped: the model's answer where it has a head, the rules' elsewhere.
            probabilities
                .iter()
                .enumerate()
                .map(|(k, task)| match task {
                    Some(task) => task.iter().map(|p| learn::argmax(p)).collect(),
                    None => docs.iter().map(|d| class_index(d.rules[k].1)).collect(),
                })
                .collect()
        }
        Method::Model | Method::Rules => {
            let rules_only = rules_checker(checker, method)?;
            let checker = rules_only.as_ref().unwrap_or(checker);
            let mut out = vec![Vec::with_capacity(data.ids.len()); keys.len()];
            for (body, id) in data.bodies.iter().zip(&data.ids) {
                let report = checker
                    .check_text(body, &english_text())
                    .with_context(|| format!("release {id}"))?;
                for (k, (_, c)) in report.criteria.iter().enumerate() {
                    out[k].push(class_index(c.verdict));
                }
            }
            out
        }
    };
    if let Some(mut w) = writer(predictions)? {
        for (i, id) in data.ids.iter().enumerate() {
            let verdicts: serde_json::Map<String, serde_json::Value> = keys
                .iter()
                .enumerate()
                .map(|(k, key)| {
                    (
                        key.as_str().to_string(),
                        serde_json::json!(CRITERION_CLASSES[predicted[k][i]]),
                    )
                })
                .collect();
            let mut line = serde_json::json!({"id": id, "criteria": verdicts});
            let probability: serde_json::Map<String, serde_json::Value> = keys
                .iter()
                .zip(&probabilities)
                .filter_map(|(key, p)| {
                    let by_class: serde_json::Map<String, serde_json::Value> = CRITERION_CLASSES
                        .iter()
                        .zip(&p.as_ref()?[i])
                        .map(|(class, p)| (class.to_string(), serde_json::json!((p * 1e4).round() / 1e4)))
                        .collect();
                    Some((key.as_str().to_string(), by_class.into()))
                })
                .collect();
            if !probability.is_empty() {
                line["probabilities"] = probability.into();
            }
            writeln!(w, "{line}")?;
        }
    }
    let criteria: Vec<(String, Agreement)> = keys
        .iter()
        .enumerate()
        .map(|(k, key)| {
            (
                key.as_str().to_string(),
                agreement(&CRITERION_CLASSES, &data.labels[k], &predicted[k]),
            )
        })
        .collect();
    let mean_macro_f1 = criteria.iter().map(|(_, a)| a.macro_f1).sum::<f64>() / criteria.len() as f64;
    Ok(HnrAgreement {
        items: data.ids.len(),
        mean_macro_f1,
        criteria,
    })
}

/// Trains the criteria model on all of `data`. The features include the findings of the checks,
/// so `checker` must carry the claim-strength model that will ship beside it.
pub fn train_hnr(checker: &Checker, data: &HnrData, source: &str) -> Result<ModelSet> {
    let docs = hnr_features(checker, data)?;
    let mut model = learn::train(&feature_names(&docs), &hnr_tasks(data), &learn::CRITERIA_RECIPE);
    model.comments = vec![
        "hypecheck expert-criteria model: one multinomial logistic regression per HealthNewsReview".into(),
        "criterion over words, cues, findings, rule verdicts and claim strengths (features in".into(),
        "crates/hypecheck-core/src/learn/features.rs).".into(),
        format!("Trained by `hypecheck train` on {source}; do not edit by hand."),
    ];
    Ok(model)
}

/// The four questions and the expert criterion each is measured against. Approval is read against
/// availability, the criterion closest to it (they differ most: availability also asks whether a
/// product can be had), and only on releases where the reviewers found availability applicable.
pub const QUESTION_CRITERIA: [(Question, CriterionKey); 4] = [
    (Question::Evidence, CriterionKey::Evidence),
    (Question::Risks, CriterionKey::Harms),
    (Question::Language, CriterionKey::SensationalLanguage),
    (Question::Approval, CriterionKey::Availability),
];

/// One question against its criterion.
#[derive(serde::Serialize)]
pub struct QuestionAgreement {
    pub question: String,
    pub criterion: String,
    /// Releases the reviewers rated satisfactory or not satisfactory on the criterion.
    pub rated: usize,
    #[serde(flatten)]
    pub agreement: hypecheck_core::eval::BinaryAgreement,
}

#[derive(serde::Serialize)]
pub struct QuestionsAgreement {
    pub items: usize,
    /// Whether any part of the verdicts was trained on these releases: the shipped criteria model
    /// (read by the risks question's HC305 and HC306) was, unless --cv retrained it per fold; the
    /// claim-strength model learned from other sentences.
    pub trained_on_these_items: bool,
    pub questions: Vec<QuestionAgreement>,
}

/// The four questions against the reviewers' ratings. A verdict of `concern` or `fail` reads as
/// "flags a shortcoming", `pass` and `not_applicable` as not; releases the reviewers rated not
/// applicable on a criterion are left out of that question. Writes `{"id", "questions"}` lines if
/// asked.
pub fn questions(
    checker: &Checker,
    data: &HnrData,
    method: Method,
    predictions: Option<&Path>,
) -> Result<QuestionsAgreement> {
    let rules_only = rules_checker(checker, method)?;
    let checker = rules_only.as_ref().unwrap_or(checker);
    // With --cv, the criteria model the risks question reads (HC305, HC306) is retrained for each fold on
    // the other folds, and each release is checked by its fold's checker.
    let (folds, fold_checkers) = match method {
        Method::CrossValidated(k) => {
            let folds: Vec<usize> = data.ids.iter().map(|id| fold_of(id, k)).collect();
            (folds.clone(), fold_checkers(checker, data, &folds, k)?)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let keys = CriterionKey::ALL;
    let not_satisfactory = class_index(CriterionVerdict::NotSatisfactory);
    let not_applicable = class_index(CriterionVerdict::NotApplicable);
    // verdicts[question][item]
    let mut verdicts: Vec<Vec<hypecheck_core::Verdict>> = (0..QUESTION_CRITERIA.len())
        .map(|_| Vec::with_capacity(data.ids.len()))
        .collect();
    let mut w = writer(predictions)?;
    for (i, (body, id)) in data.bodies.iter().zip(&data.ids).enumerate() {
        let checker = folds.get(i).map_or(checker, |&f| &fold_checkers[f]);
        let report = checker
            .check_text(body, &english_text())
            .with_context(|| format!("release {id}"))?;
        let mut line = serde_json::Map::new();
        for (q, (question, _)) in QUESTION_CRITERIA.iter().enumerate() {
            let (_, out) = report
                .questions
                .iter()
                .find(|(k, _)| k == question)
                .expect("four questions");
            verdicts[q].push(out.verdict);
            line.insert(question.as_str().to_string(), serde_json::json!(out.verdict.as_str()));
        }
        if let Some(w) = w.as_mut() {
            writeln!(w, "{}", serde_json::json!({"id": id, "questions": line}))?;
        }
    }
    let questions = QUESTION_CRITERIA
        .iter()
        .enumerate()
        .map(|(q, (question, criterion))| {
            let k = keys.iter().position(|key| key == criterion).expect("a criterion key");
            let (gold, flagged): (Vec<bool>, Vec<bool>) = data.labels[k]
                .iter()
                .zip(&verdicts[q])
                .filter(|(&label, _)| label != not_applicable)
                .map(|(&label, v)| {
                    (
                        label == not_satisfactory,
                        matches!(v, hypecheck_core::Verdict::Concern | hypecheck_core::Verdict::Fail),
                    )
                })
                .unzip();
            QuestionAgreement {
                question: question.as_str().to_string(),
                criterion: criterion.as_str().to_string(),
                rated: gold.len(),
                agreement: hypecheck_core::eval::binary_agreement(&gold, &flagged),
            }
        })
        .collect();
    Ok(QuestionsAgreement {
        items: data.ids.len(),
        trained_on_these_items: method == Method::Model,
        questions,
    })
}

/// One checker per fold: the shipped claim-strength model and a criteria model trained on the
/// releases of the other folds.
fn fold_checkers(checker: &Checker, data: &HnrData, folds: &[usize], k: usize) -> Result<Vec<Checker>> {
    let docs = hnr_features(checker, data)?;
    let names = feature_names(&docs);
    let tasks = hnr_tasks(data);
    (0..k)
        .map(|fold| {
            let train: Vec<usize> = (0..data.ids.len()).filter(|&i| folds[i] != fold).collect();
            let fold_names: Vec<Vec<&str>> = train.iter().map(|&i| names[i].clone()).collect();
            let fold_tasks: Vec<Task> = tasks
                .iter()
                .map(|t| Task {
                    key: t.key,
                    classes: t.classes,
                    labels: train.iter().map(|&i| t.labels[i]).collect(),
                })
                .collect();
            let models = learn::Models::embedded()?.with_criteria(learn::train(
                &fold_names,
                &fold_tasks,
                &learn::CRITERIA_RECIPE,
            ))?;
            Ok(Checker::rules_only(checker.kb().clone(), Vec::new())?.with_models(models))
        })
        .collect()
}

/// The questions' agreement as a readable table.
pub fn render_questions(a: &QuestionsAgreement) -> String {
    let mut o = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        o,
        "The four questions against the reviewers' criteria: {} releases (concern or fail = flags a shortcoming)",
        a.items
    );
    let _ = writeln!(
        o,
        "  {:<9} {:<21} {:>5} {:>7} {:>11} {:>9} {:>7}   confusion (experts flag: yes/no x hypecheck flags: yes/no)",
        "question", "criterion", "rated", "recall", "specificity", "bal. acc.", "kappa"
    );
    for q in &a.questions {
        let c = &q.agreement;
        let _ = writeln!(
            o,
            "  {:<9} {:<21} {:>5} {:>7.3} {:>11.3} {:>9.3} {:>7.3}   yes: {:>3} {:>3} | no: {:>3} {:>3}",
            q.question,
            q.criterion,
            q.rated,
            c.recall,
            c.specificity,
            c.balanced_accuracy,
            c.kappa,
            c.true_positives,
            c.false_negatives,
            c.false_positives,
            c.true_negatives
        );
    }
    let _ = writeln!(
        o,
        "  {}",
        if a.trained_on_these_items {
            "The risks question reads the shipped criteria model, trained on these releases: a fit, not a test (use --cv 5)."
        } else {
            "Out of sample: the criteria model the risks question reads was trained inside the folds (or not used)."
        }
    );
    o
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
        "  {:<22} {:>8} {:>9} {:>7} {:>9} {:>14} {:>13}",
        "criterion", "accuracy", "macro-F1", "kappa", "NS recall", "majority acc.", "majority F1"
    );
    for (key, c) in &a.criteria {
        let _ = writeln!(
            o,
            "  {:<22} {:>8.3} {:>9.3} {:>7.3} {:>9.3} {:>14.3} {:>13.3}",
            key, c.accuracy, c.macro_f1, c.kappa, c.per_class[1].recall, c.majority_accuracy, c.majority_macro_f1
        );
    }
    let _ = writeln!(
        o,
        "  confusion per criterion (rows: gold satisfactory | not satisfactory | not applicable; \
         columns: predicted, same order):"
    );
    for (key, c) in &a.criteria {
        let rows: Vec<String> = c
            .confusion
            .iter()
            .map(|row| row.iter().map(|n| format!("{n:>4}")).collect::<String>())
            .collect();
        let _ = writeln!(o, "  {:<22} {}", key, rows.join("  |"));
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
