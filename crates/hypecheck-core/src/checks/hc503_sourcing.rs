//! HC503 sourcing
//!
//! ## What it does
//! Flags calls to buy, order or book and pointers to where a product can be had: "buy now",
//! "order today", "book your session", "add to cart", "available at".
//!
//! ## Why is this bad?
//! Sourcing information is the third part of the editorial rule. In a health text it turns
//! information into a sales funnel, usually for an unapproved product.
//!
//! ## Example
//! "Book now and get 20% off your first exosome facial."

use super::*;
use crate::lexicon::CueKind;

pub struct Sourcing;

impl Check for Sourcing {
    fn code(&self) -> Code {
        Code::HC503
    }
    fn name(&self) -> &'static str {
        "sourcing"
    }
    fn question(&self) -> Question {
        Question::Compliance
    }
    fn summary(&self) -> &'static str {
        "Calls to buy, order or book, and where to get a product"
    }
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        for (i, m, c) in a.cues(CueKind::CallToAction) {
            if c.distanced() || c.has(Modifier::Negated) {
                continue;
            }
            out.push(
                Finding::new(self.code(), self.question(), Severity::Concern, m.span, "hc503")
                    .arg("cue", util::quote(a, m.span))
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
    fn flags_calls_to_action() {
        assert_eq!(
            flagged(&Sourcing, "Book now! Add to cart."),
            vec!["Book now", "Add to cart"]
        );
    }

    #[test]
    fn does_not_flag_advice_not_to_buy() {
        assert!(flagged(&Sourcing, "Do not buy now; ask your doctor first.").is_empty());
    }
}
