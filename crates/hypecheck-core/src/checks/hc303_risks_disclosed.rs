//! HC303 risks-disclosed (positive)
//!
//! ## What it does
//! Notes where the text discusses risks openly: side effects, adverse events, infections,
//! granulomas, scarring, unknown long-term effects, or that "natural" does not mean harmless.
//!
//! ## Why is this good?
//! Open discussion of risk is what the origin article's third question asks for; it lets readers
//! weigh benefit against harm.
//!
//! ## Example
//! "Documented harms range from infections through granulomas to permanent scarring."

use super::*;
use crate::lexicon::CueKind;

pub struct RisksDisclosed;

impl Check for RisksDisclosed {
    fn code(&self) -> &'static str {
        "HC303"
    }
    fn name(&self) -> &'static str {
        "risks-disclosed"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "The text discusses risks openly"
    }
    fn run(&self, a: &Analysis, out: &mut Vec<Finding>) {
        let mut last_sentence = usize::MAX;
        let disclosures = a
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                let c = &a.context[*i];
                match m.kind {
                    CueKind::Risk => !c.has(Modifier::Negated) || c.distanced(),
                    // "'natural' does not mean harmless" discloses a risk too.
                    CueKind::Reassurance => c.has(Modifier::Negated) || c.has(Modifier::Refuted),
                    _ => false,
                }
            })
            .map(|(i, m)| (i, *m))
            .collect::<Vec<_>>();
        let subjects = a.interventions();
        let facts: Vec<Fact> = subjects
            .iter()
            .take(2)
            .flat_map(|&e| util::harms(a, e))
            .take(3)
            .collect();
        for (i, m) in disclosures {
            let s = a.sentence_of(i);
            if s == last_sentence {
                continue;
            }
            let first = last_sentence == usize::MAX;
            last_sentence = s;
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, m.span, "hc303")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i)
                    // The documented harms are cited once, on the first disclosure.
                    .facts(if first { facts.clone() } else { Vec::new() }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn notes_disclosed_risks() {
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Documented harms include infections. Scarring can persist."
            ),
            vec!["harms", "Scarring"]
        );
    }

    #[test]
    fn notes_natural_is_not_harmless() {
        assert_eq!(
            flagged(&RisksDisclosed, "Natural does not mean harmless."),
            vec!["harmless"]
        );
    }

    #[test]
    fn does_not_count_no_side_effects_as_disclosure() {
        assert!(flagged(&RisksDisclosed, "There are no side effects.").is_empty());
        assert!(flagged(&RisksDisclosed, "Side effects: none.").is_empty());
        assert!(crate::checks::testing::flagged_de(&RisksDisclosed, "Nebenwirkungen gibt es keine.").is_empty());
    }
}
