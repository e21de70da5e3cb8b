//! HC404 cautious-language (positive)
//!
//! ## What it does
//! Notes sentences worded with caution: hedges ("may", "could", "suggests", "probably") and named
//! limits ("more research is needed", "not yet fully understood").
//!
//! ## Why is this good?
//! "Reputable research is worded cautiously and names gaps" (origin article). Caution is the
//! counterweight the language verdict weighs against hype.
//!
//! ## Example
//! "Part of the effect can probably be explained by the vesicles."

use super::*;
use crate::lexicon::CueKind;

pub struct CautiousLanguage;

impl Check for CautiousLanguage {
    fn code(&self) -> Code {
        Code::HC404
    }
    fn name(&self) -> &'static str {
        "cautious-language"
    }
    fn question(&self) -> Question {
        Question::Language
    }
    fn summary(&self) -> &'static str {
        "Sentences worded with caution (hedges, named limits)"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for s in 0..a.by_sentence.len() {
            let cue = a
                .in_sentence(s)
                .find(|(_, m, c)| matches!(m.kind, CueKind::Hedge | CueKind::Limitation) && !c.has(Modifier::Negated));
            if let Some((i, m, _)) = cue {
                out.push(
                    Finding::new(self.code(), self.question(), Severity::Positive, m.span, "hc404")
                        .arg("cue", util::quote(a, m.span))
                        .cue(a, i),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn notes_hedged_sentences_once_each() {
        assert_eq!(
            flagged(
                &CautiousLanguage,
                "Exosomes may help and could possibly heal. More research is needed."
            ),
            vec!["may", "More research is needed"]
        );
    }

    #[test]
    fn ignores_confident_text() {
        assert!(flagged(&CautiousLanguage, "Exosomes heal everything.").is_empty());
    }
}
