//! HC103 anecdotal-evidence
//!
//! ## What it does
//! Flags testimonials, "patients report", "before and after" and similar anecdotes offered as
//! evidence, one finding per sentence. Where anecdotes are all that supports the text's promises
//! (no controlled human study, no named limits) they fail; otherwise they are a concern.
//!
//! ## Why is this bad?
//! Anecdotes cannot separate a treatment's effect from placebo, natural recovery or selection of
//! the happy customers. They are the weakest kind of evidence and the easiest to curate.
//!
//! ## Example
//! "Our patients report they feel ten years younger after one session."

use super::*;
use crate::lexicon::CueKind;

pub struct AnecdotalEvidence;

/// This many anecdotal sentences without a controlled study make anecdotes the text's evidence.
const ANECDOTE_HEAVY: usize = 3;

impl Check for AnecdotalEvidence {
    fn code(&self) -> Code {
        Code::HC103
    }
    fn name(&self) -> &'static str {
        "anecdotal-evidence"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "Testimonials and anecdotes offered as evidence"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        // Anecdotes as the only support for promised benefits fail, and so does a text that leans on
        // many of them with no controlled human study; beside real evidence they are a concern.
        let sentences: std::collections::BTreeSet<usize> = a
            .cues(CueKind::Anecdote)
            .filter(|(_, _, c)| c.asserted())
            .map(|(i, _, _)| a.sentence_of(i))
            .collect();
        let leans_on_anecdotes = sentences.len() >= ANECDOTE_HEAVY && !a.any_asserted(CueKind::HumanControlled);
        let only_support = util::unsupported_promotion(a) || leans_on_anecdotes;
        let severity = if only_support {
            Severity::Fail
        } else {
            Severity::Concern
        };
        let mut last_sentence = usize::MAX;
        for (i, m, c) in a.cues(CueKind::Anecdote) {
            let s = a.sentence_of(i);
            // A question tells no story ("Is it right for me?").
            if c.has(Modifier::Negated)
                || c.has(Modifier::Refuted)
                || c.has(Modifier::Hypothetical)
                || s == last_sentence
            {
                continue;
            }
            last_sentence = s;
            out.push(
                Finding::new(self.code(), self.question(), severity, m.span, "hc103")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_testimonials() {
        assert_eq!(
            flagged(
                &AnecdotalEvidence,
                "Our patients report they feel younger. Read the testimonials below."
            ),
            vec!["Our patients", "testimonials"]
        );
    }

    #[test]
    fn anecdotes_as_sole_support_for_promises_fail() {
        let f = crate::checks::testing::run(
            &AnecdotalEvidence,
            "Exosome therapy heals knees. Our patients report walking without pain.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Fail);
    }

    #[test]
    fn does_not_flag_refuted_anecdotes() {
        assert!(flagged(
            &AnecdotalEvidence,
            "Testimonials are not proof. They are no evidence of benefit."
        )
        .is_empty());
    }
}
