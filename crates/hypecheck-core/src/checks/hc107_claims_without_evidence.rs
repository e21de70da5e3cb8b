//! HC107 claims-without-evidence
//!
//! ## What it does
//! Flags a text that asserts efficacy for an intervention but says nothing at all about the
//! evidence: no study, no trial, no animal work, no limits.
//!
//! ## Why is this bad?
//! A claim with no stated basis cannot be checked. Readers deserve to know whether it rests on a
//! trial in people, on animals, or on nothing.
//!
//! ## Example
//! "Exosome therapy repairs joints and restores mobility." (and nothing more)

use super::*;
use crate::claims::ClaimKind;

pub struct ClaimsWithoutEvidence;

impl Check for ClaimsWithoutEvidence {
    fn code(&self) -> Code {
        Code::HC107
    }
    fn name(&self) -> &'static str {
        "claims-without-evidence"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "Efficacy claims with no word on the evidence behind them"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        if util::speaks_of_evidence(a) {
            return;
        }
        if let Some(claim) = a.claims.iter().find(|c| c.asserts(ClaimKind::Efficacy)) {
            out.push(Finding::new(
                self.code(),
                self.question(),
                Severity::Concern,
                claim.span,
                "hc107",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_bare_efficacy_claims() {
        assert_eq!(
            flagged(&ClaimsWithoutEvidence, "Exosome therapy repairs joints."),
            vec!["Exosome therapy repairs joints."]
        );
    }

    #[test]
    fn does_not_flag_when_evidence_is_described() {
        assert!(flagged(&ClaimsWithoutEvidence, "Exosome therapy repairs joints in mice.").is_empty());
    }
}
