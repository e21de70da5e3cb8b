//! HC405 measured-language (positive)
//!
//! ## What it does
//! Notes that the text makes claims without sensational words or absolute promises: no
//! "breakthrough", "miracle" or "cure" anywhere in its own words. The finding points at the first
//! claim, the kind of sentence where hype would stand.
//!
//! ## Why is this good?
//! The origin article's fourth question: reputable research is worded with care; hype promises
//! quick, safe miracles. A text that states its findings plainly passes that test, and this finding
//! is what the pass rests on.
//!
//! ## Example
//! "In the trial, the drug lowered blood pressure by 5 mmHg more than placebo."

use super::*;
use crate::lexicon::CueKind;

pub struct MeasuredLanguage;

impl Check for MeasuredLanguage {
    fn code(&self) -> Code {
        Code::HC405
    }
    fn name(&self) -> &'static str {
        "measured-language"
    }
    fn question(&self) -> Question {
        Question::Language
    }
    fn summary(&self) -> &'static str {
        "Claims made without sensational words or absolute promises"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        if a.any_asserted(CueKind::Hype) || a.any_asserted(CueKind::Absolute) {
            return;
        }
        // Where hype would stand: the first claim, else the first sentence naming a product or
        // treatment (a product page that promises nothing medical).
        let span = match a.claims.first() {
            Some(c) => c.span,
            None => match a.mentions.iter().position(|m| {
                matches!(
                    m.kind,
                    CueKind::Intervention | CueKind::GenericIntervention | CueKind::GenericProduct
                )
            }) {
                Some(i) => a.sentence_span(a.sentence_of(i)),
                None => return,
            },
        };
        out.push(
            Finding::new(self.code(), self.question(), Severity::Positive, span, "hc405")
                .arg("claims", a.claims.len().to_string()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn notes_claims_made_plainly() {
        assert_eq!(
            flagged(
                &MeasuredLanguage,
                "In the trial, the drug lowered blood pressure more than placebo."
            ),
            vec!["In the trial, the drug lowered blood pressure more than placebo."]
        );
    }

    #[test]
    fn not_where_hype_or_promises_stand_or_nothing_is_claimed() {
        for t in [
            "This breakthrough drug lowered blood pressure.",
            "The drug cures high blood pressure.",
            "The clinic opens at nine on Mondays.",
        ] {
            assert!(flagged(&MeasuredLanguage, t).is_empty(), "{t}");
        }
    }
}
