//! HC111 evidence-through-approval (positive)
//!
//! ## What it does
//! Notes where the text names an approved product together with a use it is approved for (as the
//! knowledge base records it). The regulator approved that use after reviewing the clinical
//! trials submitted for it, so the benefit the text describes for that use rests on reviewed
//! trials, even where the text gives no trial numbers.
//!
//! ## Why is this good?
//! The first question asks whether a controlled study in humans stands behind a claim. For an
//! approved use the answer is on record: approval requires evidence from clinical trials that a
//! regulator has checked. A patient page that states the approval accurately has told its reader
//! how strong the evidence is. (A use the product is not approved for gets nothing here; that is
//! HC202's.)
//!
//! ## Example
//! "The FDA approved Ryoncil in December 2024 for steroid-refractory acute graft-versus-host
//! disease in children."

use super::*;

pub struct EvidenceThroughApproval;

impl Check for EvidenceThroughApproval {
    fn code(&self) -> Code {
        Code::HC111
    }
    fn name(&self) -> &'static str {
        "evidence-through-approval"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "An approved use stated: its benefit rests on trials a regulator reviewed"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let mut spans: Vec<Span> = Vec::new();
        for stated in util::approved_uses_stated(a) {
            // One finding per sentence, however many approved products it names.
            let span = a.sentence_span(a.sentence_of(stated.condition_mention));
            if spans.contains(&span) {
                continue;
            }
            spans.push(span);
            let facts = util::approved_use_facts(a, stated.product, stated.condition);
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, span, "hc111")
                    .entry_arg("intervention", stated.product)
                    .entry_arg("condition", stated.condition)
                    .cue(a, stated.product_mention)
                    .cue(a, stated.condition_mention)
                    .facts(facts),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, flagged_de, run};

    #[test]
    fn notes_an_approved_use_with_its_knowledge_base_fact() {
        let text = "The FDA approved Ryoncil in December 2024 for steroid-refractory acute graft-versus-host disease in children.";
        let f = run(&EvidenceThroughApproval, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(matches!(f[0].facts[0], Fact::ApprovedUse { .. }));
        assert_eq!(flagged(&EvidenceThroughApproval, text), vec![text]);
        assert_eq!(
            flagged_de(
                &EvidenceThroughApproval,
                "Ryoncil ist in den USA für die steroidrefraktäre akute Graft-versus-Host-Erkrankung bei Kindern zugelassen."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_use_the_product_is_not_approved_for_or_an_unapproved_product_gets_nothing() {
        for text in [
            "Ryoncil is an FDA-approved stem cell treatment for knee osteoarthritis.",
            "Our exosomes are approved for hair loss.",
            "Stem cells regrow cartilage in arthritic knees.",
        ] {
            assert!(run(&EvidenceThroughApproval, text).is_empty(), "{text}");
        }
    }
}
