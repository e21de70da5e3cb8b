//! The expert criteria answered by the learned model: for English texts its verdicts replace the
//! rules' answers on the criteria where it beat them, with the features that weighed most as the
//! reasons and spans.

use crate::analysis::Analysis;
use crate::checks::Finding;
use crate::criteria::{criterion, Criterion, CriterionKey, CriterionVerdict, MAX_SPANS};
use crate::document::Span;

use super::linear::{Head, ModelSet, Stack};

/// The criteria the learned model answers (for English texts). On the others (disease-mongering,
/// conflicts, sensational language) it did not beat the rules in 5-fold cross-validation on the
/// reviewers' ratings (macro-F1 0.331 vs 0.336, 0.435 vs 0.446, 0.608 vs 0.610), so the rules,
/// which name their cues directly, keep them.
pub const LEARNED: [CriterionKey; 7] = [
    CriterionKey::Costs,
    CriterionKey::Benefits,
    CriterionKey::Harms,
    CriterionKey::Evidence,
    CriterionKey::Alternatives,
    CriterionKey::Availability,
    CriterionKey::Novelty,
];

/// The heads of a criteria model that answer, side by side, in the order of [`LEARNED`].
pub fn answering(model: &ModelSet) -> Stack {
    let heads: Vec<&Head> = LEARNED.iter().filter_map(|key| model.head(key.as_str())).collect();
    Stack::new(&heads)
}

/// The criteria from the learned model, where it has a head for them ([`answering`]); the rule
/// answer elsewhere. Spans and cues are those of the features that pushed the verdict most (none
/// with [`super::Explain::VerdictOnly`]). `cancelled` may cut the reading short; the caller then drops the answers.
pub fn answer(
    a: &Analysis,
    findings: &[Finding],
    rules: Vec<Criterion>,
    model: &ModelSet,
    heads: &Stack,
    explain: super::Explain,
    cancelled: &dyn Fn() -> bool,
) -> Vec<Criterion> {
    let features = super::Features::extract(&model.vocabulary, explain, |sink| {
        super::features::document_into(a, findings, &rules, cancelled, sink)
    });
    let mut predictions: Vec<Option<super::Prediction>> = super::predict_many(&model.vocabulary, heads, &features)
        .into_iter()
        .map(Some)
        .collect();
    rules
        .into_iter()
        .map(|rule| {
            let Some(head) = heads.position(rule.key.as_str()) else {
                return rule;
            };
            let classes = heads.classes(head);
            let p = predictions[head].take().expect("one prediction per head");
            let verdict = CriterionVerdict::parse(&classes[p.class])
                .expect("criterion classes are checked when the model is loaded");
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
            c.short_of = classes
                .iter()
                .position(|class| CriterionVerdict::parse(class) == Some(CriterionVerdict::NotSatisfactory))
                .map(|i| p.probabilities[i]);
            c
        })
        .collect()
}
