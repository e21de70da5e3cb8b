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
    fn run(&self, a: &Analysis, out: &mut FindingSink) {
        // A relative change needs a percent sign, or a share word in a claim ("cut attacks by
        // half"); only when one is found are the sentences with numbers read for absolute ones.
        let mut tokens = Vec::new();
        let sentences = 0..a.doc.sentences.len();
        let Some(relative) = sentences.clone().find(|&s| {
            let t = a.doc.slice(a.sentence_span(s));
            let percent = memchr::memchr(b'%', t.as_bytes()).is_some() || t.contains("rozent");
            (percent || a.claim_in(s).is_some()) && relative_cues().is_match(t) && {
                tokens.clear();
                tokens_append(t, &mut tokens);
                states_relative(&tokens)
            }
        }) else {
            return;
        };
        let absolute = sentences.into_iter().any(|s| {
            let t = a.doc.slice(a.sentence_span(s));
            t.bytes().any(|b| b.is_ascii_digit()) && {
                tokens.clear();
                tokens_append(t, &mut tokens);
                states_absolute(&tokens)
            }
        });
        if !absolute {
            out.push(Finding::new(
                self.code(),
                self.question(),
                Severity::Concern,
                a.sentence_span(relative),
                "hc112",
            ));
        }
    }
}

/// Words without which [`states_relative`] cannot hold: a sentence with none of them is not
/// read word by word (most claim sentences have none, and reading them was most of this check's time).
fn relative_cues() -> &'static aho_corasick::AhoCorasick {
    static CUES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "%",
                "percent",
                "prozent",
                "half",
                "halv",
                "h\u{e4}lfte",
                "halbiert",
                "third",
                "drittel",
                "quarter",
                "viertel",
                "fifth",
                "f\u{fc}nftel",
                "doubl",
                "tripl",
                "verdoppel",
                "twice",
                "three",
                "four",
            ])
            .expect("relative cues compile")
    });
    &CUES
}

/// One word of a sentence: its keyword (in English, "" for any other word) and whether it is a
/// number, or a percentage ("29%", "29 %", "29 Prozent").
#[derive(Debug, Clone, Copy)]
struct Tok {
    key: &'static str,
    number: bool,
    percent: bool,
}

const NO_TOK: Tok = Tok {
    key: "",
    number: false,
    percent: false,
};

/// Appends the words of a sentence as keywords, without allocating per word. German words are read as
/// their English counterparts where the two languages say it alike ("von" for "of").
fn tokens_append(text: &str, out: &mut Vec<Tok>) {
    let first = out.len();
    // Words are runs of letters, digits (UTF-8 multibyte characters count as letters) and the
    // marks numbers carry ("1,045", "4.2", "29%", "two-thirds").
    let part = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'%' | b'.' | b',' | b'-');
    let trim = |b: &u8| matches!(b, b'.' | b',' | b'-');
    for w in text.as_bytes().split(|&b| !part(b)) {
        let start = w.iter().position(|b| !trim(b)).unwrap_or(w.len());
        let end = w.iter().rposition(|b| !trim(b)).map_or(start, |e| e + 1);
        let w = &w[start..end.max(start)];
        if w.is_empty() {
            continue;
        }
        let key = keyword(w);
        if matches!(key, "%" | "percent") {
            if let Some(last) = out[first..].last_mut().filter(|t| t.number) {
                last.percent = true;
                continue;
            }
        }
        let digits = w.strip_suffix(b"%").unwrap_or(w);
        let number = !digits.is_empty()
            && digits.iter().all(|&b| b.is_ascii_digit() || b == b'.' || b == b',')
            && digits.iter().any(u8::is_ascii_digit);
        out.push(Tok {
            key,
            number,
            percent: number && w.ends_with(b"%"),
        });
    }
}

/// The English keyword a word stands for, "" for any other word.
fn keyword(w: &[u8]) -> &'static str {
    let mut buf = [0u8; 16];
    if w.len() > buf.len() || w[0].is_ascii_digit() {
        return "";
    }
    for (k, b) in w.iter().enumerate() {
        buf[k] = b.to_ascii_lowercase();
    }
    match &buf[..w.len()] {
        b"%" => "%",
        b"percent" | b"prozent" => "percent",
        b"of" | b"von" => "of",
        b"out" => "out",
        b"from" => "from",
        b"to" | b"auf" => "to",
        b"vs" | b"versus" | b"im" | b"gegen\xc3\xbcber" => "versus",
        b"compared" => "compared",
        b"with" => "with",
        b"in" => "in",
        b"per" | b"pro" => "per",
        b"percentage" => "percentage",
        b"point" | b"points" => "point",
        b"prozentpunkte" | b"prozentpunkten" => "percentage-points",
        b"absolute" | b"absolut" | b"absoluten" => "absolute",
        b"number" => "number",
        b"needed" => "needed",
        b"by" | b"um" => "by",
        b"a" | b"ein" | b"eine" | b"die" => "a",
        b"nearly" | b"almost" | b"fast" | b"knapp" | b"beinahe" => "nearly",
        b"about" | b"roughly" | b"etwa" | b"rund" | b"ungef\xc3\xa4hr" => "about",
        b"more" => "more",
        b"half" | b"h\xc3\xa4lfte" => "half",
        b"third" | b"drittel" => "third",
        b"quarter" | b"viertel" => "quarter",
        b"fifth" | b"f\xc3\xbcnftel" => "fifth",
        b"two-thirds" => "two-thirds",
        b"lower" | b"niedrigeres" | b"niedrigeren" | b"geringeres" | b"geringeren" => "lower",
        b"fewer" | b"weniger" => "fewer",
        b"higher" | b"less" | b"reduction" | b"increase" | b"drop" | b"decrease" | b"cut" | b"improvement" => "change",
        b"halved" | b"halves" | b"halbiert" => "halved",
        b"doubled" | b"doubles" | b"tripled" | b"verdoppelt" => "doubled",
        b"twice" | b"three" | b"four" => "twice",
        b"as" => "as",
        b"times" => "times",
        _ => "",
    }
}

/// "41 of 592", "7 out of 10", "from 12% to 8%", "46% versus 31%", "1 in 7", "per 1,000",
/// "percentage points", "absolute", "number needed to treat".
fn states_absolute(w: &[Tok]) -> bool {
    let at = |i: usize| w.get(i).copied().unwrap_or(NO_TOK);
    (0..w.len()).any(|i| {
        let (t0, t1, t2, t3) = (at(i), at(i + 1), at(i + 2), at(i + 3));
        (t0.number && t1.key == "of" && t2.number)
            || (t0.number && t1.key == "out" && t2.key == "of" && t3.number)
            || (matches!(t0.key, "from" | "of") && t1.percent && t2.key == "to" && t3.number)
            || (t0.percent && t1.key == "versus" && t2.percent)
            || (t0.percent && t1.key == "compared" && matches!(t2.key, "with" | "to") && t3.percent)
            || (t0.number && !t0.percent && t1.key == "in" && t2.number)
            || (t0.key == "per" && t1.number)
            || (t0.key == "percentage" && t1.key == "point")
            || t0.key == "percentage-points"
            || t0.key == "absolute"
            || (t0.key == "number" && t1.key == "needed")
    })
}

/// "by 29%", "29% lower", "by half", "by a third", "halved", "doubled", "twice as likely".
fn states_relative(w: &[Tok]) -> bool {
    let at = |i: usize| w.get(i).copied().unwrap_or(NO_TOK);
    let share = |t: Tok| matches!(t.key, "half" | "third" | "quarter" | "fifth" | "two-thirds");
    (0..w.len()).any(|i| {
        let (t0, t1, t2, t3) = (at(i), at(i + 1), at(i + 2), at(i + 3));
        (t0.key == "by" && (t1.percent || share(t1)))
            || (t0.key == "by"
                && matches!(t1.key, "a" | "nearly" | "about" | "more")
                && (share(t2) || t2.percent || (t2.key == "a" && share(t3))))
            || (t0.percent && matches!(t1.key, "lower" | "fewer" | "more" | "change"))
            || matches!(t0.key, "halved" | "doubled")
            || (t0.key == "twice" && matches!(t1.key, "as" | "times"))
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
