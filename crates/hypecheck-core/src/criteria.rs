//! Expert criteria: the ten questions HealthNewsReview.org reviewers asked of health news and press
//! releases, answered from the same cues and findings as the four questions.
//!
//! Polarity follows the reviewers: `satisfactory` means the text does what a good release should do,
//! and for `disease_mongering` and `sensational_language` that it avoids the fault. These are
//! rule-based first answers ([`assess`]); for English texts [`learned`] replaces them with the
//! verdicts of linear models trained on the reviewers' ratings, which read the rule verdicts, cues,
//! findings and words. `hypecheck eval hnr` measures both against the ratings.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::checks::{util, Finding, Severity};
use crate::claims::ClaimKind;
use crate::context::Modifier;
use crate::document::Span;
use crate::learn::{self, linear::ModelSet};
use crate::lexicon::CueKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CriterionVerdict {
    Satisfactory,
    NotSatisfactory,
    NotApplicable,
}

impl CriterionVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionVerdict::Satisfactory => "satisfactory",
            CriterionVerdict::NotSatisfactory => "not_satisfactory",
            CriterionVerdict::NotApplicable => "not_applicable",
        }
    }
}

/// The ten criteria, in the reviewers' order, with their JSON keys.
pub const KEYS: [&str; 10] = [
    "costs",
    "benefits",
    "harms",
    "evidence",
    "disease_mongering",
    "conflicts",
    "alternatives",
    "availability",
    "novelty",
    "sensational_language",
];

/// The criteria the learned model answers (for English texts). On the others (disease-mongering,
/// conflicts, sensational language) it did not beat the rules in 5-fold cross-validation on the
/// reviewers' ratings (macro-F1 0.331 vs 0.336, 0.435 vs 0.446, 0.608 vs 0.610), so the rules,
/// which name their cues directly, keep them.
pub const LEARNED: [&str; 7] = [
    "costs",
    "benefits",
    "harms",
    "evidence",
    "alternatives",
    "availability",
    "novelty",
];

/// One criterion's answer before rendering: verdict, confidence, the reason's message id and the
/// spans that decided it.
#[derive(Debug, Clone)]
pub struct Criterion {
    pub key: &'static str,
    pub verdict: CriterionVerdict,
    pub confidence: f64,
    pub reason: String,
    pub spans: Vec<Span>,
    /// For a learned verdict: the features that weighed most for it (words, cues, findings).
    pub cues: Vec<String>,
}

fn criterion(key: &'static str, verdict: CriterionVerdict, confidence: f64, spans: Vec<Span>) -> Criterion {
    Criterion {
        key,
        verdict,
        confidence,
        reason: format!(
            "criterion-{}-{}",
            key.replace('_', "-"),
            verdict.as_str().replace('_', "-")
        ),
        spans,
        cues: Vec::new(),
    }
}

/// Spans of the asserted (or, with `any_context`, all) cues of some kinds, at most a few.
fn cue_spans(a: &Analysis, kinds: &[CueKind], any_context: bool) -> Vec<Span> {
    a.mentions
        .iter()
        .zip(&a.context)
        .filter(|(m, c)| kinds.contains(&m.kind) && (any_context || !c.has(Modifier::Negated)))
        .map(|(m, _)| m.span)
        .take(MAX_SPANS)
        .collect()
}

const MAX_SPANS: usize = 5;

/// A criterion met when the text has any of these cues, and otherwise not.
fn by_cues(a: &Analysis, key: &'static str, kinds: &[CueKind], confidence: f64) -> Criterion {
    let spans = cue_spans(a, kinds, false);
    if spans.is_empty() {
        criterion(key, CriterionVerdict::NotSatisfactory, confidence, Vec::new())
    } else {
        criterion(key, CriterionVerdict::Satisfactory, confidence, spans)
    }
}

/// Answers the ten criteria for an analysed text and its findings.
pub fn assess(a: &Analysis, findings: &[Finding]) -> Vec<Criterion> {
    use CriterionVerdict::*;
    let finding_spans = |codes: &[&str], severities: &[Severity]| -> Vec<Span> {
        findings
            .iter()
            .filter(|f| codes.contains(&f.code) && severities.contains(&f.severity))
            .map(|f| f.span)
            .take(MAX_SPANS)
            .collect()
    };

    let costs = by_cues(a, "costs", &[CueKind::CostTalk, CueKind::Price, CueKind::Currency], 0.6);

    // Benefits are quantified when a sentence about an effect or a study gives numbers ("41%",
    // "30 in 100").
    let effect_kinds = [
        CueKind::Causal,
        CueKind::Reduction,
        CueKind::Correlational,
        CueKind::HumanControlled,
        CueKind::HumanEarly,
    ];
    let quantified: Vec<Span> = (0..a.by_sentence.len())
        .filter(|&s| {
            a.claim_in(s).is_some_and(|c| c.kinds.contains(&ClaimKind::Efficacy))
                || a.in_sentence(s).any(|(_, m, _)| effect_kinds.contains(&m.kind))
        })
        .filter(|&s| util::quantified(a, s))
        .map(|s| a.sentence_span(s))
        .take(MAX_SPANS)
        .collect();
    let benefits = if quantified.is_empty() {
        criterion("benefits", NotSatisfactory, 0.6, Vec::new())
    } else {
        criterion("benefits", Satisfactory, 0.55, quantified)
    };

    let disclosed = finding_spans(&["HC303"], &[Severity::Positive]);
    let harms = if disclosed.is_empty() {
        criterion(
            "harms",
            NotSatisfactory,
            0.65,
            finding_spans(&["HC301", "HC302", "HC304"], &[Severity::Concern, Severity::Fail]),
        )
    } else {
        criterion("harms", Satisfactory, 0.55, disclosed)
    };

    let evidence_faults = finding_spans(
        &["HC101", "HC102", "HC103", "HC107", "HC109"],
        &[Severity::Fail, Severity::Concern],
    );
    let evidence_limits = finding_spans(&["HC104", "HC105", "HC108"], &[Severity::Positive]);
    let evidence = if !evidence_faults.is_empty() || evidence_limits.is_empty() {
        criterion("evidence", NotSatisfactory, 0.6, evidence_faults)
    } else {
        criterion("evidence", Satisfactory, 0.55, evidence_limits)
    };

    let mongering = cue_spans(a, &[CueKind::PrevalenceHype], false);
    let disease_mongering = if mongering.is_empty() {
        criterion("disease_mongering", Satisfactory, 0.7, Vec::new())
    } else {
        criterion("disease_mongering", NotSatisfactory, 0.5, mongering)
    };

    let conflicts = by_cues(a, "conflicts", &[CueKind::Funding], 0.6);
    let alternatives = by_cues(
        a,
        "alternatives",
        &[CueKind::Comparison, CueKind::HumanControlled],
        0.55,
    );
    let availability = by_cues(
        a,
        "availability",
        &[
            CueKind::Availability,
            CueKind::ApprovalClaim,
            CueKind::UnapprovedStatus,
            CueKind::RegulatorWarning,
        ],
        0.55,
    );

    let firsts: Vec<Span> = a
        .cues(CueKind::NoveltyClaim)
        .filter(|(_, _, c)| c.asserted())
        .map(|(_, m, _)| m.span)
        .take(MAX_SPANS)
        .collect();
    let novelty = if firsts.is_empty() {
        criterion("novelty", Satisfactory, 0.6, Vec::new())
    } else {
        criterion("novelty", NotSatisfactory, 0.5, firsts)
    };

    let hype = finding_spans(&["HC401", "HC402"], &[Severity::Concern, Severity::Fail]);
    let sensational_language = if hype.is_empty() {
        criterion("sensational_language", Satisfactory, 0.6, Vec::new())
    } else {
        criterion("sensational_language", NotSatisfactory, 0.6, hype)
    };

    vec![
        costs,
        benefits,
        harms,
        evidence,
        disease_mongering,
        conflicts,
        alternatives,
        availability,
        novelty,
        sensational_language,
    ]
}

/// The criteria from the learned model, where it has a head for them; the rule answer elsewhere.
/// Spans and cues are those of the features that pushed the verdict most.
pub fn learned(a: &Analysis, findings: &[Finding], rules: Vec<Criterion>, model: &ModelSet) -> Vec<Criterion> {
    let features = learn::Features::extract(&model.vocabulary, |sink| {
        learn::features::document_into(a, findings, &rules, sink)
    });
    // Per criterion, the head that answers it, if the model answers it at all.
    let heads: Vec<Option<&learn::linear::Head>> = rules
        .iter()
        .map(|r| model.head(r.key).filter(|_| LEARNED.contains(&r.key)))
        .collect();
    let answering: Vec<&learn::linear::Head> = heads.iter().flatten().copied().collect();
    let mut predictions = learn::predict_many(&model.vocabulary, &answering, &features).into_iter();
    rules
        .into_iter()
        .zip(heads)
        .map(|(rule, head)| {
            let Some(head) = head else {
                return rule;
            };
            let p = predictions.next().expect("one prediction per learned head");
            let verdict = match head.classes[p.class].as_str() {
                "satisfactory" => CriterionVerdict::Satisfactory,
                "not_applicable" => CriterionVerdict::NotApplicable,
                _ => CriterionVerdict::NotSatisfactory,
            };
            let mut spans: Vec<Span> = Vec::new();
            for s in p.drivers.iter().flat_map(|d| &d.spans) {
                if spans.len() < MAX_SPANS && !spans.contains(s) {
                    spans.push(*s);
                }
            }
            spans.sort_by_key(|s| s.start);
            let mut c = criterion(rule.key, verdict, p.probability, spans);
            if verdict == CriterionVerdict::NotApplicable {
                c.reason = "criterion-not-applicable".into();
            }
            c.cues = p.drivers.into_iter().map(|d| d.feature).collect();
            c
        })
        .collect()
}
