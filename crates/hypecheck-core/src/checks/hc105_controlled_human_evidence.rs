//! HC105 controlled-human-evidence (positive)
//!
//! ## What it does
//! Notes where the text cites controlled human evidence: randomised, placebo-controlled,
//! double-blind, phase 3 trials, systematic reviews and meta-analyses.
//!
//! ## Why is this good?
//! Controlled trials in people are what can show that a treatment helps patients; saying which
//! design stands behind a claim lets readers judge it.
//!
//! ## Example
//! "In a randomized, placebo-controlled phase 3 trial of 612 adults ..."

use super::*;
use crate::lexicon::CueKind;

pub struct ControlledHumanEvidence;

impl Check for ControlledHumanEvidence {
    fn code(&self) -> Code {
        Code::HC105
    }
    fn name(&self) -> &'static str {
        "controlled-human-evidence"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "The text cites controlled studies in humans"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let mut last_sentence = usize::MAX;
        for (i, m, c) in a.cues(CueKind::HumanControlled) {
            let s = a.sentence_of(i);
            if !c.asserted() || s == last_sentence {
                continue;
            }
            last_sentence = s;
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, m.span, "hc105")
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
    fn a_controlled_trial_still_needed_is_no_evidence() {
        for t in [
            "Acupuncture eased hot flashes in 14 women. \"We need a randomized trial,\" said the author.",
            "Acupuncture eased hot flashes in 14 women. Larger randomized trials are needed.",
            "Acupuncture eased hot flashes in 14 women. Future randomized trials should test it.",
        ] {
            assert!(flagged(&ControlledHumanEvidence, t).is_empty(), "{t}");
        }
        let de = "Akupunktur linderte Hitzewallungen bei 14 Frauen. Größere randomisierte Studien sind nötig.";
        assert!(crate::checks::testing::flagged_de(&ControlledHumanEvidence, de).is_empty());
    }

    #[test]
    fn notes_randomized_trials() {
        assert_eq!(
            flagged(
                &ControlledHumanEvidence,
                "A randomized trial in 300 adults found fewer migraines."
            ),
            vec!["randomized"]
        );
    }

    #[test]
    fn does_not_note_a_missing_trial() {
        assert!(flagged(&ControlledHumanEvidence, "There has been no randomized trial.").is_empty());
    }
}
