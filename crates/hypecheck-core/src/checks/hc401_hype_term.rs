//! HC401 hype-term
//!
//! ## What it does
//! Flags sensational words stated by the author or in quotes the author presents as their own
//! message ("miracle", "breakthrough", "revolutionary", "game changer", "fountain of youth").
//! Hype the text reports in order to question or refute it does not count.
//!
//! ## Why is this bad?
//! Sensational language promises more than evidence can deliver and is the first sign of hype
//! that the origin article teaches readers to spot.
//!
//! ## Example
//! "This revolutionary breakthrough turns back the clock."

use super::*;
use crate::lexicon::CueKind;

pub struct HypeTerm;

impl Check for HypeTerm {
    fn code(&self) -> Code {
        Code::HC401
    }
    fn name(&self) -> &'static str {
        "hype-term"
    }
    fn question(&self) -> Question {
        Question::Language
    }
    fn summary(&self) -> &'static str {
        "Sensational words: miracle, breakthrough, revolutionary, game changer"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for (i, m, c) in a.cues(CueKind::Hype) {
            if !c.asserted() {
                continue;
            }
            out.push(
                Finding::new(self.code(), self.question(), Severity::Concern, m.span, "hc401")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, flagged_de};

    #[test]
    fn flags_hype_words() {
        assert_eq!(
            flagged(&HypeTerm, "This revolutionary breakthrough is a game changer."),
            vec!["revolutionary", "breakthrough", "game changer"]
        );
    }

    #[test]
    fn flags_the_testimonial_trope_of_the_one_thing_that_worked() {
        assert_eq!(
            flagged(&HypeTerm, "This supplement fixed my sleep when nothing else did."),
            vec!["when nothing else did"]
        );
        assert_eq!(
            flagged_de(&HypeTerm, "Die Kapseln haben geholfen, als nichts anderes half."),
            vec!["als nichts anderes half"]
        );
    }

    #[test]
    fn does_not_flag_reported_or_refuted_hype() {
        for t in [
            "Exosomes are touted as the next big thing.",
            "Miracle cure? That is a myth.",
            "It is not a miracle.",
        ] {
            assert!(flagged(&HypeTerm, t).is_empty(), "{t}");
        }
    }
}
