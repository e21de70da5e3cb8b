//! HC204 status-not-stated
//!
//! ## What it does
//! Flags a text that promotes an intervention with no approval for the promoted use (by the
//! knowledge base) and never says so: no "not approved", no "experimental", no regulator warning.
//!
//! ## Why is this bad?
//! Silence on approval lets readers assume a product sold by a clinic has passed review. The
//! origin article's second question asks exactly this.
//!
//! ## Example
//! "Exosome therapy restores hair density in three sessions." (nothing on approval)

use super::*;
use crate::claims::ClaimKind;

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
    fn run(&self, a: &Analysis, out: &mut Vec<Finding>) {
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
    fn does_not_flag_when_status_is_stated() {
        assert!(run(
            &StatusNotStated,
            "Exosome therapy may restore hair density, but it is not approved."
        )
        .is_empty());
    }
}
