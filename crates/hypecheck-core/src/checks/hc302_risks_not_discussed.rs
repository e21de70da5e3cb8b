//! HC302 risks-not-discussed
//!
//! ## What it does
//! Flags a text that claims benefits for an intervention (any intervention, in the knowledge base or
//! not) and names no harm of it at all, and lists the harms the knowledge base documents for it.
//! The risk of the disease ("lowers the risk of dementia") and outcomes the treatment is meant to
//! lower ("fewer wound infections") are not harms of the treatment and do not count.
//!
//! ## Why is this bad?
//! A benefit without its risks is half the information a patient needs to decide. For unregulated
//! biologics the documented harms (infections, granulomas, scarring) are not hypothetical.
//!
//! ## Example
//! "Exosome injections restore youthful skin in one session." (and nothing on risks)

use super::*;
use crate::claims::ClaimKind;

pub struct RisksNotDiscussed;

impl Check for RisksNotDiscussed {
    fn code(&self) -> Code {
        Code::HC302
    }
    fn name(&self) -> &'static str {
        "risks-not-discussed"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "An intervention promoted with no mention of any risk"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        if !util::harm_talk(a).is_empty() {
            return;
        }
        let Some(claim) = a
            .claims
            .iter()
            .find(|c| c.credits_benefit() && c.asserts(ClaimKind::Efficacy))
        else {
            return;
        };
        let facts: Vec<Fact> = claim
            .interventions
            .iter()
            .flat_map(|&e| util::harms(a, e))
            .take(4)
            .collect();
        let finding = Finding::new(self.code(), self.question(), Severity::Concern, claim.span, "hc302");
        out.push(
            util::subject_arg(a, claim, finding, "intervention")
                .arg("documented", if facts.is_empty() { "no" } else { "yes" })
                .facts(facts),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, flagged_de, run};

    #[test]
    fn flags_promotion_without_risks_and_cites_documented_harms() {
        let f = run(&RisksNotDiscussed, "Exosome injections restore youthful skin.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            !f[0].facts.is_empty(),
            "the knowledge base documents harms of exosome products"
        );
    }

    #[test]
    fn flags_any_treatment_promoted_without_harms() {
        let f = flagged(
            &RisksNotDiscussed,
            "Turmeric capsules reverse arthritis. This supplement repairs your joints within weeks.",
        );
        assert_eq!(f, vec!["Turmeric capsules reverse arthritis."]);
    }

    #[test]
    fn testimony_of_what_a_product_fixed_or_made_go_away_is_a_claim_of_benefit() {
        // Forum posts praise a product in their own words: what it fixed, what is gone now.
        for (t, claim) in [
            (
                "I take a magnesium capsule every night. This supplement fixed my sleep when nothing else did.",
                "This supplement fixed my sleep when nothing else did.",
            ),
            (
                "I tried the turmeric capsules for a month. My knee pain is gone.",
                "My knee pain is gone.",
            ),
        ] {
            assert_eq!(flagged(&RisksNotDiscussed, t), vec![claim], "{t}");
        }
        assert_eq!(
            flagged_de(
                &RisksNotDiscussed,
                "Ich nehme seit Wochen Magnesiumkapseln. Meine Schlafprobleme sind weg."
            ),
            vec!["Meine Schlafprobleme sind weg."]
        );
        // A story with no benefit in it is no claim.
        assert!(flagged(
            &RisksNotDiscussed,
            "I take a magnesium capsule every night. My sleep is the same."
        )
        .is_empty());
    }

    #[test]
    fn a_subject_it_does_not_know_owes_its_harms_when_promoted_outright() {
        assert_eq!(
            flagged(&RisksNotDiscussed, "Daily curcumin boosts memory."),
            vec!["Daily curcumin boosts memory."]
        );
        // Hedged, about something hypecheck does not know: advice or a caution, not promotion.
        assert!(flagged(
            &RisksNotDiscussed,
            "Alcohol may help you fall asleep but tends to make sleep lighter."
        )
        .is_empty());
    }

    #[test]
    fn risk_of_the_disease_and_outcomes_are_not_harms() {
        for t in [
            "The new drug lowers the risk of dementia.",
            "The dressing led to fewer wound infections and smaller scars.",
            "The vaccine prevents infections in older adults.",
        ] {
            assert_eq!(flagged(&RisksNotDiscussed, t).len(), 1, "{t}");
        }
    }

    #[test]
    fn does_not_flag_when_risks_are_named() {
        assert!(run(
            &RisksNotDiscussed,
            "Exosome injections restore skin, but infections and granulomas have been reported."
        )
        .is_empty());
    }

    #[test]
    fn a_trial_reporting_its_harms_or_their_absence_discusses_risks() {
        for t in [
            "The exercise programme eased knee pain. Muscle soreness occurred in 41 of 156 participants.",
            "The exercise programme eased knee pain. No serious adverse events were reported in either group.",
        ] {
            assert!(run(&RisksNotDiscussed, t).is_empty(), "{t}");
        }
        // Near miss: a promise of no harm is no discussion of it.
        assert_eq!(
            run(
                &RisksNotDiscussed,
                "The exercise programme eases knee pain, with no side effects."
            )
            .len(),
            1
        );
    }
}
