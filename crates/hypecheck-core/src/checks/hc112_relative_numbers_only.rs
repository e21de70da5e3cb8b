//! HC112 relative-numbers-only
//!
//! ## What it does
//! Flags a text that gives the size of a benefit only in relative terms ("cut the risk by 29%",
//! "halved the rate of attacks", "a third fewer strokes") and nowhere in absolute ones: how many
//! of how many people ("41 of 592", "from 12% to 8%", "1 in 7", "per 1,000", "percentage points").
//!
//! ## Why is this bad?
//! A 50% cut in risk can mean 2 in 100 people instead of 4, or 1 in 10,000 instead of 2. Without
//! the absolute numbers a reader cannot tell a large benefit from a tiny one; HealthNewsReview's
//! reviewers fault every release that reports relative numbers alone.
//!
//! ## Example
//! "The pill reduced the risk of a second stroke by 29%." (29% of what?)

use super::*;

pub struct RelativeNumbersOnly;

impl Check for RelativeNumbersOnly {
    fn code(&self) -> Code {
        Code::HC112
    }
    fn name(&self) -> &'static str {
        "relative-numbers-only"
    }
    fn question(&self) -> Question {
        Question::Evidence
    }
    fn summary(&self) -> &'static str {
        "A benefit given only as a relative change, never in absolute numbers"
    }
    fn run(&self, a: &Analysis, out: &mut Vec<Finding>) {
        let mut first_relative = None;
        for s in 0..a.doc.sentences.len() {
            let words = words_of(a.doc.slice(a.sentence_span(s)));
            if states_absolute(&words) {
                return;
            }
            if first_relative.is_none() && states_relative(&words) {
                first_relative = Some(s);
            }
        }
        if let Some(s) = first_relative {
            out.push(Finding::new(
                self.code(),
                self.question(),
                Severity::Concern,
                a.sentence_span(s),
                "hc112",
            ));
        }
    }
}

/// Lower-cased words and numbers of a sentence; "29%" stays one token, "1,045" and "4.2" too,
/// and German "29 %" or "29 Prozent" becomes "29%". German words are read as their English
/// counterparts where the two languages say it alike ("von" for "of", "um" for "by").
fn words_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '%' | '.' | ',' | '-')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ',' | '-')).to_lowercase())
        .filter(|w| !w.is_empty())
    {
        if matches!(w.as_str(), "%" | "prozent" | "percent") && out.last().is_some_and(|p| is_number(p)) {
            out.last_mut().unwrap().push('%');
            continue;
        }
        let english = match w.as_str() {
            "von" => "of",
            "um" => "by",
            "pro" => "per",
            "auf" => "to",
            "im" | "gegenüber" => "versus",
            "hälfte" => "half",
            "drittel" => "third",
            "viertel" => "quarter",
            "fünftel" => "fifth",
            "ein" | "eine" | "die" => "a",
            "fast" | "knapp" | "beinahe" => "nearly",
            "etwa" | "rund" | "ungefähr" => "about",
            "halbiert" => "halved",
            "verdoppelt" => "doubled",
            "niedrigeres" | "niedrigeren" | "geringeres" | "geringeren" => "lower",
            "weniger" => "fewer",
            "prozentpunkte" | "prozentpunkten" => "percentage-points",
            "absolut" | "absolute" | "absoluten" => "absolute",
            _ => "",
        };
        out.push(if english.is_empty() { w } else { english.to_string() });
    }
    out
}

fn is_number(w: &str) -> bool {
    let w = w.trim_end_matches('%');
    !w.is_empty()
        && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && w.chars().any(|c| c.is_ascii_digit())
}

fn is_percent(w: &str) -> bool {
    w.ends_with('%') && is_number(w)
}

/// "41 of 592", "7 out of 10", "from 12% to 8%", "46% versus 31%", "1 in 7", "per 1,000",
/// "percentage points", "absolute", "number needed to treat".
fn states_absolute(w: &[String]) -> bool {
    let at = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
    (0..w.len()).any(|i| {
        let n = is_number(at(i));
        (n && at(i + 1) == "of" && is_number(at(i + 2)))
            || (n && at(i + 1) == "out" && at(i + 2) == "of" && is_number(at(i + 3)))
            || (matches!(at(i), "from" | "of") && is_percent(at(i + 1)) && at(i + 2) == "to" && is_percent(at(i + 3)))
            || (is_percent(at(i)) && matches!(at(i + 1), "vs" | "versus") && is_percent(at(i + 2)))
            || (is_percent(at(i))
                && at(i + 1) == "compared"
                && matches!(at(i + 2), "with" | "to")
                && is_percent(at(i + 3)))
            || (n && at(i + 1) == "in" && is_number(at(i + 2)) && !at(i).contains('%'))
            || (at(i) == "per" && is_number(at(i + 1)))
            || (at(i) == "percentage" && matches!(at(i + 1), "point" | "points"))
            || at(i) == "percentage-points"
            || (at(i) == "from" && is_percent(at(i + 1)) && at(i + 2) == "to" && is_number(at(i + 3)))
            || at(i) == "absolute"
            || (at(i) == "number" && at(i + 1) == "needed")
    })
}

/// "by 29%", "29% lower", "by half", "by a third", "halved", "doubled", "twice as likely".
fn states_relative(w: &[String]) -> bool {
    let at = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
    const SHARES: [&str; 5] = ["half", "third", "quarter", "fifth", "two-thirds"];
    (0..w.len()).any(|i| {
        (at(i) == "by" && is_percent(at(i + 1)))
            || (at(i) == "by" && SHARES.contains(&at(i + 1)))
            || (at(i) == "by"
                && matches!(at(i + 1), "a" | "nearly" | "almost" | "about" | "roughly" | "more")
                && (SHARES.contains(&at(i + 2))
                    || (at(i + 2) == "a" && SHARES.contains(&at(i + 3)))
                    || is_percent(at(i + 2))))
            || (is_percent(at(i))
                && matches!(
                    at(i + 1),
                    "lower"
                        | "higher"
                        | "fewer"
                        | "less"
                        | "more"
                        | "reduction"
                        | "increase"
                        | "drop"
                        | "decrease"
                        | "cut"
                        | "improvement"
                ))
            || matches!(at(i), "halved" | "halves" | "doubled" | "doubles" | "tripled")
            || (matches!(at(i), "twice" | "three" | "four") && matches!(at(i + 1), "as" | "times"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::flagged;

    #[test]
    fn flags_a_benefit_given_only_as_a_relative_change() {
        let text = "The pill reduced the risk of a second stroke by 29%. Patients tolerated it well.";
        assert_eq!(
            flagged(&RelativeNumbersOnly, text),
            vec!["The pill reduced the risk of a second stroke by 29%."]
        );
        assert_eq!(
            flagged(&RelativeNumbersOnly, "The drug cut migraine attacks by half.").len(),
            1
        );
        assert_eq!(
            flagged(
                &RelativeNumbersOnly,
                "Those who ate cheese had a 26% lower risk of dementia."
            )
            .len(),
            1
        );
    }

    #[test]
    fn absolute_numbers_anywhere_in_the_text_answer_it() {
        for text in [
            "The pill reduced the risk by 29%. Strokes occurred in 41 of 592 people on the pill and 58 of 590 on placebo.",
            "The rate fell by half, from 12% to 6%.",
            "Attacks dropped by 50%, a difference of 2 percentage points.",
            "The risk fell by a third; about 1 in 50 people avoided a stroke.",
        ] {
            assert!(flagged(&RelativeNumbersOnly, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn reads_german_numbers_too() {
        assert_eq!(
            crate::checks::testing::flagged_de(&RelativeNumbersOnly, "Das Mittel senkte das Risiko um 29 Prozent.")
                .len(),
            1
        );
        assert!(crate::checks::testing::flagged_de(
            &RelativeNumbersOnly,
            "Das Mittel senkte das Risiko um 29 %: 41 von 592 Menschen erlitten einen Schlaganfall."
        )
        .is_empty());
    }

    #[test]
    fn percentages_that_are_not_a_change_are_not_flagged() {
        for text in [
            "About 41% of adults sleep less than seven hours.",
            "The trial enrolled 7,400 patients in 31 countries.",
        ] {
            assert!(flagged(&RelativeNumbersOnly, text).is_empty(), "{text}");
        }
    }
}
