//! HC302 risks-not-discussed
//!
//! ## What it does
//! Flags a text that promotes an intervention and mentions no risk at all, and lists the harms the
//! knowledge base documents for it.
//!
//! ## Why is this bad?
//! A benefit without its risks is half the information a patient needs to decide. For unregulated
//! biologics the documented harms (infections, granulomas, scarring) are not hypothetical.
//!
//! ## Example
//! "Exosome injections restore youthful skin in one session." (and nothing on risks)

use super::*;
use crate::claims::ClaimKind;
use crate::lexicon::CueKind;

pub struct RisksNotDiscussed;

impl Check for RisksNotDiscussed {
    fn code(&self) -> &'static str {
        "HC302"
    }
    fn name(&self) -> &'static str {
        "risks-not-discussed"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "An intervention promoted with no mention of any risk"
    }
    fn run(&self, a: &Analysis, out: &mut Vec<Finding>) {
        if a.cues(CueKind::Risk)
            .any(|(_, _, c)| !c.has(Modifier::Negated) || c.distanced())
            || a.cues(CueKind::Reassurance)
                .any(|(_, _, c)| c.has(Modifier::Negated) || c.has(Modifier::Refuted))
        {
            return;
        }
        let Some(claim) = a.claims.iter().find(|c| c.asserts(ClaimKind::Efficacy)) else {
            return;
        };
        let facts: Vec<Fact> = claim
            .interventions
            .iter()
            .flat_map(|&e| util::harms(a, e))
            .take(4)
            .collect();
        let subject = claim.interventions.first().copied().unwrap_or(0);
        out.push(
            Finding::new(self.code(), self.question(), Severity::Concern, claim.span, "hc302")
                .entry_arg("intervention", subject)
                .arg("documented", if facts.is_empty() { "no" } else { "yes" })
                .facts(facts),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn flags_promotion_without_risks_and_cites_documented_harms() {
        let f = run(&RisksNotDiscussed, "Exosome injections restore youthful skin.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            !f[0].facts.is_empty(),
            "the knowledge base documents harms of exosome products"
        );
    }

    #[test]
    fn does_not_flag_when_risks_are_named() {
        assert!(run(
            &RisksNotDiscussed,
            "Exosome injections restore skin, but infections and granulomas have been reported."
        )
        .is_empty());
    }
}
