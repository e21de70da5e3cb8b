//! HC110 causal-claim-on-weak-design
//!
//! ## What it does
//! Flags a claim of direct cause and effect ("coffee protects the liver", "the compound repairs
//! nerves") in a text whose only evidence is observational (a cohort, a survey, records) or comes
//! from animals and cells, with no controlled human study.
//!
//! ## Why is this bad?
//! An observational study finds that two things go together; it cannot show that one causes the
//! other. A mouse study shows what happens in mice. Stating either as plain cause and effect in
//! people is the most common way health news overstates research. With no limit of the study
//! named anywhere in the text, the claim is presented as proof: a fail; beside named limits, a
//! concern.
//!
//! ## Example
//! "Regular exercise relieves asthma symptoms, a cohort study of 600 adults found."

use super::*;
use crate::claims::{ClaimKind, ClaimStrength};
use crate::lexicon::CueKind;

pub struct CausalClaimOnWeakDesign;

impl Check for CausalClaimOnWeakDesign {
    fn code(&self) -> Code {
        Code::HC110
    }
    fn name(&self) -> &'static str {
        "causal-claim-on-weak-design"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "Cause and effect claimed on observational or animal evidence"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        if a.any_asserted(CueKind::HumanControlled) {
            return;
        }
        let weak = [CueKind::HumanObservational, CueKind::Preclinical]
            .into_iter()
            .find_map(|k| util::first_affirmed(a, k));
        let Some((design, dm, _)) = weak else {
            return;
        };
        let Some(claim) = a
            .claims
            .iter()
            .find(|c| c.asserts(ClaimKind::Efficacy) && c.strength == ClaimStrength::DirectCausal && !c.hedged)
        else {
            return;
        };
        // Stated as proof with not a word on what the study cannot show: misleading, not only
        // incomplete.
        let limits_named = a.cues(CueKind::Limitation).any(|(_, _, c)| !c.has(Modifier::Negated));
        let severity = if limits_named {
            Severity::Concern
        } else {
            Severity::Fail
        };
        out.push(
            Finding::new(self.code(), self.question(), severity, claim.span, "hc110")
                .arg("design", util::quote(a, dm.span))
                .cue(a, design),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_cause_and_effect_on_an_observational_study() {
        assert_eq!(
            flagged(
                &CausalClaimOnWeakDesign,
                "Regular exercise relieves asthma symptoms. The cohort study followed 600 adults."
            ),
            vec!["Regular exercise relieves asthma symptoms."]
        );
    }

    #[test]
    fn not_for_associations_hedges_or_controlled_trials() {
        for t in [
            "Regular exercise was associated with fewer asthma symptoms in a cohort study.",
            "Regular exercise may relieve asthma symptoms, a cohort study suggests.",
            "In a randomized trial, exercise relieved asthma symptoms.",
        ] {
            assert!(flagged(&CausalClaimOnWeakDesign, t).is_empty(), "{t}");
        }
    }
}
