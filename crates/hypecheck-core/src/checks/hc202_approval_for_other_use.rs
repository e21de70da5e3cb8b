//! HC202 approval-for-other-use
//!
//! ## What it does
//! Flags an approved product claimed as approved, or promoted, for a condition outside its
//! approved indications ("Ryoncil, the FDA-approved stem cell therapy, for knee pain").
//!
//! ## Why is this bad?
//! Approval is for one product and one use. The only FDA-approved MSC product is approved for
//! steroid-refractory acute GVHD in children; that approval says nothing about knees or wrinkles.
//!
//! ## Example
//! "Ryoncil is an FDA-approved stem cell treatment for osteoarthritis."

use super::*;
use crate::claims::ClaimKind;
use crate::lexicon::CueKind;

pub struct ApprovalForOtherUse;

impl Check for ApprovalForOtherUse {
    fn code(&self) -> Code {
        Code::HC202
    }
    fn name(&self) -> &'static str {
        "approval-for-other-use"
    }
    fn question(&self) -> Question {
        Question::Approval
    }
    fn summary(&self) -> &'static str {
        "An approved product claimed or promoted for a use it is not approved for"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for claim in &a.claims {
            if !claim.asserts(ClaimKind::Approval) && !claim.asserts(ClaimKind::Efficacy) {
                continue;
            }
            // The approved products the claim is about; a use is another use only when none of
            // them is approved for it (a product and the class it belongs to may both be named).
            let approved: Vec<u32> = claim
                .interventions
                .iter()
                .copied()
                .filter(|&iv| util::is_approved_product(a, iv))
                .collect();
            let Some(&iv) = approved.first() else {
                continue;
            };
            let Some(&cond) = claim
                .conditions
                .iter()
                .find(|&&c| !approved.iter().any(|&iv| util::approved_for(a, iv, c)))
            else {
                continue;
            };
            let severity = if claim.asserts(ClaimKind::Approval) {
                Severity::Fail
            } else {
                Severity::Concern
            };
            // The finding names what the approval covers: authority, date and indication.
            let uses: Vec<(u32, usize)> = (0..a.entry(iv).approved_uses.len()).map(|index| (iv, index)).collect();
            let facts = uses.iter().map(|&(entry, index)| Fact::ApprovedUse { entry, index });
            let mut f = Finding::new(self.code(), self.question(), severity, claim.span, "hc202")
                .entry_arg("intervention", iv)
                .entry_arg("condition", cond)
                .approved_uses_arg("approved", uses.clone())
                .facts(facts);
            if let Some((i, _, _)) = a
                .in_sentence(claim.sentence)
                .find(|(_, m, _)| m.kind == CueKind::ApprovalClaim)
            {
                f = f.cue(a, i);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_approved_product_claimed_for_another_use() {
        let f = run(
            &ApprovalForOtherUse,
            "Ryoncil is an FDA-approved stem cell treatment for osteoarthritis.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Fail);
    }

    #[test]
    fn does_not_flag_the_approved_use() {
        assert!(run(
            &ApprovalForOtherUse,
            "Ryoncil is FDA-approved for steroid-refractory acute graft-versus-host disease in children."
        )
        .is_empty());
    }

    #[test]
    fn a_use_covered_by_the_product_or_by_a_broader_approved_use_is_not_another_use() {
        // Omisirge is approved for aplastic anemia; the cord-blood class for disorders of the
        // blood-forming system, which aplastic anemia is one of.
        assert!(run(
            &ApprovalForOtherUse,
            "The FDA approved Omisirge, a cord blood transplant product, for severe aplastic anemia."
        )
        .is_empty());
    }
}
