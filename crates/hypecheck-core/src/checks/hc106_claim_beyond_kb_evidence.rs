//! HC106 claim-beyond-evidence
//!
//! ## What it does
//! Looks up each asserted, unhedged efficacy claim's intervention and condition in the knowledge
//! base. Where the best evidence for that use is preclinical or absent, the claim outruns the
//! evidence (concern), and the finding cites the knowledge-base entry.
//!
//! ## Why is this bad?
//! A text may sound careful and still promise a benefit that no human study has shown. The
//! knowledge base knows what the evidence for the specific use is.
//!
//! ## Example
//! "Stem cell injections repair knee cartilage." (no controlled evidence for this use)

use super::*;
use crate::claims::{ClaimKind, ClaimStrength};
use hypecheck_kb::EvidenceLevel;

pub struct ClaimBeyondKbEvidence;

impl Check for ClaimBeyondKbEvidence {
    fn code(&self) -> Code {
        Code::HC106
    }
    fn name(&self) -> &'static str {
        "claim-beyond-evidence"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "An efficacy claim for a use the knowledge base knows only preclinical or no evidence for"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for claim in &a.claims {
            if !claim.asserts(ClaimKind::Efficacy) || claim.strength != ClaimStrength::DirectCausal {
                continue;
            }
            'pairs: for &iv in &claim.interventions {
                for &cond in &claim.conditions {
                    let cond_id = &a.entry(cond).id;
                    for e in a.kb.lineage(&a.entry(iv).id) {
                        let Some(index) = e.promoted_for.iter().position(|p| &p.condition == cond_id) else {
                            continue;
                        };
                        let level = e.promoted_for[index].evidence;
                        if level <= EvidenceLevel::Preclinical {
                            let Some(entry) = a.kb.index_of(&e.id) else { break };
                            let entry = entry as u32;
                            out.push(
                                Finding::new(self.code(), self.question(), Severity::Concern, claim.span, "hc106")
                                    .entry_arg("intervention", iv)
                                    .entry_arg("condition", cond)
                                    .message_arg(
                                        "level",
                                        format!("evidence-level-{}", level.as_str().replace('_', "-")),
                                    )
                                    .facts([Fact::PromotedUse { entry, index }]),
                            );
                            break 'pairs;
                        }
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_claim_for_use_without_human_evidence_and_cites_the_kb() {
        let f = run(&ClaimBeyondKbEvidence, "Exosome therapy reverses hair loss.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(!f[0].facts.is_empty());
    }

    #[test]
    fn does_not_flag_hedged_claims() {
        assert!(run(&ClaimBeyondKbEvidence, "Exosomes might one day help with hair loss.").is_empty());
    }
}
