//! Expert criteria: the ten questions HealthNewsReview.org reviewers asked of health news and press
//! releases, answered from the same cues and findings as the four questions.
//!
//! Polarity follows the reviewers: `satisfactory` means the text does what a good release should do,
//! and for `disease_mongering` and `sensational_language` that it avoids the fault. These are
//! rule-based first answers ([`assess`]); for English texts [`crate::learn::criteria`] replaces them with the
//! verdicts of linear models trained on the reviewers' ratings, which read the rule verdicts, cues,
//! findings and words. `hypecheck eval hnr` measures both against the ratings.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::checks::{util, Code, Finding, Severity};
use crate::claims::ClaimKind;
use crate::context::Modifier;
use crate::document::Span;
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
    /// The classes in the order of the reviewers' ratings and of the models' heads.
    pub const ALL: [CriterionVerdict; 3] = [
        CriterionVerdict::Satisfactory,
        CriterionVerdict::NotSatisfactory,
        CriterionVerdict::NotApplicable,
    ];

    pub fn parse(class: &str) -> Option<CriterionVerdict> {
        CriterionVerdict::ALL.into_iter().find(|v| v.as_str() == class)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            CriterionVerdict::Satisfactory => "satisfactory",
            CriterionVerdict::NotSatisfactory => "not_satisfactory",
            CriterionVerdict::NotApplicable => "not_applicable",
        }
    }
}

/// The ten criteria, in the reviewers' order; shown and serialised by their JSON keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CriterionKey {
    Costs,
    Benefits,
    Harms,
    Evidence,
    DiseaseMongering,
    Conflicts,
    Alternatives,
    Availability,
    Novelty,
    SensationalLanguage,
}

impl CriterionKey {
    /// The ten criteria, in the reviewers' order.
    pub const ALL: [CriterionKey; 10] = [
        CriterionKey::Costs,
        CriterionKey::Benefits,
        CriterionKey::Harms,
        CriterionKey::Evidence,
        CriterionKey::DiseaseMongering,
        CriterionKey::Conflicts,
        CriterionKey::Alternatives,
        CriterionKey::Availability,
        CriterionKey::Novelty,
        CriterionKey::SensationalLanguage,
    ];

    /// The JSON key ("sensational_language").
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionKey::Costs => "costs",
            CriterionKey::Benefits => "benefits",
            CriterionKey::Harms => "harms",
            CriterionKey::Evidence => "evidence",
            CriterionKey::DiseaseMongering => "disease_mongering",
            CriterionKey::Conflicts => "conflicts",
            CriterionKey::Alternatives => "alternatives",
            CriterionKey::Availability => "availability",
            CriterionKey::Novelty => "novelty",
            CriterionKey::SensationalLanguage => "sensational_language",
        }
    }

    pub fn parse(key: &str) -> Option<CriterionKey> {
        CriterionKey::ALL.into_iter().find(|k| k.as_str() == key)
    }
}

impl std::fmt::Display for CriterionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CriterionKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One criterion's answer before rendering: verdict, confidence, the reason's message id and the
/// spans that decided it.
#[derive(Debug, Clone)]
pub struct Criterion {
    pub key: CriterionKey,
    pub verdict: CriterionVerdict,
    pub confidence: f64,
    pub reason: String,
    pub spans: Vec<Span>,
    /// For a learned verdict: the features that weighed most for it (words, cues, findings).
    pub cues: Vec<String>,
    /// For a learned verdict: the model's probability that the criterion is not satisfied
    /// (whatever class it chose), which the four questions weigh. None for the rules' answers.
    pub short_of: Option<f64>,
}

pub(crate) fn criterion(key: CriterionKey, verdict: CriterionVerdict, confidence: f64, spans: Vec<Span>) -> Criterion {
    Criterion {
        key,
        verdict,
        confidence,
        reason: format!(
            "criterion-{}-{}",
            key.as_str().replace('_', "-"),
            verdict.as_str().replace('_', "-")
        ),
        spans,
        cues: Vec::new(),
        short_of: None,
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

pub(crate) const MAX_SPANS: usize = 5;

/// A criterion met when the text has any of these cues, and otherwise not.
fn by_cues(a: &Analysis, key: CriterionKey, kinds: &[CueKind], confidence: f64) -> Criterion {
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
    let finding_spans = |codes: &[Code], severities: &[Severity]| -> Vec<Span> {
        findings
            .iter()
            .filter(|f| codes.contains(&f.code) && severities.contains(&f.severity))
            .map(|f| f.span)
            .take(MAX_SPANS)
            .collect()
    };

    let costs = by_cues(
        a,
        CriterionKey::Costs,
        &[CueKind::CostTalk, CueKind::Price, CueKind::Offer, CueKind::Currency],
        0.6,
    );

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
        criterion(CriterionKey::Benefits, NotSatisfactory, 0.6, Vec::new())
    } else {
        criterion(CriterionKey::Benefits, Satisfactory, 0.55, quantified)
    };

    let disclosed = finding_spans(&[Code::HC303], &[Severity::Positive]);
    let harms = if disclosed.is_empty() {
        criterion(
            CriterionKey::Harms,
            NotSatisfactory,
            0.65,
            finding_spans(
                &[Code::HC301, Code::HC302, Code::HC304],
                &[Severity::Concern, Severity::Fail],
            ),
        )
    } else {
        criterion(CriterionKey::Harms, Satisfactory, 0.55, disclosed)
    };

    let evidence_faults = finding_spans(
        &[Code::HC101, Code::HC102, Code::HC103, Code::HC107, Code::HC109],
        &[Severity::Fail, Severity::Concern],
    );
    let evidence_limits = finding_spans(&[Code::HC104, Code::HC105, Code::HC108], &[Severity::Positive]);
    let evidence = if !evidence_faults.is_empty() || evidence_limits.is_empty() {
        criterion(CriterionKey::Evidence, NotSatisfactory, 0.6, evidence_faults)
    } else {
        criterion(CriterionKey::Evidence, Satisfactory, 0.55, evidence_limits)
    };

    let mongering = cue_spans(a, &[CueKind::PrevalenceHype], false);
    let disease_mongering = if mongering.is_empty() {
        criterion(CriterionKey::DiseaseMongering, Satisfactory, 0.7, Vec::new())
    } else {
        criterion(CriterionKey::DiseaseMongering, NotSatisfactory, 0.5, mongering)
    };

    let conflicts = by_cues(a, CriterionKey::Conflicts, &[CueKind::Funding], 0.6);
    let alternatives = by_cues(
        a,
        CriterionKey::Alternatives,
        &[CueKind::Comparison, CueKind::HumanControlled],
        0.55,
    );
    let availability = by_cues(
        a,
        CriterionKey::Availability,
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
        criterion(CriterionKey::Novelty, Satisfactory, 0.6, Vec::new())
    } else {
        criterion(CriterionKey::Novelty, NotSatisfactory, 0.5, firsts)
    };

    let hype = finding_spans(&[Code::HC401, Code::HC402], &[Severity::Concern, Severity::Fail]);
    let sensational_language = if hype.is_empty() {
        criterion(CriterionKey::SensationalLanguage, Satisfactory, 0.6, Vec::new())
    } else {
        criterion(CriterionKey::SensationalLanguage, NotSatisfactory, 0.6, hype)
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
