//! HC403 unhedged-causal-claim
//!
//! ## What it does
//! Flags efficacy claims about an intervention stated as direct cause and effect with no hedge
//! ("exosomes repair cartilage"), the strongest level of the claim-strength scale of Yu et al.
//! Sentences that name the study design ("in mice", "in a randomized trial") or give the size of
//! the result ("41%", "30 in 100") report a finding and are not flagged. Such a claim in the
//! headline is HC406's.
//!
//! ## Why is this bad?
//! Even good trials support "may reduce" more often than "reduces". Direct causal wording for an
//! unproven treatment overstates what is known.
//!
//! ## Example
//! "Exosomes repair damaged cartilage and restore mobility."

use super::*;
use crate::claims::{Claim, ClaimKind, ClaimStrength};

pub struct UnhedgedCausalClaim;

impl Check for UnhedgedCausalClaim {
    fn code(&self) -> Code {
        Code::HC403
    }
    fn name(&self) -> &'static str {
        "unhedged-causal-claim"
    }
    fn question(&self) -> Question {
        Question::Language
    }
    fn summary(&self) -> &'static str {
        "Efficacy stated as direct cause and effect with no hedge"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let headline = a.doc.headline();
        for claim in &a.claims {
            if unhedged_causal(a, claim) && Some(claim.sentence) != headline {
                out.push(
                    Finding::new(self.code(), self.question(), Severity::Concern, claim.span, "hc403")
                        .arg("strength", claim.strength.as_str()),
                );
            }
        }
    }
}

/// An efficacy claim stated as direct cause and effect in a sentence that neither names the study
/// behind it nor gives the size of the result.
pub(crate) fn unhedged_causal(a: &Analysis, claim: &Claim) -> bool {
    // "In mice, X reduced Y" and "41% improved" report a finding with its evidence or size.
    let reports_finding = util::names_design(a, claim.sentence) || util::quantified(a, claim.sentence);
    !reports_finding && claim.asserts(ClaimKind::Efficacy) && claim.strength == ClaimStrength::DirectCausal
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_direct_causal_claims() {
        assert_eq!(
            flagged(&UnhedgedCausalClaim, "Exosomes repair damaged cartilage."),
            vec!["Exosomes repair damaged cartilage."]
        );
    }

    #[test]
    fn does_not_flag_quantified_results() {
        assert!(flagged(
            &UnhedgedCausalClaim,
            "In the trial, exosome gel reduced scar scores by 32.5%."
        )
        .is_empty());
    }

    #[test]
    fn does_not_flag_hedged_or_correlational_claims() {
        assert!(flagged(&UnhedgedCausalClaim, "Exosomes may help repair cartilage.").is_empty());
        assert!(flagged(
            &UnhedgedCausalClaim,
            "Exosome levels are associated with cartilage repair."
        )
        .is_empty());
    }

    #[test]
    fn sees_claims_about_any_state_of_health_whatever_the_subject() {
        // Neither the herb nor the supplement is known; what they are said to change is.
        for t in [
            "Daily curcumin boosts memory and lifts mood.",
            "Ashwagandha lowers cortisol.",
            "Magnesium glycinate fixes insomnia.",
        ] {
            assert_eq!(flagged(&UnhedgedCausalClaim, t), vec![t], "{t}");
        }
        assert_eq!(
            crate::checks::testing::flagged_de(&UnhedgedCausalClaim, "Kurkuma stärkt das Gedächtnis."),
            vec!["Kurkuma stärkt das Gedächtnis."]
        );
    }

    #[test]
    fn a_state_of_health_as_cause_or_a_harm_caused_is_no_claim_of_benefit() {
        for t in [
            // The state of health is the subject, not what a treatment changes.
            "Short sleep is the cause of poor memory.",
            // What a verb of causing leads to is a harm.
            "With direct injection this can lead to severe infections.",
            // "help" with nothing after it claims nothing about sleep.
            "Sleep basics: small habits that help.",
        ] {
            assert!(flagged(&UnhedgedCausalClaim, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn does_not_flag_the_regulators_description_of_itself() {
        let boilerplate = "The FDA, an agency within the U.S. Department of Health and Human Services, \
                           protects the public health by assuring the safety of drugs.";
        assert!(flagged(&UnhedgedCausalClaim, boilerplate).is_empty());
        // Near miss: a product that protects is a claim.
        assert_eq!(
            flagged(&UnhedgedCausalClaim, "The supplement protects your joints."),
            vec!["The supplement protects your joints."]
        );
    }
}
