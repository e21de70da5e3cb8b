//! HC303 risks-disclosed (positive)
//!
//! ## What it does
//! Notes where the text discusses harms of the intervention openly and concretely: a sentence that
//! names the harm (infections, granulomas, nausea, bleeding) or gives a number for it ("side
//! effects in 12 of 100"). A sentence that only says "side effects" exist is HC304's; the risk of
//! the disease and outcomes the treatment lowers ("fewer infections") are not harms.
//!
//! ## Why is this good?
//! Open discussion of risk is what the origin article's third question asks for; it lets readers
//! weigh benefit against harm.
//!
//! ## Example
//! "Documented harms range from infections through granulomas to permanent scarring."

use super::*;

pub struct RisksDisclosed;

impl Check for RisksDisclosed {
    fn code(&self) -> Code {
        Code::HC303
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
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let subjects = a.interventions();
        let facts: Vec<Fact> = subjects
            .iter()
            .take(2)
            .flat_map(|&e| util::harms(a, e))
            .take(3)
            .collect();
        for (n, talk) in util::harm_talk(a).iter().filter(|t| t.specific).enumerate() {
            let m = &a.mentions[talk.mention];
            out.push(
                Finding::new(self.code(), self.question(), Severity::Positive, m.span, "hc303")
                    .arg("cue", util::quote(a, m.span))
                    .cue(a, talk.mention)
                    // The documented harms are cited once, on the first disclosure.
                    .facts(if n == 0 { facts.clone() } else { Vec::new() }),
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
                "Documented harms include infections. Scarring can persist, as has been reported."
            ),
            // The named harm is the span; "harms" tells that the infection is one.
            vec!["infections", "Scarring"]
        );
    }

    #[test]
    fn notes_named_or_counted_harms_whatever_the_treatment() {
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "The most common side effects of the drug were nausea and headache."
            ),
            vec!["nausea"]
        );
        assert_eq!(
            flagged(&RisksDisclosed, "Side effects occurred in 12 of 100 patients."),
            vec!["Side effects"]
        );
    }

    #[test]
    fn harms_that_participants_or_users_reported_are_disclosures() {
        // No "side effect" in the sentence: who reported the harm ties it to the treatment.
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Some participants reported mild stomach upset and nausea."
            ),
            vec!["stomach upset"]
        );
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Several users complained of heartburn and indigestion."
            ),
            vec!["heartburn"]
        );
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Two patients complained of headaches after the injection."
            ),
            vec!["headaches"]
        );
        // The study's size is still read where its people reported the harm.
        let sized = "The drug reduced pain. In the trial, 200 participants reported mild nausea.";
        assert_eq!(flagged(&RisksDisclosed, sized), vec!["nausea"]);
        assert_eq!(
            flagged(&crate::checks::hc108_study_size_stated::StudySizeStated, sized),
            vec!["200 participants"]
        );
    }

    #[test]
    fn a_harm_the_treatment_causes_is_disclosed() {
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Coffee can cause sleep problems and raise heart rate in some people."
            ),
            vec!["sleep problems"]
        );
        assert_eq!(
            flagged(&RisksDisclosed, "The supplement may lead to nausea in some users."),
            vec!["nausea"]
        );
    }

    #[test]
    fn what_causes_a_harm_without_the_treatment_before_it_is_not_its_harm() {
        // No treatment named before the cause: the disease's harms.
        assert!(flagged(&RisksDisclosed, "High blood pressure can cause headaches.").is_empty());
        // The noun, with a treatment a clause before it.
        assert!(flagged(
            &RisksDisclosed,
            "Despite cataract surgery, cataracts remain the leading cause of blindness."
        )
        .is_empty());
        // In the passive the harm is the cause ("strokes caused by blood clots").
        assert!(flagged(
            &RisksDisclosed,
            "The drug targets inflammation, which plays a role in strokes caused by blood clots."
        )
        .is_empty());
    }

    #[test]
    fn a_condition_the_treated_had_more_of_is_a_harm_of_the_treatment() {
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Surgery plus radiotherapy improved survival in men with prostate cancer. Men who \
                 received surgery and radiotherapy had higher rates of erectile dysfunction \
                 (28 percent vs 20 percent)."
            ),
            vec!["erectile dysfunction"]
        );
        // The condition the people have, or one the treatment lowers, is no harm of it.
        for t in [
            "The drug improved blood flow. Men with erectile dysfunction had higher rates of heart disease.",
            "The drug lowered rates of erectile dysfunction in men with diabetes.",
        ] {
            assert!(flagged(&RisksDisclosed, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn harms_reported_as_lessened_or_as_the_disease_are_not_disclosures() {
        for t in [
            "Participants reported fewer headaches after eight weeks.",
            "Patients reported less bloating than before the diet.",
            "The trial enrolled patients with fatigue and nausea from chemotherapy.",
            "Researchers reported that the device lowered blood pressure.",
        ] {
            assert!(flagged(&RisksDisclosed, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn german_harms_that_participants_or_users_reported() {
        use crate::checks::testing::flagged_de;
        assert_eq!(
            flagged_de(
                &RisksDisclosed,
                "Einige Teilnehmer berichteten über leichte Magenbeschwerden."
            ),
            vec!["Magenbeschwerden"]
        );
        assert_eq!(
            flagged_de(&RisksDisclosed, "Mehrere Anwender klagten über Sodbrennen."),
            vec!["Sodbrennen"]
        );
        for t in [
            "Die Teilnehmer berichteten über weniger Kopfschmerzen.",
            "Aufgenommen wurden Patienten mit Übelkeit nach einer Chemotherapie.",
        ] {
            assert!(flagged_de(&RisksDisclosed, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn vague_harm_talk_risk_of_disease_and_outcomes_are_not_disclosures() {
        for t in [
            "Side effects were minimal.",
            "The supplement lowers the risk of dementia.",
            "Patients had fewer wound infections and smaller scars.",
            "Natural does not mean harmless.",
        ] {
            assert!(flagged(&RisksDisclosed, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn does_not_count_no_side_effects_as_disclosure() {
        assert!(flagged(&RisksDisclosed, "There are no side effects.").is_empty());
        assert!(flagged(&RisksDisclosed, "Side effects: none.").is_empty());
        assert!(crate::checks::testing::flagged_de(&RisksDisclosed, "Nebenwirkungen gibt es keine.").is_empty());
    }

    #[test]
    fn harms_counted_for_a_treatment_count_and_names_of_departments_do_not() {
        assert_eq!(
            flagged(
                &RisksDisclosed,
                "Patients who had the surgery had higher rates of nausea (28 percent vs 20 percent)."
            ),
            vec!["nausea"]
        );
        for text in [
            "Side effects were reported by a few, said the head of the Division of Pediatric Allergy.",
            "Short sleep is linked to higher rates of weight gain.",
        ] {
            let flagged = flagged(&RisksDisclosed, text);
            assert!(
                !flagged.iter().any(|f| f == "Allergy" || f == "weight gain"),
                "{text}: {flagged:?}"
            );
        }
    }
}
