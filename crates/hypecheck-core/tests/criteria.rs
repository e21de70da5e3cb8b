//! The ten expert criteria on short press releases of our own: one plain release about a migraine
//! drug, and the same release with one paragraph that does what a good release should do for one
//! criterion (or commits the fault a criterion asks about). Each criterion must turn when, and
//! only when, its paragraph is added; "not applicable" where reviewers use it (the costs and
//! availability of a food).

use hypecheck_core::report::CriterionOut;
use hypecheck_core::{Checker, Options, Report};

const BASE: &str = "Drug cuts migraine days in clinical trial

A new drug reduced the number of days with migraine in adults who have frequent attacks, according to a study published today in the journal Neurology. The study enrolled 600 adults at 40 hospitals.

\"Migraine is a common and disabling condition, and patients need better options,\" said the lead author, a neurologist at the university medical center.";

/// Per criterion: the paragraph that satisfies it (or, for the two fault criteria, commits it).
const PARAGRAPHS: [(&str, &str); 10] = [
    (
        "costs",
        "The injection is expected to cost about $575 per month, roughly ten times the price of generic preventive drugs, and insurers have not said whether they will cover it.",
    ),
    (
        "benefits",
        "Patients on the drug had 4.1 fewer migraine days per month, compared with 2.5 fewer days on placebo: an absolute difference of 1.6 days. Half of the patients on the drug saw their migraine days fall by at least half, compared with 27 percent on placebo.",
    ),
    (
        "harms",
        "Side effects were common: 12 percent of patients on the drug had pain at the injection site and 4 percent had constipation, compared with 5 percent and 1 percent on placebo. Three percent stopped treatment because of side effects, and the long-term risks are unknown.",
    ),
    (
        "evidence",
        "The trial was randomized, double-blind and placebo-controlled, but it lasted only 12 weeks and excluded people with heart disease, so it cannot say whether the benefit lasts or whether the drug is safe for them. Larger and longer studies are needed.",
    ),
    (
        "disease_mongering",
        "Migraine is a devastating epidemic: a silent killer that strikes one in three people, and millions more are suffering without knowing it.",
    ),
    (
        "conflicts",
        "The study was funded by the drug's maker, Neuropharm Inc. Four of the authors are employees of the company, and the lead author has received consulting fees from Neuropharm and other drug companies.",
    ),
    (
        "alternatives",
        "Patients today can choose among several preventive treatments, such as beta blockers, topiramate or Botox injections. Compared with these existing options, the new drug worked about as well but caused fewer side effects.",
    ),
    (
        "availability",
        "The drug is not yet approved. The company has applied to the U.S. Food and Drug Administration, which is expected to decide next year; until then it is available only in clinical trials.",
    ),
    (
        "novelty",
        "Patients today can choose among several preventive treatments, such as beta blockers, topiramate or Botox injections. Compared with these existing options, the new drug worked about as well but caused fewer side effects.",
    ),
    (
        "sensational_language",
        "\"This is a revolutionary breakthrough, a miracle for millions of sufferers that will finally cure migraine forever,\" said the lead author. \"It is a game changer with no side effects.\"",
    ),
];

/// A release about a food: what it costs and whether it is available are not questions.
const FOOD: &str = "Fermented dairy foods may protect against heart disease

Men who ate more fermented dairy products, such as yogurt, cheese and sour milk, had a lower risk of heart disease, according to a study from the University of Eastern Finland.

The study followed 1,981 men for 20 years. Those who ate the most fermented dairy had a 26 percent lower risk of heart disease than those who ate the least. The study was observational, so it cannot show that fermented dairy caused the lower risk.

\"Fermented dairy products are part of a healthy diet,\" said the lead researcher.";

fn check(text: &str) -> Report {
    let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
    checker.check_text(text, &Options::default()).unwrap()
}

fn criterion<'r>(report: &'r Report, key: &str) -> &'r CriterionOut {
    report.criteria.iter().find(|(k, _)| k.as_str() == key).unwrap().1
}

/// The fault criteria are "satisfactory" when the release avoids the fault.
fn faulty(key: &str) -> bool {
    matches!(key, "disease_mongering" | "sensational_language")
}

#[test]
fn each_criterion_turns_with_its_paragraph() {
    let plain = check(BASE);
    for (key, paragraph) in PARAGRAPHS {
        let (without, with) = if faulty(key) {
            ("satisfactory", "not_satisfactory")
        } else {
            ("not_satisfactory", "satisfactory")
        };
        assert_eq!(
            criterion(&plain, key).verdict.as_str(),
            without,
            "{key} on the plain release: {:?}",
            criterion(&plain, key)
        );
        let text = format!("{BASE}\n\n{paragraph}");
        let report = check(&text);
        let c = criterion(&report, key);
        assert_eq!(c.verdict.as_str(), with, "{key} with its paragraph: {c:?}");
        // The verdict points into the text, and at least once into the paragraph that decided it.
        assert!(!c.spans.is_empty(), "{key}: no spans");
        for s in &c.spans {
            assert!(
                s.start < s.end && text.get(s.start..s.end).is_some(),
                "{key}: span {s:?}"
            );
        }
        let paragraph_start = BASE.len();
        assert!(
            c.spans.iter().any(|s| s.end > paragraph_start),
            "{key}: no span in the added paragraph: {:?}",
            c.spans
        );
    }
}

#[test]
fn learned_verdicts_name_their_cues_and_rule_verdicts_say_so() {
    let report = check(&format!("{BASE}\n\n{}", PARAGRAPHS[0].1));
    for (key, c) in report.criteria.iter() {
        if hypecheck_core::learn::criteria::LEARNED.contains(&key) {
            assert_eq!(c.method, "model", "{key}");
            assert!(!c.cues.is_empty(), "{key}: a learned verdict without cues");
            assert!(c.reasons.len() == 2 && c.reasons[1].contains("trained on the reviewers' ratings"));
            assert!(c.confidence > 0.33 && c.confidence <= 1.0, "{key}: {}", c.confidence);
        } else {
            assert_eq!(c.method, "rules", "{key}");
            assert!(c.cues.is_empty());
        }
    }
    let costs = criterion(&report, "costs");
    assert!(
        costs
            .cues
            .iter()
            .any(|f| f.contains("currency") || f.contains("price") || f.contains("cost")),
        "{:?}",
        costs.cues
    );
}

#[test]
fn costs_and_availability_of_a_food_are_not_applicable() {
    let report = check(FOOD);
    assert_eq!(criterion(&report, "costs").verdict.as_str(), "not_applicable");
    assert_eq!(criterion(&report, "availability").verdict.as_str(), "not_applicable");
    // Benefits only in relative terms ("26 percent lower risk") are not adequately quantified.
    assert_eq!(criterion(&report, "benefits").verdict.as_str(), "not_satisfactory");
}

#[test]
fn criteria_reviewers_never_call_not_applicable_are_never_not_applicable() {
    // Benefits (3 of 352 ratings), evidence (0), novelty (1) and sensational language (0).
    for text in [BASE, FOOD] {
        let report = check(text);
        for key in ["benefits", "evidence", "novelty", "sensational_language"] {
            assert_ne!(criterion(&report, key).verdict.as_str(), "not_applicable", "{key}");
        }
    }
}

#[test]
fn german_texts_are_judged_by_the_rules() {
    let report = check(
        "Exosomen-Therapie: Die Behandlung kostet 2.500 Euro pro Sitzung. Die Studie wurde vom Hersteller finanziert.",
    );
    assert!(report.criteria.iter().all(|(_, c)| c.method == "rules"));
}
