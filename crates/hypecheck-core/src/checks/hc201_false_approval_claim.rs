//! HC201 false-approval-claim
//!
//! ## What it does
//! Flags a statement that an intervention is approved ("FDA-approved exosomes") when the knowledge
//! base records no approval for it. Negated, refuted, reported and hypothetical statements do not
//! count: "there is no FDA-approved exosome product" is a correct status statement.
//!
//! ## Why is this bad?
//! Approval is the one fact a patient can rely on without reading trials. A false approval claim
//! turns an unproven, unregulated product into something that looks vetted.
//!
//! ## Example
//! "Our FDA-approved exosome therapy rejuvenates your skin."

use super::*;
use crate::lexicon::CueKind;

pub struct FalseApprovalClaim;

impl Check for FalseApprovalClaim {
    fn code(&self) -> Code {
        Code::HC201
    }
    fn name(&self) -> &'static str {
        "false-approval-claim"
    }
    fn question(&self) -> Question {
        Question::Approval
    }
    fn summary(&self) -> &'static str {
        "Claims approval for an intervention that has none"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for (i, m, c) in a.cues(CueKind::ApprovalClaim) {
            if !c.asserted() {
                continue;
            }
            // "The only FDA-approved MSC product, approved in 2024, ..." states a scope, not a claim.
            if a.in_sentence(a.sentence_of(i))
                .any(|(_, x, _)| x.kind == CueKind::UnapprovedStatus)
            {
                continue;
            }
            let subjects = util::approval_subjects(a, i);
            // An approved product in the sentence is what "approved" refers to.
            if subjects.iter().any(|&e| util::is_approved_product(a, e)) {
                continue;
            }
            // The unapproved subjects with the status fact each stands under (its own or a parent's).
            let statuses: Vec<(u32, Fact)> = subjects
                .iter()
                .filter_map(|&e| Some((e, util::unapproved_status(a, e)?)))
                .collect();
            let Some(&(subject, _)) = statuses.first() else {
                continue;
            };
            let facts: Vec<Fact> = statuses.iter().map(|&(_, fact)| fact).collect();
            // Where the knowledge base lists approved products of this kind, the finding names
            // them (authority, product, use) rather than saying nothing of the kind is approved.
            let approved = util::approved_descendant_uses(a, subject);
            let finding = Finding::new(self.code(), self.question(), Severity::Fail, m.span, "hc201")
                .arg("cue", util::quote(a, m.span))
                .entry_arg("intervention", subject)
                .cue(a, i);
            if approved.is_empty() {
                out.push(finding.facts(facts));
                continue;
            }
            let claimed = a.claim_in(a.sentence_of(i)).and_then(|c| c.conditions.first().copied());
            let claimed = claimed.filter(|&c| !approved.iter().any(|&(p, _)| util::approved_for(a, p, c)));
            let approved_facts = approved
                .iter()
                .map(|&(entry, index)| Fact::ApprovedUse { entry, index });
            let mut finding = Finding {
                message: if claimed.is_some() {
                    "hc201-other-products-condition"
                } else {
                    "hc201-other-products"
                },
                ..finding
            }
            .approved_uses_arg("approved", approved.clone())
            .facts(facts.into_iter().chain(approved_facts));
            if let Some(condition) = claimed {
                finding = finding.entry_arg("condition", condition);
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, run};

    #[test]
    fn flags_fda_approved_exosomes_and_cites_the_status() {
        let f = run(
            &FalseApprovalClaim,
            "Our FDA-approved exosome therapy rejuvenates your skin.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Fail);
        assert!(matches!(f[0].facts[0], Fact::Status { .. }));
    }

    #[test]
    fn does_not_flag_correct_status_statements() {
        for t in [
            "There is currently no FDA-approved exosome product.",
            "Exosome products are not FDA approved.",
            "Exosomes aren't approved by the FDA for any use.",
            "Some clinics claim their exosomes are FDA approved. This is false.",
        ] {
            assert!(flagged(&FalseApprovalClaim, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn german_approval_claims_and_negation() {
        use crate::checks::testing::flagged_de;
        assert_eq!(
            flagged_de(
                &FalseApprovalClaim,
                "Unsere Exosomen-Behandlung ist von der FDA zugelassen."
            ),
            vec!["von der FDA zugelassen"]
        );
        for t in [
            "Exosomen sind in der EU nicht zugelassen.",
            "Es gibt derzeit kein von der FDA zugelassenes Exosomen-Produkt.",
            "Manche Kliniken behaupten, ihre Exosomen seien zugelassen. Das ist falsch.",
        ] {
            assert!(flagged_de(&FalseApprovalClaim, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn names_the_approved_products_of_the_kind_and_the_use_claimed() {
        let f = run(
            &FalseApprovalClaim,
            "Our FDA-approved stem cell therapy regrows cartilage in knee osteoarthritis.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "hc201-other-products-condition");
        // Ryoncil's approved use is among the facts, so its FDA source is cited.
        assert!(f[0].facts.iter().any(|fact| matches!(fact, Fact::ApprovedUse { .. })));
        // Without a condition in the claim, the approved uses alone.
        let f = run(&FalseApprovalClaim, "Our stem cells are FDA approved.");
        assert_eq!(f[0].message, "hc201-other-products");
        // Exosomes have no approved product in the knowledge base: the plain message.
        let f = run(
            &FalseApprovalClaim,
            "Our FDA-approved exosome therapy rejuvenates your skin.",
        );
        assert_eq!(f[0].message, "hc201");
    }

    #[test]
    fn does_not_flag_approved_products() {
        assert!(flagged(
            &FalseApprovalClaim,
            "Ryoncil is FDA-approved for steroid-refractory acute graft-versus-host disease in children."
        )
        .is_empty());
    }
}
