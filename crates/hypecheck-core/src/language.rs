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
const ENGLISH_FUNCTION_WORDS: [&[u8]; 30] = [
    b"the", b"and", b"of", b"to", b"is", b"are", b"that", b"for", b"with", b"not", b"this", b"be", b"it", b"was",
    b"from", b"by", b"or", b"have", b"has", b"which", b"their", b"they", b"can", b"may", b"than", b"there", b"these",
    b"what", b"your", b"you",
];
const GERMAN_FUNCTION_WORDS: [&[u8]; 30] = [
    b"der",
    b"die",
    b"das",
    b"und",
    b"ist",
    b"nicht",
    b"mit",
    b"von",
    "f\u{fc}r".as_bytes(),
    b"ein",
    b"eine",
    b"zu",
    b"den",
    b"auf",
    b"sich",
    b"des",
    b"im",
    b"dem",
    b"sind",
    b"auch",
    b"oder",
    b"wird",
    b"werden",
    b"bei",
    b"noch",
    b"nur",
    b"wie",
    b"sie",
    b"ihre",
    b"kann",
];

/// The longest function word, in bytes; longer words are not looked up.
const LONGEST_FUNCTION_WORD: usize = 6;

/// A word of at most eight bytes as one integer, ASCII letters lower-cased: comparing integers is
/// what makes this pass, which runs on every word of every block, cheap.
const fn pack(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The packed words, sorted for binary search.
const fn packed_sorted<const N: usize>(words: [&[u8]; N]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        keys[i] = pack(words[i]);
        i += 1;
    }
    // Insertion sort: const fns cannot call `sort`.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

static ENGLISH_KEYS: [u64; 30] = packed_sorted(ENGLISH_FUNCTION_WORDS);
static GERMAN_KEYS: [u64; 30] = packed_sorted(GERMAN_FUNCTION_WORDS);

/// Bytes that make up words: ASCII letters and the bytes of UTF-8 multibyte characters (umlauts).
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphabetic() || b >= 0x80;
        b += 1;
    }
    table
};

fn function_word(key: u64) -> Option<Language> {
    if ENGLISH_KEYS.binary_search(&key).is_ok() {
        Some(Language::En)
    } else if GERMAN_KEYS.binary_search(&key).is_ok() {
        Some(Language::De)
    } else {
        None
    }
}

/// How many function words settle a block's language when one language clearly dominates.
const ENOUGH_WORDS: usize = 8;

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
        if !WORD_BYTE[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && WORD_BYTE[bytes[i] as usize] {
            i += 1;
        }
        if i - start <= LONGEST_FUNCTION_WORD {
            match function_word(pack(&bytes[start..i])) {
                Some(Language::En) => en += 1,
                Some(Language::De) => de += 1,
                None => {}
            }
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
    fn function_words_are_found_in_any_case_and_belong_to_one_language() {
        assert_eq!(function_word_counts("The AND für FÜR Und"), (2, 2));
        assert_eq!(function_word_counts("theory andere"), (0, 0));
        for key in ENGLISH_KEYS {
            assert!(GERMAN_KEYS.binary_search(&key).is_err());
        }
        assert!(ENGLISH_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(GERMAN_KEYS.windows(2).all(|w| w[0] < w[1]));
    }

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
