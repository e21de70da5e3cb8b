//! HC502 price
//!
//! ## What it does
//! Tells a price offered for sale from a price reported. An amount with a currency ("$4,900",
//! "€ 350") or a price word ("per session") is an offer when offer words stand with it
//! ("payment plans", "20% off", "only $1,200", "from €350") or when the text calls its reader to
//! buy or book ("book now"); that is a concern. Otherwise the price is information (a news story
//! saying what a treatment costs and that insurance does not pay), reported as such.
//!
//! ## Why is this bad?
//! Selling is not informing: a price with a call to action marks the text as an offer, and the
//! editorial rule keeps sourcing information out of informative texts. Telling readers what a
//! treatment costs, on the other hand, is good reporting (the reviewers' "costs" criterion).
//!
//! ## Example
//! "Only $1,200 per session. Book now." (an offer); "The injections cost several thousand
//! dollars and are not covered by insurance." (information, not flagged as a concern).

use super::*;
use crate::lexicon::CueKind;

pub struct Price;

/// Words after an amount that make it a budget rather than a price ("$600 million", "5 Mio. €").
const LARGE_AMOUNTS: &[&str] = &["million", "billion", "mio", "mrd", "milliarde"];

/// Words right before an amount that offer it ("only $1,200", "ab 350 €", "für nur 99 €").
const OFFERING_WORDS: &[&str] = &["only", "just", "from", "starting at", "save", "nur", "ab", "für nur"];

impl Check for Price {
    fn code(&self) -> Code {
        Code::HC502
    }
    fn name(&self) -> &'static str {
        "price"
    }
    fn question(&self) -> Question {
        Question::Compliance
    }
    fn summary(&self) -> &'static str {
        "Prices offered for sale (prices reported as information are noted, not flagged)"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let sells = a.cues(CueKind::CallToAction).any(|(_, _, c)| !c.distanced());
        let mut last_sentence = usize::MAX;
        for (i, m) in a.mentions.iter().enumerate() {
            if !matches!(m.kind, CueKind::Price | CueKind::Offer | CueKind::Currency) || a.context[i].distanced() {
                continue;
            }
            let s = a.sentence_of(i);
            if s == last_sentence {
                continue;
            }
            let span = match m.kind {
                CueKind::Currency => util::with_number_after(a, m.span),
                // "490 €", "350 Euro": show the amount with its unit.
                CueKind::Price => util::with_number_before(a, m.span),
                _ => m.span,
            };
            // "$600 million in research funding" is an institution's budget, not a price.
            let rest = &a.doc.text[span.end..];
            let after = rest[..crate::ingest::floor_char_boundary(rest, 12)]
                .trim_start()
                .to_ascii_lowercase();
            if m.kind == CueKind::Currency && LARGE_AMOUNTS.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            last_sentence = s;
            let offered = sells
                || a.in_sentence(s)
                    .any(|(_, other, c)| other.kind == CueKind::Offer && !c.distanced())
                || offered_before(a, span);
            let (severity, message) = if offered {
                (Severity::Concern, "hc502")
            } else {
                (Severity::Info, "hc502-information")
            };
            out.push(
                Finding::new(self.code(), self.question(), severity, span, message)
                    .arg("cue", util::quote(a, span))
                    .cue(a, i),
            );
        }
    }
}

/// Whether an offering word stands right before the amount ("only $1,200").
fn offered_before(a: &Analysis, span: Span) -> bool {
    let before = &a.doc.text[..span.start];
    let before = before[crate::ingest::floor_char_boundary(before, before.len().saturating_sub(16))..]
        .trim_end()
        .to_lowercase();
    OFFERING_WORDS.iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|head| head.is_empty() || head.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{flagged, run};

    fn findings(text: &str) -> Vec<(Severity, String)> {
        run(&Price, text)
            .into_iter()
            .map(|f| (f.severity, text[f.span.start..f.span.end].to_string()))
            .collect()
    }

    fn concerns(text: &str) -> Vec<String> {
        findings(text)
            .into_iter()
            .filter(|(severity, _)| *severity == Severity::Concern)
            .map(|(_, excerpt)| excerpt)
            .collect()
    }

    #[test]
    fn flags_prices_offered_for_sale() {
        assert_eq!(
            flagged(&Price, "Only $1,200. Payment plans available."),
            vec!["$1,200", "Payment plans"]
        );
        assert_eq!(
            concerns("Only $1,200. Payment plans available."),
            vec!["$1,200", "Payment plans"]
        );
        assert_eq!(concerns("Exosome facial: $450 per session. Book now!"), vec!["$450"]);
    }

    #[test]
    fn german_prices_after_the_amount() {
        use crate::checks::testing::flagged_de;
        assert_eq!(flagged_de(&Price, "Nur 490 € pro Sitzung."), vec!["490 €"]);
    }

    #[test]
    fn a_reported_price_is_information_not_an_offer() {
        let text = "The injections cost several thousand dollars and are not covered by insurance.";
        assert_eq!(findings(text), vec![(Severity::Info, "dollars".to_string())]);
        // Near miss: the same amount with a call to book is selling.
        assert_eq!(
            concerns("Treatment costs $4,999. Book your consultation today."),
            vec!["$4,999"]
        );
    }

    #[test]
    fn does_not_flag_dollar_signs_without_amounts() {
        assert!(flagged(&Price, "Clinics make $ from hope.").is_empty());
        assert!(flagged(&Price, "The university spends $600 million on research.").is_empty());
    }
}
