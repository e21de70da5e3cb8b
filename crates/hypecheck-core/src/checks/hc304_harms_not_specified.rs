//! HC304 harms-not-specified
//!
//! ## What it does
//! Flags a text that speaks of harms only in general ("side effects were minimal", "the treatment
//! was well tolerated", "natural does not mean harmless") and nowhere names one or says how often it
//! happens.
//!
//! ## Why is this bad?
//! "Side effects" without which, how serious and how often tells a reader nothing they can weigh.
//! Expert reviewers rate such texts as not explaining harms: the reader needs the harm and its
//! frequency, as a package insert gives them.
//!
//! ## Example
//! "The drug was safe and well tolerated, with few side effects." (and no harm named)

use super::*;

pub struct HarmsNotSpecified;

impl Check for HarmsNotSpecified {
    fn code(&self) -> Code {
        Code::HC304
    }
    fn name(&self) -> &'static str {
        "harms-not-specified"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "Harms mentioned only in general: none named, no frequency given"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let talk = util::harm_talk(a);
        if talk.is_empty() || talk.iter().any(|t| t.specific) {
            return;
        }
        let first = talk[0];
        let m = &a.mentions[first.mention];
        out.push(
            Finding::new(self.code(), self.question(), Severity::Concern, m.span, "hc304")
                .arg("cue", util::quote(a, m.span))
                .cue(a, first.mention),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_harms_named_only_in_general() {
        assert_eq!(
            flagged(
                &HarmsNotSpecified,
                "The drug reduced pain. It was well tolerated, with minimal side effects."
            ),
            vec!["well tolerated"]
        );
    }

    #[test]
    fn does_not_flag_named_or_counted_harms_or_silence() {
        for t in [
            "The drug reduced pain. Side effects included nausea in 8% of patients.",
            "Side effects occurred in 12 of 100 patients.",
            "The drug reduced pain.",
        ] {
            assert!(flagged(&HarmsNotSpecified, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_trial_that_saw_no_serious_harm_still_owes_the_others() {
        // The trial's safety result is harm talk, not a promise and not silence, but names none.
        assert_eq!(
            flagged(
                &HarmsNotSpecified,
                "The exercise programme reduced knee pain. No serious adverse events were reported."
            ),
            vec!["serious adverse"]
        );
        assert!(flagged(
            &HarmsNotSpecified,
            "No serious adverse events were reported. Muscle soreness occurred in 41 of 156 participants (26%)."
        )
        .is_empty());
    }
}
