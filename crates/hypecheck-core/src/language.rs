//! Text and report languages.

use serde::Serialize;

/// A language hypecheck reads and reports in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    De,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::De];

    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
        }
    }
}

impl std::str::FromStr for Language {
    type Err = String;
    fn from_str(s: &str) -> Result<Language, String> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Language::En),
            "de" | "german" | "deutsch" => Ok(Language::De),
            other => Err(format!("unknown language {other:?} (expected en or de)")),
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Function words that are frequent in one language and rare in the other. Counting them tells
/// English from German reliably even in a short paragraph, where general-purpose detectors guess.
/// A `match` on byte strings compiles to a length switch and a few comparisons: this runs on every word.
fn function_word(lower: &[u8]) -> Option<Language> {
    match lower {
        b"the" | b"and" | b"of" | b"to" | b"is" | b"are" | b"that" | b"for" | b"with" | b"not" | b"this" | b"be"
        | b"it" | b"was" | b"from" | b"by" | b"or" | b"have" | b"has" | b"which" | b"their" | b"they" | b"can"
        | b"may" | b"than" | b"there" | b"these" | b"what" | b"your" | b"you" => Some(Language::En),
        b"der" | b"die" | b"das" | b"und" | b"ist" | b"nicht" | b"mit" | b"von" | b"f\xc3\xbcr" | b"ein" | b"eine"
        | b"zu" | b"den" | b"auf" | b"sich" | b"des" | b"im" | b"dem" | b"sind" | b"auch" | b"oder" | b"wird"
        | b"werden" | b"bei" | b"noch" | b"nur" | b"wie" | b"sie" | b"ihre" | b"kann" => Some(Language::De),
        _ => None,
    }
}

/// How many function words settle a block's language when one language clearly dominates.
const ENOUGH_WORDS: usize = 16;

/// Counts of English and German function words in `text`. One pass over the bytes, no allocation:
/// only words of at most six bytes can be function words.
pub fn function_word_counts(text: &str) -> (usize, usize) {
    let (mut en, mut de) = (0, 0);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Enough evidence either way: the rest of a long block will not change the answer.
        if en + de >= ENOUGH_WORDS && (en >= 4 * de || de >= 4 * en) {
            break;
        }
        // Words are runs of ASCII letters and UTF-8 multibyte characters (umlauts).
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] >= 0x80) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] >= 0x80) {
            i += 1;
        }
        let word = &bytes[start..i];
        if word.len() > 6 {
            continue;
        }
        let mut buf = [0u8; 6];
        for (k, b) in word.iter().enumerate() {
            buf[k] = b.to_ascii_lowercase();
        }
        let lower = &buf[..word.len()];
        match function_word(lower) {
            Some(Language::En) => en += 1,
            Some(Language::De) => de += 1,
            None => {}
        }
    }
    (en, de)
}

/// The language the counts of [`function_word_counts`] point to, or `None` when they are too few
/// or too close to tell.
pub fn decide(en: usize, de: usize) -> Option<Language> {
    if en + de < 2 {
        None
    } else if en > de * 2 {
        Some(Language::En)
    } else if de > en * 2 {
        Some(Language::De)
    } else {
        None
    }
}

/// The language of `text`, or `None` when the evidence is too thin to tell.
pub fn detect(text: &str) -> Option<Language> {
    let (en, de) = function_word_counts(text);
    decide(en, de)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_german() {
        assert_eq!(
            detect("There is currently no approved exosome product for any use."),
            Some(Language::En)
        );
        assert_eq!(
            detect("Es gibt derzeit kein zugelassenes Exosomen-Produkt für die Anwendung."),
            Some(Language::De)
        );
        assert_eq!(detect("Exosomen!"), None);
    }
}
