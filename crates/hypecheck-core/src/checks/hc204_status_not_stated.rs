//! HC204 status-not-stated
//!
//! ## What it does
//! Flags a text that promotes an intervention with no approval for the promoted use (by the
//! knowledge base) and never says so: no "not approved", no "experimental", no regulator warning.
//! For a product the knowledge base does not know (a supplement, a drug, a device, a test named
//! in general words), it flags benefit claims made with no word on approval at all: neither
//! approved, cleared, experimental nor unapproved.
//!
//! ## Why is this bad?
//! Silence on approval lets readers assume a product sold by a clinic has passed review. The
//! origin article's second question asks exactly this.
//!
//! ## Example
//! "Exosome therapy restores hair density in three sessions." (nothing on approval)
//! "This supplement rebuilds cartilage within weeks." (a product of unknown status, nothing said)

use super::*;
use crate::claims::ClaimKind;
use crate::lexicon::CueKind;

pub struct StatusNotStated;

impl Check for StatusNotStated {
    fn code(&self) -> Code {
        Code::HC204
    }
    fn name(&self) -> &'static str {
        "status-not-stated"
    }
    fn question(&self) -> Question {
        Question::Approval
    }
    fn summary(&self) -> &'static str {
        "An unapproved intervention promoted with no word on its approval status"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        if util::states_unapproved(a).is_some() {
            return;
        }
        for claim in a.claims.iter().filter(|c| c.asserts(ClaimKind::Efficacy)) {
            let Some(fact) = claim.interventions.iter().find_map(|&e| util::unapproved_status(a, e)) else {
                continue;
            };
            let Fact::Status { entry, .. } = fact else {
                continue;
            };
            out.push(
                Finding::new(self.code(), self.question(), Severity::Concern, claim.span, "hc204")
                    .entry_arg("intervention", entry)
                    .facts([fact]),
            );
            return;
        }
        // A product the knowledge base does not know: only silence on approval can be judged.
        let status_talk = [
            CueKind::ApprovalClaim,
            CueKind::PseudoApproval,
            CueKind::UnapprovedStatus,
            CueKind::RegulatorWarning,
        ];
        if status_talk.iter().any(|&k| a.cues(k).next().is_some()) {
            return;
        }
        // A compound tested only in animals or cells is no product yet; its status matters once
        // the text speaks of bringing it to patients.
        let human_evidence = [
            CueKind::HumanControlled,
            CueKind::HumanEarly,
            CueKind::HumanObservational,
        ]
        .into_iter()
        .any(|k| a.cues(k).next().is_some());
        let availability_of_a_treatment = a.cues(CueKind::Availability).any(|(i, _, _)| {
            let s = a.sentence_of(i);
            a.claim_in(s).is_some()
                || a.in_sentence(s).any(|(_, m, _)| {
                    matches!(
                        m.kind,
                        CueKind::Intervention | CueKind::GenericIntervention | CueKind::GenericProduct
                    )
                })
        });
        if a.cues(CueKind::Preclinical).next().is_some() && !human_evidence && !availability_of_a_treatment {
            return;
        }
        let generic: Vec<&crate::lexicon::Mention> = a
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, CueKind::GenericIntervention | CueKind::GenericProduct))
            .collect();
        for claim in a.claims.iter().filter(|c| c.asserts(ClaimKind::Efficacy) && c.asserted) {
            if !claim.interventions.is_empty() {
                continue;
            }
            // What the claim is about: its subject in general words, else the last one named
            // before it (a forum thread names the supplement once, then tells what it did), else,
            // for a subject hypecheck does not know, the first product named after it (a shop
            // page praises "ashwagandha", then sells "two capsules every morning").
            let before = generic.partition_point(|m| m.span.start < claim.span.end);
            let subject = match claim.generic_subject {
                Some(span) => generic.iter().find(|m| m.span == span),
                None => generic[..before].last().or_else(|| {
                    claim
                        .only_health_state
                        .then(|| generic[before..].iter().find(|m| m.kind == CueKind::GenericProduct))?
                }),
            };
            let Some(subject) = subject.filter(|m| m.kind == CueKind::GenericProduct) else {
                continue;
            };
            let subject = subject.span;
            out.push(
                Finding::new(
                    self.code(),
                    self.question(),
                    Severity::Concern,
                    claim.span,
                    "hc204-product",
                )
                .arg("subject", util::quote(a, subject)),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_promotion_without_status() {
        let f = run(&StatusNotStated, "Exosome therapy restores hair density.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(!f[0].facts.is_empty());
    }

    #[test]
    fn a_product_sold_after_claims_about_an_unknown_subject_owes_its_status() {
        let page = "Ashwagandha lowers cortisol and calms anxiety. \
            Take two capsules every morning.";
        let f = run(&StatusNotStated, page);
        assert_eq!(f.len(), 1, "{f:?}");
        // A practice named after the claim is no product.
        assert!(run(&StatusNotStated, "Ashwagandha lowers cortisol. Try it with yoga.").is_empty());
    }

    #[test]
    fn does_not_flag_when_status_is_stated() {
        assert!(run(
            &StatusNotStated,
            "Exosome therapy may restore hair density, but it is not approved."
        )
        .is_empty());
    }

    #[test]
    fn flags_a_product_outside_the_knowledge_base_promoted_with_no_word_on_approval() {
        let f = run(&StatusNotStated, "This supplement rebuilds cartilage within weeks.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "hc204-product");
        let de = crate::checks::testing::flagged_de(
            &StatusNotStated,
            "Das Präparat lindert Gelenkschmerzen in wenigen Wochen.",
        );
        assert_eq!(de.len(), 1, "{de:?}");
    }

    #[test]
    fn a_diet_or_a_procedure_or_a_product_whose_status_is_named_is_not_flagged() {
        for text in [
            "A Mediterranean diet lowers blood pressure.",
            "The new surgical technique shortens recovery.",
            "The drug, which is not yet approved, lowered blood pressure in the trial.",
            "The device is FDA-cleared and reduces pain.",
            // The regulator's own wording for a device's clearance.
            "The FDA has cleared the headband, a device that reduces migraine pain.",
            "The company received FDA clearance for the monitor, which improves sleep.",
        ] {
            assert!(run(&StatusNotStated, text).is_empty(), "{text}");
        }
    }
}
