//! HC502 price
//!
//! ## What it does
//! Flags prices and payment offers: an amount with a currency ("$4,900", "€ 350"), "per
//! session", "payment plans", discounts.
//!
//! ## Why is this bad?
//! Prices are sourcing information, which the editorial rule keeps out of informative texts; in
//! a clinic page they mark the text as an offer, not information.
//!
//! ## Example
//! "Only $1,200 per session."

use super::*;
use crate::lexicon::CueKind;

pub struct Price;

/// Words after an amount that make it a budget rather than a price ("$600 million", "5 Mio. €").
const LARGE_AMOUNTS: &[&str] = &["million", "billion", "mio", "mrd", "milliarde"];

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
        "Prices and payment offers"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        let mut last_sentence = usize::MAX;
        for (i, m) in a.mentions.iter().enumerate() {
            if !matches!(m.kind, CueKind::Price | CueKind::Currency) || a.context[i].distanced() {
                continue;
            }
            let s = a.sentence_of(i);
            if s == last_sentence {
                continue;
            }
            last_sentence = s;
            let span = if m.kind == CueKind::Currency {
                util::with_number_after(a, m.span)
            } else {
                // "490 €", "350 Euro": show the amount with its unit.
                util::with_number_before(a, m.span)
            };
            // "$600 million in research funding" is an institution's budget, not a price.
            let rest = &a.doc.text[span.end..];
            let after = rest[..crate::ingest::floor_char_boundary(rest, 12)]
                .trim_start()
                .to_ascii_lowercase();
            if m.kind == CueKind::Currency && LARGE_AMOUNTS.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            out.push(
                Finding::new(self.code(), self.question(), Severity::Concern, span, "hc502")
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
    fn flags_prices() {
        assert_eq!(
            flagged(&Price, "Only $1,200. Payment plans available."),
            vec!["$1,200", "Payment plans"]
        );
    }

    #[test]
    fn german_prices_after_the_amount() {
        use crate::checks::testing::flagged_de;
        assert_eq!(flagged_de(&Price, "Nur 490 € pro Sitzung."), vec!["490 €"]);
    }

    #[test]
    fn does_not_flag_dollar_signs_without_amounts() {
        assert!(flagged(&Price, "Clinics make $ from hope.").is_empty());
        assert!(flagged(&Price, "The university spends $600 million on research.").is_empty());
    }
}
