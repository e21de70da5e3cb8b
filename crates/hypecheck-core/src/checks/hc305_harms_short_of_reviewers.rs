//! HC305 harms-short-of-reviewers
//!
//! ## What it does
//! Flags a text that mentions harms of its treatment, yet in a way that health-news reviewers
//! judged too thin in texts like it: the harms criterion, answered by the model trained on
//! HealthNewsReview's ratings of press releases, says the text does not explain and quantify the
//! harms, and is sure of it. The finding points at the text's own mentions of harm, the ones the
//! reader should weigh: naming a side effect is not saying how often it happens or how bad it is.
//! When the text names no harm at all, it points at the benefit claimed with no harm beside it.
//! It runs after the criteria, for English texts with the learned model, only where the text
//! claims a benefit (harms are weighed against one) and the risks question has no other
//! shortcoming: it adds the reviewers' standard where the rules saw nothing wrong.
//!
//! ## Why is this bad?
//! A harm named in passing ("some patients may experience mild discomfort") reassures more than
//! it informs. Reviewers ask for the harms with their frequency and severity, beside the
//! benefits, so that a reader can weigh one against the other; most releases they rated fall
//! short of it.
//!
//! ## Example
//! "The drug cut relapses by 40 percent. Side effects were generally mild." (how often, which
//! ones, how many stopped treatment?)

use super::*;

/// How sure the model must be before its reading outweighs the text's own mentions of harm.
/// Chosen on the dev releases in 5-fold cross-validation, the model trained inside the folds
/// (risks against the reviewers' harms: balanced accuracy 0.743 at 0.5, 0.751 at 0.6, 0.753 at
/// 0.65, 0.752 at 0.7, 0.739 at 0.85; kappa 0.440, 0.440, 0.435, 0.420, 0.384).
pub const CONFIDENCE: f64 = 0.6;

/// The same where the text says how often a harm happened. Chosen on the dev releases, 5-fold
/// cross-validated (risks against the reviewers' harms, balanced accuracy / kappa): 0.789 / 0.491
/// without it (a trial report counting harms by arm was faulted at 62 %), 0.785 / 0.469 at 0.7,
/// 0.782 / 0.458 at 0.8, 0.780 / 0.453 never.
pub const CONFIDENCE_OVER_COUNTED: f64 = 0.7;

pub struct HarmsShortOfReviewers;

impl Check for HarmsShortOfReviewers {
    fn code(&self) -> Code {
        Code::HC305
    }
    fn name(&self) -> &'static str {
        "harms-short-of-reviewers"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "Harms mentioned, but reviewers' model judges them not explained or quantified"
    }
    /// Reads the reviewers' model, not the analysis alone: see `run_on_reading`.
    fn run(&self, _a: &Analysis, _out: &mut FindingSink) {}

    fn run_on_reading(&self, a: &Analysis, findings: &[Finding], reading: &ReviewersReading, out: &mut FindingSink) {
        let Some(confidence) = reading.short_of(Question::Risks).filter(|&p| p >= CONFIDENCE) else {
            return;
        };
        let risks: Vec<&Finding> = findings.iter().filter(|f| f.question == Question::Risks).collect();
        // A harm told with how often it happened is what the reviewers ask for; only a firmer
        // doubt of the model outweighs it.
        let counted = util::harm_talk(a).iter().any(|t| t.counted);
        if risks.iter().any(|f| f.severity >= Severity::Concern) || (counted && confidence < CONFIDENCE_OVER_COUNTED) {
            return;
        }
        // Harms are weighed against a benefit: without a claim of efficacy there is none.
        let Some(benefit) = a.claims.iter().find(|c| c.credits_benefit()) else {
            return;
        };
        // The text's own mention of harm, else the benefit claimed with no harm beside it.
        let span = risks
            .iter()
            .find(|f| f.severity == Severity::Positive)
            .map_or(benefit.span, |f| f.span);
        out.push(
            Finding::new(self.code(), self.question(), Severity::Concern, span, "hc305")
                .arg("cue", util::quote(a, span))
                .arg("confidence", format!("{:.0}", confidence * 100.0)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::shipped;
    use crate::Options;

    fn codes(text: &str) -> Vec<&'static str> {
        let options = Options {
            input_format: Some(crate::InputFormat::Text),
            text_language: Some(crate::Language::En),
            ..Options::default()
        };
        let report = shipped().check_text(text, &options).unwrap();
        report.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_harm_named_in_passing_in_a_promotional_release_falls_short() {
        let text = "A new drug slashes the risk of heart attacks, researchers announced today. \
                    In the study, patients taking the drug had 40 percent fewer heart attacks. \
                    \"This is a game changer for millions of patients,\" said the lead author. \
                    The most common side effects were mild nausea and headache. \
                    The company plans to seek approval next year and expects sales of $2 billion.";
        let found = codes(text);
        assert!(found.contains(&"HC303"), "the headache is named: {found:?}");
        assert!(found.contains(&"HC305"), "{found:?}");
    }

    #[test]
    fn harms_with_their_frequency_and_severity_are_enough() {
        let text = "In a randomised trial of 2,000 adults, the drug lowered blood pressure by 5 mmHg \
                    more than placebo after 12 weeks. Side effects were more common on the drug: \
                    dizziness in 12 percent against 4 percent on placebo, and 3 percent stopped \
                    treatment because of them. Two patients had serious allergic reactions. The \
                    trial was too short to show effects on strokes, the authors cautioned.";
        let found = codes(text);
        assert!(found.contains(&"HC303"), "{found:?}");
        assert!(!found.contains(&"HC305"), "{found:?}");
    }

    #[test]
    fn a_text_with_no_risks_material_gets_no_reviewers_concern() {
        let found = codes("Sleep matters. Most adults need seven to nine hours a night.");
        assert!(!found.contains(&"HC305"), "{found:?}");
    }
}
