//! Document: the analysed text with its sentences and a line index for line:column positions.
//!
//! Sentences are split with a small rule set rather than UAX #29: line breaks end a block (headings,
//! list items and paragraphs are lines after ingest), and `.`, `!`, `?` end a sentence when followed
//! by space and a capital, digit, quote or bullet, unless the word before is a known abbreviation.
//! It is an order of magnitude faster than UAX #29 and does not break after "e.g." or "Dr.".

use serde::Serialize;

/// A byte range in the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the block (line or paragraph) the sentence belongs to.
    pub block: usize,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub sentences: Vec<Sentence>,
    line_starts: Vec<usize>,
    /// Offsets of UTF-8 continuation bytes, so columns count characters in O(log n).
    continuation_bytes: Vec<usize>,
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "vs", "etc", "al", "fig", "approx", "no", "st", "inc", "ltd", "co",
    "jr", "sr", "ph.d", "u.s", "u.k", "e.u", "z.b", "d.h", "bzw", "ca", "ggf", "vgl", "nr", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ref", "vol", "p", "pp", "mg", "ml",
];

impl Document {
    pub fn new(text: String) -> Document {
        Document::new_cancellable(text, &|| false).expect("never cancelled")
    }

    /// Like [`Document::new`], and `None` soon after `cancelled` turns true (a text of millions of
    /// lines takes a tenth of a second to split).
    pub fn new_cancellable(text: String, cancelled: &dyn Fn() -> bool) -> Option<Document> {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let continuation_bytes = if text.is_ascii() {
            Vec::new()
        } else {
            text.bytes()
                .enumerate()
                .filter(|(_, b)| b & 0xC0 == 0x80)
                .map(|(i, _)| i)
                .collect()
        };
        let sentences = split_sentences(&text, cancelled)?;
        Some(Document {
            text,
            sentences,
            line_starts,
            continuation_bytes,
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let offset = offset.min(self.text.len());
        let continuation = self.continuation_bytes.partition_point(|&i| i < offset)
            - self.continuation_bytes.partition_point(|&i| i < start);
        (line + 1, offset - start - continuation + 1)
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The sentence that is the text's headline, if it has one: a first line that stands alone
    /// (one sentence, more text after it), short, and not ended by a full stop as a paragraph's
    /// sentence is. "Blueberry juice improves memory in older adults" above a press release is one;
    /// an opening paragraph of one sentence is not.
    pub fn headline(&self) -> Option<usize> {
        let first = self.sentences.first()?;
        let alone = self.sentences.get(1).is_some_and(|next| next.block != first.block);
        let text = self.slice(first.span).trim_end();
        (alone && text.len() <= MAX_HEADLINE_BYTES && !text.ends_with('.')).then_some(0)
    }
}

/// Headlines run to a line or two; a longer first line is a paragraph.
const MAX_HEADLINE_BYTES: usize = 200;

fn split_sentences(text: &str, cancelled: &dyn Fn() -> bool) -> Option<Vec<Sentence>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut block = 0;
    let mut line_start = 0;
    for (n, line) in text.split('\n').enumerate() {
        if n.is_multiple_of(16_384) && cancelled() {
            return None;
        }
        let line_end = line_start + line.len();
        if !line.trim().is_empty() {
            split_line(bytes, line_start, line_end, block, &mut out);
            block += 1;
        }
        line_start = line_end + 1;
    }
    Some(out)
}

fn split_line(bytes: &[u8], start: usize, end: usize, block: usize, out: &mut Vec<Sentence>) {
    let mut sent_start = start;
    let mut i = start;
    while i < end {
        // Jump to the next candidate sentence end.
        match memchr::memchr3(b'.', b'!', b'?', &bytes[i..end]) {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Include closing punctuation and quotes in the sentence.
            let mut j = i + 1;
            while j < end && matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            // Typographic closing quotes (U+2019, U+201D) are three bytes.
            while j + 3 <= end && bytes[j] == 0xE2 && bytes[j + 1] == 0x80 && matches!(bytes[j + 2], 0x99 | 0x9D) {
                j += 3;
            }
            if j < end && bytes[j].is_ascii_whitespace() {
                let mut k = j;
                while k < end && bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < end && starts_sentence(bytes, k) && !(b == b'.' && ends_with_abbreviation(bytes, sent_start, i))
                {
                    push_trimmed(bytes, sent_start, j, block, out);
                    sent_start = k;
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(bytes, sent_start, end, block, out);
}

fn starts_sentence(bytes: &[u8], k: usize) -> bool {
    let c = bytes[k];
    c.is_ascii_uppercase()
        || c.is_ascii_digit()
        || matches!(c, b'"' | b'\'' | b'(' | b'[' | b'-' | b'*')
        // Any non-ASCII start (capital umlaut, typographic quote, bullet) counts as a start.
        || c >= 0xC0
}

fn ends_with_abbreviation(bytes: &[u8], sent_start: usize, dot: usize) -> bool {
    let mut w = dot;
    while w > sent_start && (bytes[w - 1].is_ascii_alphabetic() || bytes[w - 1] == b'.') {
        w -= 1;
    }
    let word = &bytes[w..dot];
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return true; // an initial: "J. Smith"
    }
    ABBREVIATIONS.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(word))
}

fn push_trimmed(bytes: &[u8], mut s: usize, mut e: usize, block: usize, out: &mut Vec<Sentence>) {
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    // A run-on "sentence" (a page without punctuation, or a hostile one) is cut at spaces so that
    // context scopes, which are quadratic in the cues of a sentence, stay bounded.
    while e - s > MAX_SENTENCE_BYTES {
        let limit = s + MAX_SENTENCE_BYTES;
        let cut = match bytes[s..limit].iter().rposition(|&b| b == b' ') {
            Some(p) if p > 0 => s + p,
            // No space at all: cut at a character boundary.
            _ => (s + 1..=limit)
                .rev()
                .find(|&i| i == bytes.len() || (bytes[i] & 0xC0) != 0x80)
                .unwrap_or(limit),
        };
        out.push(Sentence {
            span: Span::new(s, cut),
            block,
        });
        s = cut;
        while s < e && bytes[s].is_ascii_whitespace() {
            s += 1;
        }
    }
    if s < e {
        out.push(Sentence {
            span: Span::new(s, e),
            block,
        });
    }
}

/// The longest sentence analysed as one; longer runs are cut at spaces.
const MAX_SENTENCE_BYTES: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        let d = Document::new(t.to_string());
        d.sentences.iter().map(|s| &t[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn a_short_first_line_standing_alone_is_the_headline() {
        let headline = |t: &str| Document::new(t.to_string()).headline();
        assert_eq!(
            headline("Blueberry juice improves memory\n\nOlder adults who drank it recalled more words."),
            Some(0)
        );
        // Near misses: an opening paragraph of one sentence, a text of one line, a first line that
        // goes on in the same block.
        assert_eq!(
            headline("Older adults who drank juice recalled more.\nThe study was small."),
            None
        );
        assert_eq!(headline("Blueberry juice improves memory"), None);
        assert_eq!(
            headline("Juice may help. Older adults recalled more words.\nMore text."),
            None
        );
    }

    #[test]
    fn splits_on_terminal_punctuation_and_lines() {
        assert_eq!(
            sentences("Exosomes are vesicles. They carry RNA! Do they heal?\n- No downtime\nKey points"),
            vec![
                "Exosomes are vesicles.",
                "They carry RNA!",
                "Do they heal?",
                "- No downtime",
                "Key points"
            ]
        );
    }

    #[test]
    fn does_not_split_after_abbreviations_initials_or_decimals() {
        assert_eq!(
            sentences("Cells, e.g. MSCs, were used by Dr. Smith and J. Doe. Dose was 2.5 ml per vial."),
            vec![
                "Cells, e.g. MSCs, were used by Dr. Smith and J. Doe.",
                "Dose was 2.5 ml per vial."
            ]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_the_sentence() {
        assert_eq!(
            sentences("They call it “a miracle.” This is false."),
            vec!["They call it “a miracle.”", "This is false."]
        );
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences_on_char_boundaries() {
        let t = "word ".repeat(2000) + &"ä".repeat(3000);
        let d = Document::new(t.clone());
        assert!(d.sentences.len() > 3);
        for s in &d.sentences {
            assert!(s.span.end - s.span.start <= MAX_SENTENCE_BYTES);
            assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let d = Document::new("ab\nÄbc x".to_string());
        assert_eq!(d.line_col(0), (1, 1));
        assert_eq!(d.line_col(3), (2, 1));
        assert_eq!(d.line_col(3 + "Äbc ".len()), (2, 5));
    }
}
