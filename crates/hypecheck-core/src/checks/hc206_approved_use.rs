//! HC206 approved-use (positive)
//!
//! ## What it does
//! Notes where the text discusses an approved product together with a condition it is approved
//! for, and cites the approved indication.
//!
//! ## Why is this good?
//! An approved product used as approved is the one case where "approved" is the right word; the
//! finding shows the reader the exact indication.
//!
//! ## Example
//! "Ryoncil is approved for steroid-refractory acute GVHD in children."

use super::*;

pub struct ApprovedUse;

impl Check for ApprovedUse {
    fn code(&self) -> Code {
        Code::HC206
    }
    fn name(&self) -> &'static str {
        "approved-use"
    }
    fn question(&self) -> Question {
        Question::Approval
    }
    fn summary(&self) -> &'static str {
        "An approved product discussed for its approved indication"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        // One finding per approved product: at its first mention, with the first approved condition.
        for use_ in util::approved_uses_stated(a) {
            let (iv, i, ci, cond) = (
                use_.product,
                use_.product_mention,
                use_.condition_mention,
                use_.condition,
            );
            let facts = util::approved_use_facts(a, iv, cond);
            out.push(
                Finding::new(
                    self.code(),
                    self.question(),
                    Severity::Positive,
                    a.mentions[i].span,
                    "hc206",
                )
                .entry_arg("intervention", iv)
                .entry_arg("condition", cond)
                .cue(a, i)
                .cue(a, ci)
                .facts(facts),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn notes_approved_product_for_approved_use() {
        let f = run(
            &ApprovedUse,
            "Ryoncil is approved for steroid-refractory acute graft-versus-host disease in children.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(matches!(f[0].facts[0], Fact::ApprovedUse { .. }));
    }

    #[test]
    fn does_not_note_other_uses() {
        assert!(run(&ApprovedUse, "Ryoncil for knee osteoarthritis.").is_empty());
    }
}
