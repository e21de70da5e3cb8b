//! HC501 dosing-usage
//!
//! ## What it does
//! Flags dosing and usage information: doses and particle counts next to a number ("10 billion
//! exosomes", "250 mcg", "5 ml"), session plans ("3 sessions"), and usage instructions ("twice
//! daily", "reconstitute"). Numbers describing a study's design are not flagged, nor are doses the
//! text reports in order to refute them.
//!
//! ## Why is this bad?
//! The origin article's editorial rule: an informative text gives no dosing, usage or sourcing
//! information. For unapproved products such details turn information into instructions.
//!
//! ## Example
//! "Each session delivers 10 billion exosomes; we recommend 3 sessions."

use super::*;
use crate::lexicon::CueKind;

pub struct DosingUsage;

const STUDY: [CueKind; 4] = [
    CueKind::HumanControlled,
    CueKind::HumanEarly,
    CueKind::HumanObservational,
    CueKind::Preclinical,
];

impl Check for DosingUsage {
    fn code(&self) -> Code {
        Code::HC501
    }
    fn name(&self) -> &'static str {
        "dosing-usage"
    }
    fn question(&self) -> Question {
        Question::Compliance
    }
    fn summary(&self) -> &'static str {
        "Doses, particle counts, volumes, session plans and usage instructions"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for (i, m) in a.mentions.iter().enumerate() {
            if !matches!(m.kind, CueKind::Dose | CueKind::Usage)
                || a.context[i].distanced()
                || a.context[i].has(Modifier::Negated)
            {
                continue;
            }
            let s = a.sentence_of(i);
            if a.in_sentence(s).any(|(_, x, _)| STUDY.contains(&x.kind)) {
                continue;
            }
            // Show the number with its unit: "10 billion", not "billion".
            let span = if m.kind == CueKind::Dose {
                util::with_number_before(a, m.span)
            } else {
                m.span
            };
            // "leaked on average 3.1 times a day" is a statistic about people, not an instruction.
            let before = a.doc.text[..span.start].trim_end();
            let before = &before[crate::ingest::ceil_char_boundary(before, before.len().saturating_sub(24))..];
            if ["average", "mean", "median"]
                .iter()
                .any(|w| before.to_ascii_lowercase().contains(w))
            {
                continue;
            }
            // "$600 million" is an amount of money (a price or a budget), not a dose.
            let after = a.doc.text[span.end..].trim_start();
            let after = &after[..crate::ingest::floor_char_boundary(after, 8)].to_ascii_lowercase();
            if a.doc.text[..span.start].trim_end().ends_with(['$', '€', '£'])
                || ["euro", "eur", "€", "$", "dollar", "usd", "chf"]
                    .iter()
                    .any(|c| after.starts_with(c))
            {
                continue;
            }
            out.push(
                Finding::new(self.code(), self.question(), Severity::Concern, span, "hc501")
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
    fn flags_doses_and_session_plans() {
        assert_eq!(
            flagged(
                &DosingUsage,
                "Each session delivers 10 billion exosomes. Take 250mcg twice daily for 3 weeks."
            ),
            vec!["10 billion", "250mcg", "twice daily"]
        );
    }

    #[test]
    fn does_not_flag_study_designs_or_plain_numbers() {
        assert!(flagged(
            &DosingUsage,
            "The randomized trial enrolled 102 patients who received 2 infusions."
        )
        .is_empty());
        assert!(flagged(&DosingUsage, "A billion people sleep badly.").is_empty());
    }
}
