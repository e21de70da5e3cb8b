//! HC203 pseudo-approval
//!
//! ## What it does
//! Flags wording that borrows the regulator's authority without approval: "FDA-registered lab",
//! "FDA compliant", "FDA-cleared" (for PRP, only the device is cleared), "361 exempt",
//! "registered on ClinicalTrials.gov".
//!
//! ## Why is this bad?
//! Registration and listing are not a review of safety or efficacy. FDA has said clinics use
//! "registered with FDA" to suggest compliance; readers hear "approved".
//!
//! ## Example
//! "All exosomes come from our FDA-registered lab."

use super::*;
use crate::lexicon::CueKind;

pub struct PseudoApproval;

impl Check for PseudoApproval {
    fn code(&self) -> Code {
        Code::HC203
    }
    fn name(&self) -> &'static str {
        "pseudo-approval"
    }
    fn question(&self) -> Question {
        Question::Approval
    }
    fn summary(&self) -> &'static str {
        "\"FDA-registered\", \"FDA compliant\", \"FDA-cleared\" and similar approval look-alikes"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for (i, m, c) in a.cues(CueKind::PseudoApproval) {
            if !c.asserted() {
                continue;
            }
            let facts: Vec<Fact> = util::approval_subjects(a, i)
                .iter()
                .filter_map(|&e| util::unapproved_status(a, e))
                .collect();
            out.push(
                Finding::new(self.code(), self.question(), Severity::Fail, m.span, "hc203")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i)
                    .facts(facts),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_registration_language() {
        assert_eq!(
            flagged(&PseudoApproval, "All exosomes come from our FDA-registered lab."),
            vec!["FDA-registered lab"]
        );
        assert_eq!(
            flagged(&PseudoApproval, "Our FDA-cleared PRP treatment regrows hair."),
            vec!["FDA-cleared"]
        );
    }

    #[test]
    fn does_not_flag_when_debunked() {
        assert!(flagged(&PseudoApproval, "\"FDA-registered\" does not mean approved.").is_empty());
        assert!(flagged(
            &PseudoApproval,
            "A lab that is FDA registered is not the same as an approved product; clinics claim it is."
        )
        .is_empty());
    }
}
