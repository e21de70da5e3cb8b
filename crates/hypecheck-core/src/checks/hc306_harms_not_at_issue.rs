//! HC306 harms-not-at-issue
//!
//! ## What it does
//! Notes that a text's silence on harms (HC302: no harm named) or its harms told only in general
//! (HC304) is not, for a text like this one, what health-news reviewers fault: the model trained on
//! HealthNewsReview's ratings of press releases puts the chance that they would judge its harms
//! not satisfactory below 30 %. Typically the text reports an everyday food, diet or behaviour
//! observed in a study ("nut consumption may aid colon cancer survival"), whose harms reviewers
//! rated as not at issue. The finding points at the same span as the concern it answers; that
//! concern stays in the report, and the risks verdict is `not applicable` instead of `concern`
//! (or `pass` where a harm is named).
//!
//! It runs after the criteria, for English texts with the learned model, and never where the
//! text credits a product with a benefit (a drug, a device, a supplement, a test: a product's
//! harms are always at issue), where the knowledge base documents harms of the intervention,
//! where the text reassures about safety
//! (HC301) or where the risks question has any concern other than these two absences: the text's
//! own words are always judged.
//!
//! ## Why does it matter?
//! A rule that asks every text for the harms of what it reports treats "eat more vegetables" like
//! a new drug. Reviewers do not: "there are few (if any) harms associated with adopting a
//! well-balanced diet", one wrote of a release that named none. Telling such texts apart keeps
//! the risks concern for the texts where a reader needs the harms.
//!
//! ## Example
//! "A diet rich in vegetables was associated with a lower risk of depression in a study of 15,000
//! adults." (no harm named, none at issue)

use super::*;
use crate::lexicon::CueKind;

/// Below this probability that reviewers would fault the harms, an absence is not decisive.
/// Chosen on the dev releases in 5-fold cross-validation, the model trained inside the folds
/// (risks against the reviewers' harms, balanced accuracy / kappa: 0.749 / 0.435 without it,
/// 0.763 / 0.452 at 0.25, 0.777 / 0.469 at 0.3, 0.774 / 0.447 at 0.35, 0.759 / 0.407 at 0.4).
pub const UNFAULTED_BELOW: f64 = 0.3;

/// The risks concerns that tell of an absence, which this check may answer.
pub const ABSENCES: [Code; 2] = [Code::HC302, Code::HC304];

pub struct HarmsNotAtIssue;

impl Check for HarmsNotAtIssue {
    fn code(&self) -> Code {
        Code::HC306
    }
    fn name(&self) -> &'static str {
        "harms-not-at-issue"
    }
    fn question(&self) -> Question {
        Question::Risks
    }
    fn summary(&self) -> &'static str {
        "No harm named, but reviewers' model judges harms not at issue for a text like this"
    }
    /// Reads the reviewers' model, not the analysis alone: see `run_on_reading`.
    fn run(&self, _a: &Analysis, _out: &mut FindingSink) {}

    fn run_on_reading(&self, a: &Analysis, findings: &[Finding], reading: &ReviewersReading, out: &mut FindingSink) {
        let Some(chance) = reading.short_of(Question::Risks).filter(|&p| p < UNFAULTED_BELOW) else {
            return;
        };
        let concerns: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.question == Question::Risks && f.severity >= Severity::Concern)
            .collect();
        // Only an absence, and not one of harms the knowledge base documents.
        let Some(absence) = concerns.first() else {
            return;
        };
        if concerns
            .iter()
            .any(|f| !ABSENCES.contains(&f.code) || !f.facts.is_empty())
            || promotes_a_product(a)
        {
            return;
        }
        out.push(
            Finding::new(self.code(), self.question(), Severity::Info, absence.span, "hc306")
                .arg("chance", format!("{:.0}", chance * 100.0)),
        );
    }
}

/// Whether a claim of benefit is about a product: one the knowledge base knows, or one named in
/// general words ("the pill", "this supplement"), in the claim or carried over to it.
fn promotes_a_product(a: &Analysis) -> bool {
    a.claims.iter().filter(|c| c.credits_benefit()).any(|c| {
        !c.interventions.is_empty()
            || c.generic_subject.is_some_and(|span| {
                a.mentions
                    .iter()
                    .any(|m| m.span == span && m.kind == CueKind::GenericProduct)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged_on_reading, shipped};
    use crate::report::Verdict;
    use crate::Options;

    const DIET: &str = "Diet rich in vegetables linked to lower risk of depression. \
        In an observational study that followed 15,000 adults for ten years, those who ate \
        the most vegetables were 20 percent less likely to be diagnosed with depression. \
        The study shows an association and cannot prove cause and effect, the authors noted. \
        \"A balanced diet may help protect mental health,\" said the lead author.";

    #[test]
    fn an_absence_reviewers_would_not_fault_is_noted_at_its_span() {
        assert_eq!(
            flagged_on_reading(&HarmsNotAtIssue, DIET, 0.2),
            vec!["\"A balanced diet may help protect mental health,\" said the lead author."]
        );
    }

    #[test]
    fn not_when_reviewers_might_fault_it() {
        assert!(flagged_on_reading(&HarmsNotAtIssue, DIET, UNFAULTED_BELOW).is_empty());
        assert!(flagged_on_reading(&HarmsNotAtIssue, DIET, 0.7).is_empty());
    }

    #[test]
    fn never_for_documented_harms_or_a_safety_promise() {
        for t in [
            // The knowledge base documents harms of exosome products.
            "Exosome therapy restores youthful skin. A recent study of 30 women found fewer \
             wrinkles after three sessions, researchers said.",
            // The text's own words are judged: "no side effects" is a promise (HC301).
            "Turmeric capsules ease joint pain, with no side effects at all.",
        ] {
            assert!(flagged_on_reading(&HarmsNotAtIssue, t, 0.05).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_drug_promoted_without_harms_stays_a_concern_in_the_shipped_report() {
        let options = Options {
            input_format: Some(crate::InputFormat::Text),
            text_language: Some(crate::Language::En),
            ..Options::default()
        };
        let text = "A new drug slashes the risk of heart attacks, researchers announced today. \
                    In the study, patients taking the drug had 40 percent fewer heart attacks. \
                    \"This is a game changer for millions of patients,\" said the lead author. \
                    The company plans to seek approval next year.";
        let report = shipped().check_text(text, &options).unwrap();
        let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
        assert!(codes.contains(&"HC302") && !codes.contains(&"HC306"), "{codes:?}");
        assert_eq!(report.questions.risks.verdict, Verdict::Concern);
    }
}
