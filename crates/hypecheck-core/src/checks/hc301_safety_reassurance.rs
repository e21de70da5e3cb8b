//! HC301 safety-reassurance
//!
//! ## What it does
//! Flags safety promises: absolute ones ("zero side effects", "100% safe", "risk-free", "no
//! complications") fail; softer ones that hide risk behind comfort or nature ("natural",
//! "your body's own", "no downtime", "gentle") are a concern. Negation decides: "no side effects"
//! is a promise, "not risk-free" is a disclosure; quoted-to-refute promises do not count, nor
//! does a study's result ("no complications were reported", "es traten keine Komplikationen auf").
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

/// Reassurances that, beside harms counted in numbers, state a study's conclusion.
const STUDY_CONCLUSIONS: [&str; 5] = [
    "safe and effective",
    "safe & effective",
    "sicher und wirksam",
    "sicher und effektiv",
    "gut verträglich",
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
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        // A text that counts the treatment's harms in numbers reports a study's safety results;
        // its "safe and effective" is the study's conclusion and its "no serious adverse events"
        // the rest of the safety report, not a promise that hides risk.
        let reports_counted_harms = util::harm_talk(a).iter().any(|t| t.specific);
        for (i, m, c) in a.cues(CueKind::Reassurance) {
            if !c.asserted() {
                continue;
            }
            let phrase = a.doc.slice(m.span).to_ascii_lowercase();
            if reports_counted_harms && STUDY_CONCLUSIONS.iter().any(|p| phrase.starts_with(p)) {
                continue;
            }
            // "No complications from the injections were reported": what a study saw.
            if util::reported_result(a, i) {
                continue;
            }
            let severity = if m.strong { Severity::Fail } else { Severity::Concern };
            out.push(
                Finding::new(self.code(), self.question(), severity, m.span, "hc301")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, i),
            );
        }
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
            // "No adverse events occurred in the trial" and "No complications from the injections
            // were reported" report a result; they are not promises.
            let study = a.in_sentence(s).any(|(_, x, _)| {
                matches!(
                    x.kind,
                    CueKind::HumanControlled
                        | CueKind::HumanEarly
                        | CueKind::Preclinical
                        | CueKind::Limitation
                        | CueKind::HarmReport
                )
            });
            let distanced = c.has(Modifier::Reported) || c.has(Modifier::Refuted) || c.has(Modifier::Hypothetical);
            if near && !study && !distanced && !reports_counted_harms && PROMISING_NEGATIONS.contains(&trigger.as_str())
            {
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
            "One of the basic tenets in medicine is to do no harm.",
        ] {
            assert!(flagged(&SafetyReassurance, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_study_that_counts_harms_may_conclude_safe_and_effective() {
        let report = "Nausea occurred in 12 of 200 patients (6%). The drug was safe and effective. \
                      No serious adverse events were seen.";
        assert!(
            run(&SafetyReassurance, report).is_empty(),
            "{:?}",
            flagged(&SafetyReassurance, report)
        );
        let f = run(
            &SafetyReassurance,
            "Our serum is safe and effective for every skin type.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Fail);
    }

    #[test]
    fn a_harm_a_study_did_not_see_is_a_result_not_a_promise() {
        for t in [
            "No complications from the Botox injections were reported.",
            "No infections were observed in either group.",
        ] {
            assert!(flagged(&SafetyReassurance, t).is_empty(), "{t}");
        }
        assert!(
            crate::checks::testing::flagged_de(&SafetyReassurance, "Es wurden keine Komplikationen beobachtet.")
                .is_empty()
        );
        // Near misses: sellers' wording, and a plain promise.
        assert_eq!(
            flagged(&SafetyReassurance, "No side effects have been reported."),
            vec!["No side effects"]
        );
        assert_eq!(
            flagged(&SafetyReassurance, "There are no side effects."),
            vec!["no side effects"]
        );
    }
}
