//! HC108 study-size-stated (positive)
//!
//! ## What it does
//! Notes where the text says how many people were studied ("a trial of 1,045 patients", "12
//! volunteers").
//!
//! ## Why is this good?
//! The size of a study is the first thing a reader needs to judge it: a result in twelve people is a
//! hint, in twelve thousand it is evidence. Expert reviewers ask for it.
//!
//! ## Example
//! "The randomized trial enrolled 1,045 patients aged 50 and older."

use super::*;

pub struct StudySizeStated;

impl Check for StudySizeStated {
    fn code(&self) -> Code {
        Code::HC108
    }
    fn name(&self) -> &'static str {
        "study-size-stated"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "The text says how many people were studied"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        // A panel of 50 customers behind a cosmetic's looks is no evidence for a health claim.
        if a.claims.is_empty() {
            return;
        }
        if let Some((i, m, _)) = util::study_size(a) {
            let span = util::with_count(m);
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, span, "hc108")
                    .arg("cue", util::quote(a, span))
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
    fn notes_the_number_of_people_studied() {
        assert_eq!(
            flagged(
                &StudySizeStated,
                "In a trial of 1,045 patients aged 50 and older, the drug reduced nighttime urination."
            ),
            vec!["1,045 patients"]
        );
    }

    #[test]
    fn a_count_may_have_describing_words_or_be_a_word() {
        assert_eq!(
            flagged(
                &StudySizeStated,
                "The drug improved survival in 14 advanced-stage cancer patients."
            ),
            vec!["14 advanced-stage cancer patients"]
        );
        assert_eq!(
            flagged(&StudySizeStated, "The drug improved smell in five volunteers."),
            vec!["five volunteers"]
        );
        assert_eq!(
            crate::checks::testing::flagged_de(
                &StudySizeStated,
                "Das Medikament verbesserte den Schlaf bei 120 übergewichtigen Frauen."
            ),
            vec!["120 übergewichtigen Frauen"]
        );
        // German number words are read as the matcher sees them, umlauts folded.
        for (text, count) in [
            (
                "Das Medikament verbesserte den Schlaf bei fünf Probanden.",
                "fünf Probanden",
            ),
            (
                "Das Medikament verbesserte den Schlaf bei zwölf Patientinnen.",
                "zwölf Patientinnen",
            ),
        ] {
            assert_eq!(crate::checks::testing::flagged_de(&StudySizeStated, text), vec![count]);
        }
    }

    #[test]
    fn labels_shares_and_years_are_no_count() {
        for t in [
            "The drug improved blood sugar in type 2 diabetes patients.",
            "The drug improved breathing in COVID-19 patients.",
            "The drug improved pain in 20 percent of patients.",
            "In 2019 cancer patients benefited from the drug.",
            "Two conditions affect patients who benefit from the drug.",
            // A dateline's year before the people of its first sentence.
            "NORWICH, UK, March 3, 2026 - Older adults who drank the juice recalled more words.",
            "LONDON, 3 March 2026 - Older adults who drank the juice recalled more words.",
        ] {
            assert!(flagged(&StudySizeStated, t).is_empty(), "{t}");
        }
        // Near miss: a count of that size is still a count.
        assert_eq!(
            flagged(&StudySizeStated, "The drug improved sleep in 2,026 older adults."),
            vec!["2,026 older adults"]
        );
    }

    #[test]
    fn people_without_a_number_are_no_study_size() {
        assert!(flagged(&StudySizeStated, "Many patients felt better.").is_empty());
        assert!(flagged(
            &StudySizeStated,
            "The drug may reduce pain; trials would need 500 patients to tell."
        )
        .is_empty());
    }
}
