//! HC101 preclinical-as-benefit
//!
//! ## What it does
//! Flags animal or cell-culture results that the text presents as a benefit for people: the text
//! cites preclinical work, makes unhedged efficacy claims, and never says that human evidence is
//! missing or limited.
//!
//! ## Why is this bad?
//! Most treatments that work in mice or in a dish fail in people. A reader who is not told that the
//! result comes from animals or cells takes it as a promise for patients.
//!
//! ## Example
//! "In mice, our exosomes reversed memory loss. This therapy restores memory in Alzheimer's patients."

use super::*;
use crate::claims::{ClaimKind, ClaimStrength};
use crate::lexicon::CueKind;

pub struct PreclinicalAsBenefit;

impl Check for PreclinicalAsBenefit {
    fn code(&self) -> Code {
        Code::HC101
    }
    fn name(&self) -> &'static str {
        "preclinical-as-benefit"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "Animal or cell-culture results presented as a benefit for patients"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        if a.any_asserted(CueKind::Limitation) || a.any_asserted(CueKind::HumanControlled) {
            return;
        }
        let Some(claim) = a.claims.iter().find(|c| {
            c.asserts(ClaimKind::Efficacy)
                && c.strength == ClaimStrength::DirectCausal
                && !util::names_design(a, c.sentence)
        }) else {
            return;
        };
        let Some((i, m, _)) = util::first_affirmed(a, CueKind::Preclinical) else {
            return;
        };
        out.push(
            Finding::new(self.code(), self.question(), Severity::Fail, m.span, "hc101")
                .arg("cue", util::quote(a, m.span))
                .arg("claim", util::quote(a, claim.span))
                .cue(a, i),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_mouse_result_sold_as_patient_benefit() {
        let t = "In mice, the exosomes reversed memory loss. Exosome therapy restores memory in patients with Alzheimer's disease.";
        assert_eq!(flagged(&PreclinicalAsBenefit, t), vec!["In mice"]);
    }

    #[test]
    fn does_not_flag_when_the_gap_to_humans_is_named() {
        let t = "In mice, the exosomes reversed memory loss. Whether this helps patients is unknown; trials in humans are lacking.";
        assert!(flagged(&PreclinicalAsBenefit, t).is_empty());
    }

    #[test]
    fn does_not_flag_hedged_claims() {
        let t = "In mice, exosomes reduced inflammation. Exosomes might one day help patients with arthritis.";
        assert!(flagged(&PreclinicalAsBenefit, t).is_empty());
    }

    #[test]
    fn does_not_flag_negated_animal_mention() {
        let t = "This was not a study in mice. Exosomes reduce wrinkles.";
        assert!(flagged(&PreclinicalAsBenefit, t).is_empty());
    }
}
