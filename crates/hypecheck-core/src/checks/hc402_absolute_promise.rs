//! HC402 absolute-promise
//!
//! ## What it does
//! Flags absolute promises of benefit: "cures", "guaranteed", "reverses aging", "works for
//! everyone", "instant", "permanent results", "regrows". Unhedged and asserted, they fail; hedged
//! ("could cure") they are a concern.
//!
//! ## Why is this bad?
//! No treatment works for everyone, instantly and forever. Reputable research is worded
//! cautiously; promises of quick, certain miracles are hype.
//!
//! ## Example
//! "Guaranteed results: exosomes reverse aging."

use super::*;
use crate::lexicon::CueKind;

pub struct AbsolutePromise;

impl Check for AbsolutePromise {
    fn code(&self) -> Code {
        Code::HC402
    }
    fn name(&self) -> &'static str {
        "absolute-promise"
    }
    fn question(&self) -> Question {
        Question::Language
    }
    fn summary(&self) -> &'static str {
        "Absolute promises: cures, guaranteed, reverses aging, works for everyone"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for (i, m, c) in a.cues(CueKind::Absolute) {
            if !c.asserted() {
                continue;
            }
            let severity = if c.has(Modifier::Hedged) {
                Severity::Concern
            } else {
                Severity::Fail
            };
            out.push(
                Finding::new(self.code(), self.question(), severity, m.span, "hc402")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn unhedged_promises_fail_hedged_ones_are_concerns() {
        let f = run(
            &AbsolutePromise,
            "Guaranteed results. The treatment could cure Alzheimer's.",
        );
        let sev: Vec<Severity> = f.iter().map(|f| f.severity).collect();
        assert_eq!(sev, vec![Severity::Fail, Severity::Concern], "{f:?}");
    }

    #[test]
    fn a_complaint_completely_gone_is_an_absolute_promise() {
        let f = run(
            &AbsolutePromise,
            "My anxiety is completely gone since I take these capsules.",
        );
        let sev: Vec<Severity> = f.iter().map(|f| f.severity).collect();
        assert_eq!(sev, vec![Severity::Fail], "{f:?}");
        // Gone in part is no absolute.
        assert!(run(&AbsolutePromise, "My anxiety is partly gone.").is_empty());
    }

    #[test]
    fn german_weder_noch_negates_both_parts() {
        use crate::checks::testing::flagged_de;
        assert!(flagged_de(
            &AbsolutePromise,
            "Exosomen heilen weder Arthrose noch verjüngen sie die Haut dauerhaft."
        )
        .is_empty());
        assert_eq!(
            flagged_de(&AbsolutePromise, "Exosomen verjüngen die Haut garantiert."),
            vec!["verjüngen", "garantiert"]
        );
    }

    #[test]
    fn does_not_flag_negated_or_refuted_promises() {
        for t in [
            "Exosomes do not cure aging.",
            "Purity is not guaranteed.",
            "Claims that it reverses aging are false.",
        ] {
            assert!(run(&AbsolutePromise, t).is_empty(), "{t}");
        }
    }
}
