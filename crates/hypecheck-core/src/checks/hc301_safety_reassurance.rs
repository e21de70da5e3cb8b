//! HC301 safety-reassurance
//!
//! ## What it does
//! Flags safety promises: absolute ones ("zero side effects", "100% safe", "risk-free", "no
//! complications") fail; softer ones that hide risk behind comfort or nature ("natural",
//! "your body's own", "no downtime", "gentle") are a concern. Negation decides: "no side effects"
//! is a promise, "not risk-free" is a disclosure; quoted-to-refute promises do not count.
//!
//! ## Why is this bad?
//! Every injected biological product carries risk; documented harms of unregulated exosome and
//! stem-cell products include infections, granulomas and blindness. "Natural" is not "harmless".
//!
//! ## Example
//! "Because exosomes are your body's own messengers, there are zero side effects."

use super::*;
use crate::lexicon::CueKind;

pub struct SafetyReassurance;

/// Negations that turn a named risk into a promise when placed right before it ("no scarring").
const PROMISING_NEGATIONS: &[&str] = &[
    "no",
    "zero",
    "without",
    "free of",
    "never",
    "none",
    "nothing", // English
    "kein",
    "keine",
    "keinen",
    "keiner",
    "keinerlei",
    "ohne",
    "null",
    "nie",
    "niemals",
    "frei von", // German
];

impl Check for SafetyReassurance {
    fn code(&self) -> Code {
        Code::HC301
    }
    fn name(&self) -> &'static str {
        "safety-reassurance"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "Safety promises: \"no side effects\", \"100% safe\", \"natural\", \"your body's own\""
    }
    fn run(&self, a: &Analysis, out: &mut Vec<Finding>) {
        for (i, m, c) in a.cues(CueKind::Reassurance) {
            if !c.asserted() {
                continue;
            }
            let severity = if m.strong { Severity::Fail } else { Severity::Concern };
            out.push(
                Finding::new(self.code(), self.question(), severity, m.span, "hc301")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
        let reports_counted_harms = util::harm_talk(a).iter().any(|t| t.specific);
        for (i, m, c) in a.cues(CueKind::Risk).chain(a.cues(CueKind::NamedHarm)) {
            let Some(t) = c.trigger(Modifier::Negated) else {
                continue;
            };
            let trigger = a.doc.slice(a.mentions[t].span).to_ascii_lowercase();
            let tspan = a.mentions[t].span;
            // "no scarring" (negation right before) or "Side effects: none." / "Nebenwirkungen gibt
            // es keine." (a closing negation a few words after).
            let near = if tspan.start < m.span.start {
                crate::context::words_between(&a.doc.text, tspan.end, m.span.start) == 0
            } else {
                crate::context::words_between(&a.doc.text, m.span.end, tspan.start) <= 3
            };
            let s = a.sentence_of(i);
            // "No adverse events occurred in the trial" reports a result; it is not a promise.
            let study = a.in_sentence(s).any(|(_, x, _)| {
                matches!(
                    x.kind,
                    CueKind::HumanControlled | CueKind::HumanEarly | CueKind::Preclinical | CueKind::Limitation
                )
            });
            let distanced = c.has(Modifier::Reported) || c.has(Modifier::Refuted) || c.has(Modifier::Hypothetical);
            // Beside harms counted in numbers, "no serious adverse events" is the rest of a trial's
            // safety report, not a promise.
            let phrase = a.doc.slice(m.span).to_ascii_lowercase();
            let trial_report = (phrase.contains("adverse") || phrase.contains("serious")) && reports_counted_harms;
            if near && !study && !distanced && !trial_report && PROMISING_NEGATIONS.contains(&trigger.as_str()) {
                let span = crate::document::Span::new(tspan.start.min(m.span.start), tspan.end.max(m.span.end));
                out.push(
                    Finding::new(self.code(), self.question(), Severity::Fail, span, "hc301")
                        .arg("cue", util::quote(a, span))
                        .cue(a, t)
                        .cue(a, i),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, run};

    #[test]
    fn absolute_promises_fail() {
        let f = run(
            &SafetyReassurance,
            "Exosome facials have zero side effects and are 100% safe.",
        );
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.severity == Severity::Fail));
    }

    #[test]
    fn negated_risk_right_after_no_is_a_promise() {
        assert_eq!(
            flagged(&SafetyReassurance, "There is no scarring and no infection."),
            vec!["no scarring", "no infection"]
        );
    }

    #[test]
    fn german_promises_inflections_and_negation_scope() {
        use crate::checks::testing::flagged_de;
        assert_eq!(
            flagged_de(
                &SafetyReassurance,
                "Die Behandlung ist nebenwirkungsfrei und es gibt keine Risiken."
            ),
            vec!["nebenwirkungsfrei", "keine Risiken"]
        );
        assert_eq!(
            flagged_de(&SafetyReassurance, "Körpereigene Exosomen."),
            vec!["Körpereigene"]
        );
        for t in [
            "„Körpereigen“ bedeutet nicht harmlos.",
            "Die Injektionen sind nicht risikofrei.",
            "Manche Anbieter behaupten, es gebe keine Nebenwirkungen. Das ist falsch.",
        ] {
            assert!(flagged_de(&SafetyReassurance, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn closing_negations_make_a_promise_too() {
        assert_eq!(
            flagged(&SafetyReassurance, "Side effects: none."),
            vec!["Side effects: none"]
        );
        assert_eq!(
            crate::checks::testing::flagged_de(&SafetyReassurance, "Nebenwirkungen gibt es keine."),
            vec!["Nebenwirkungen gibt es keine"]
        );
    }

    #[test]
    fn natural_and_body_own_are_concerns() {
        let f = run(&SafetyReassurance, "It uses your body's own healing signals.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Concern);
    }

    #[test]
    fn does_not_flag_refuted_or_negated_reassurance() {
        for t in [
            "\"Natural\" and \"your body's own\" does not automatically mean \"harmless.\"",
            "Exosome injections are not risk-free.",
            "Clinics claim the injections have no side effects. This is false.",
            "No treatment-related adverse events occurred in the phase 2 trial.",
        ] {
            assert!(flagged(&SafetyReassurance, t).is_empty(), "{t}");
        }
    }
}
