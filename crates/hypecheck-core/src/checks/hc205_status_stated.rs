//! HC205 status-stated (positive)
//!
//! ## What it does
//! Notes where the text states that an intervention is not approved, experimental or subject to
//! regulator warnings, when the knowledge base agrees.
//!
//! ## Why is this good?
//! Stating the regulatory status openly, as the origin article does, answers the reader's second
//! question directly.
//!
//! ## Example
//! "There is currently no FDA-approved exosome product."

use super::*;
use crate::lexicon::CueKind;

pub struct StatusStated;

impl Check for StatusStated {
    fn code(&self) -> Code {
        Code::HC205
    }
    fn name(&self) -> &'static str {
        "status-stated"
    }
    fn question(&self) -> Question {
        Question::Approval
    }
    fn summary(&self) -> &'static str {
        "The text states an unapproved status correctly"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let mut last_sentence = usize::MAX;
        let statements = a
            .cues(CueKind::UnapprovedStatus)
            .filter(|(_, _, c)| !c.has(Modifier::Negated))
            .chain(
                a.cues(CueKind::ApprovalClaim)
                    .filter(|(_, _, c)| c.has(Modifier::Negated)),
            )
            .chain(a.cues(CueKind::RegulatorWarning))
            .map(|(i, m, _)| (i, *m))
            .collect::<Vec<_>>();
        let mut statements = statements;
        statements.sort_by_key(|(i, _)| *i);
        for (i, m) in statements {
            let s = a.sentence_of(i);
            if s == last_sentence {
                continue;
            }
            let subjects = util::approval_subjects(a, i);
            let facts: Vec<Fact> = subjects.iter().filter_map(|&e| util::unapproved_status(a, e)).collect();
            // Saying an approved product is unapproved would be wrong, not careful.
            if facts.is_empty() && subjects.iter().any(|&e| util::is_approved_product(a, e)) {
                continue;
            }
            last_sentence = s;
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, m.span, "hc205")
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
    use crate::checks::testing::run;

    #[test]
    fn notes_correct_status_with_kb_source() {
        let f = run(&StatusStated, "There is currently no FDA-approved exosome product.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(!f[0].facts.is_empty());
    }

    #[test]
    fn does_not_credit_a_positive_approval_claim() {
        assert!(run(&StatusStated, "Our exosomes are FDA approved.").is_empty());
    }
}
