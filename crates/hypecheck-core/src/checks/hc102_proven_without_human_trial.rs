//! HC102 proven-without-human-trial
//!
//! ## What it does
//! Flags "clinically proven", "scientifically proven" and "studies show" when the text names no
//! controlled study in humans. With a controlled human study named, "proven" is still an
//! overstatement (concern); vague "studies show" with no study at all is a concern, and fails
//! where it is all that supports the text's promises.
//!
//! ## Why is this bad?
//! Proof of benefit needs controlled trials in people. "Clinically proven" with nothing behind it
//! borrows the authority of science without its substance.
//!
//! ## Example
//! "Our clinically proven exosome serum regrows hair."

use super::*;
use crate::lexicon::CueKind;

pub struct ProvenWithoutHumanTrial;

impl Check for ProvenWithoutHumanTrial {
    fn code(&self) -> Code {
        Code::HC102
    }
    fn name(&self) -> &'static str {
        "proven-without-human-trial"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "\"Clinically proven\" or \"studies show\" with no controlled human study named"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let controlled = a.any_asserted(CueKind::HumanControlled);
        let any_study = controlled
            || [CueKind::HumanEarly, CueKind::HumanObservational, CueKind::Preclinical]
                .into_iter()
                .any(|k| a.cues(k).next().is_some());
        for (i, m, c) in a.cues(CueKind::ProvenClaim) {
            if !c.asserted() {
                continue;
            }
            let (severity, msg) = if controlled {
                (Severity::Concern, "hc102-overstated")
            } else {
                (Severity::Fail, "hc102")
            };
            out.push(
                Finding::new(self.code(), self.question(), severity, m.span, msg)
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
        if !any_study {
            // Vague evidence as the only support for promised benefits fails.
            let severity = if util::unsupported_promotion(a) {
                Severity::Fail
            } else {
                Severity::Concern
            };
            for (i, m, c) in a.cues(CueKind::VagueEvidence) {
                if c.asserted() {
                    out.push(
                        Finding::new(self.code(), self.question(), severity, m.span, "hc102-vague")
                            .arg("cue", util::quote(a, m.span))
                            .cue(a, i),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, run};

    #[test]
    fn flags_clinically_proven_without_trial_as_fail() {
        let f = run(
            &ProvenWithoutHumanTrial,
            "Our clinically proven exosome serum regrows hair.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Fail);
    }

    #[test]
    fn proven_with_a_randomized_trial_is_only_a_concern() {
        let f = run(
            &ProvenWithoutHumanTrial,
            "A randomized, placebo-controlled trial in 300 adults found fewer migraines. The drug is clinically proven.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Concern);
    }

    #[test]
    fn flags_vague_studies_show() {
        assert_eq!(
            flagged(&ProvenWithoutHumanTrial, "Studies show exosomes heal skin."),
            vec!["Studies show"]
        );
    }

    #[test]
    fn does_not_flag_when_refuted_or_negated() {
        assert!(flagged(&ProvenWithoutHumanTrial, "Exosome facials are not clinically proven.").is_empty());
        assert!(flagged(
            &ProvenWithoutHumanTrial,
            "Vendors claim the serum is clinically proven. This is false."
        )
        .is_empty());
    }
}
