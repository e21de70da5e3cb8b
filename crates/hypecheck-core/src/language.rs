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
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "that", "for", "with", "not", "this", "be", "it", "was", "from", "by", "or",
    "have", "has", "which", "their", "they", "can", "may", "than", "there", "these", "what", "your", "you",
];
const DE_WORDS: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "für", "ein", "eine", "zu", "den", "auf", "sich", "des",
    "im", "dem", "sind", "auch", "oder", "wird", "werden", "bei", "noch", "nur", "wie", "sie", "ihre", "kann",
];

/// Counts of English and German function words in `text`.
pub fn function_word_counts(text: &str) -> (usize, usize) {
    let (mut en, mut de) = (0, 0);
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            if EN_WORDS.contains(&word.as_str()) {
                en += 1;
            } else if DE_WORDS.contains(&word.as_str()) {
                de += 1;
            }
            word.clear();
        }
    }
    (en, de)
}

/// The language of `text`, or `None` when the evidence is too thin to tell.
pub fn detect(text: &str) -> Option<Language> {
    let (en, de) = function_word_counts(text);
    if en + de < 2 {
        return None;
    }
    if en > de * 2 {
        Some(Language::En)
    } else if de > en * 2 {
        Some(Language::De)
    } else {
        None
    }
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
