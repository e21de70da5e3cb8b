//! HC406 headline-overclaim
//!
//! ## What it does
//! Flags a headline that states a treatment's effect as cause and effect, with no hedge and no
//! word of the study behind it ("Blueberry juice improves memory in older adults"): the claims
//! HC403 flags in the body, in the one line every reader sees. The language question lets it
//! decide unless the text reports a controlled study in people with its size, on which such a
//! headline may rest.
//!
//! ## Why is this bad?
//! Many readers see only the headline. Health-news reviewers fault headlines that promise more than
//! the study found ("the headline overreaches when it states that the app can reduce
//! readmissions") even where the body is careful; a pilot study without a control group supports
//! "may improve" at most.
//!
//! ## Example
//! "Blueberry juice improves memory in older adults", above a study of 24 volunteers.

use super::*;
use crate::checks::hc403_unhedged_causal_claim::unhedged_causal;

pub struct HeadlineOverclaim;

impl Check for HeadlineOverclaim {
    fn code(&self) -> Code {
        Code::HC406
    }
    fn name(&self) -> &'static str {
        "headline-overclaim"
    }
    fn question(&self) -> Question {
        Question::Language
    }
    fn summary(&self) -> &'static str {
        "The headline states cause and effect as fact"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let Some(headline) = a.doc.headline() else {
            return;
        };
        for claim in a.claims.iter().filter(|c| c.sentence == headline) {
            if unhedged_causal(a, claim) {
                out.push(Finding::new(
                    self.code(),
                    self.question(),
                    Severity::Concern,
                    claim.span,
                    "hc406",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, flagged_de};

    #[test]
    fn flags_a_headline_stating_cause_and_effect() {
        let text = "Blueberry juice improves memory in older adults\n\nIn a pilot study, 24 volunteers drank it daily.";
        assert_eq!(
            flagged(&HeadlineOverclaim, text),
            vec!["Blueberry juice improves memory in older adults"]
        );
        let german =
            "Heidelbeersaft verbessert das Gedächtnis\n\nIn einer kleinen Studie tranken 24 Freiwillige täglich Saft.";
        assert_eq!(
            flagged_de(&HeadlineOverclaim, german),
            vec!["Heidelbeersaft verbessert das Gedächtnis"]
        );
    }

    #[test]
    fn leaves_hedged_headlines_and_body_sentences_alone() {
        let hedged = "Blueberry juice may improve memory in older adults\n\nIn a pilot study, 24 volunteers drank it.";
        assert!(flagged(&HeadlineOverclaim, hedged).is_empty());
        // The same claim as the body's first sentence is HC403's, not a headline.
        let body = "Blueberry juice improves memory in older adults. In a pilot study, 24 volunteers drank it.";
        assert!(flagged(&HeadlineOverclaim, body).is_empty());
        assert_eq!(
            flagged(&hc403_unhedged_causal_claim::UnhedgedCausalClaim, body),
            vec!["Blueberry juice improves memory in older adults."]
        );
        // A headline that names the study reports a finding.
        let study = "In mice, new compound repairs nerve damage\n\nThe team tested it in 20 mice.";
        assert!(flagged(&HeadlineOverclaim, study).is_empty());
    }
}
