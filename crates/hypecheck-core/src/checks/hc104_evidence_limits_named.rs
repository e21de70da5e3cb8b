//! HC104 evidence-limits-named (positive)
//!
//! ## What it does
//! Notes where the text names the limits of the evidence: "more research is needed", "only in
//! mice", "small study", "robust evidence is lacking", "preliminary".
//!
//! ## Why is this good?
//! Naming gaps is the mark of reputable science communication. It lets readers weigh a result
//! instead of taking it as settled.
//!
//! ## Example
//! "Robust efficacy evidence from phase 3 trials is lacking."

use super::*;
use crate::lexicon::CueKind;

pub struct EvidenceLimitsNamed;

impl Check for EvidenceLimitsNamed {
    fn code(&self) -> Code {
        Code::HC104
    }
    fn name(&self) -> &'static str {
        "evidence-limits-named"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "The text names the limits of the evidence"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let mut last_sentence = usize::MAX;
        for (i, m, c) in a.cues(CueKind::Limitation) {
            let s = a.sentence_of(i);
            // "not unknown" would be odd; reported limits ("critics say it is unproven") still count.
            if c.has(Modifier::Negated) || s == last_sentence {
                continue;
            }
            last_sentence = s;
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, m.span, "hc104")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn notes_named_gaps() {
        assert_eq!(
            flagged(
                &EvidenceLimitsNamed,
                "The results are preliminary. More research is needed."
            ),
            vec!["preliminary", "More research is needed"]
        );
    }

    #[test]
    fn ignores_texts_without_limits() {
        assert!(flagged(&EvidenceLimitsNamed, "Exosomes heal every wound.").is_empty());
    }
}
