//! Ingest: bytes in, visible text out.
//!
//! Plain text is analysed as it is, so spans point into the input itself. Markdown and HTML are
//! reduced to their visible prose (no markup, scripts, styles or navigation boilerplate); spans then
//! point into that extracted text, and the report says so.

use scraper::{ElementRef, Html, Node};
use serde::Serialize;

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

/// Why an input cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("the input is empty")]
    Empty,
    #[error("the input holds only whitespace ({bytes} bytes of spaces, tabs or line breaks)")]
    OnlyWhitespace { bytes: usize },
    #[error("the input looks binary (NUL byte at offset {offset}); hypecheck reads text, Markdown or HTML")]
    Binary { offset: usize },
    #[error("the input is not valid UTF-8 (first invalid byte at offset {offset}); convert it to UTF-8 first")]
    InvalidUtf8 { offset: usize },
    #[error("the input looks like UTF-16 without a byte-order mark; convert it to UTF-8 first")]
    Utf16WithoutBom,
    #[error(
        "the input is UTF-16 (byte-order mark {bom}) but not valid UTF-16 at byte {offset}; convert it to UTF-8 first"
    )]
    InvalidUtf16 { bom: &'static str, offset: usize },
    #[error("the input has {size} bytes, more than the limit of {max} bytes (raise it with --max-bytes)")]
    TooLarge { size: usize, max: usize },
    #[error("the {format} input contains no visible text")]
    NoText { format: &'static str },
    #[error("the analysis was cancelled")]
    Cancelled,
}

impl InputError {
    /// A stable name for the kind of problem, for records that are counted and filtered
    /// (`hypecheck scan`'s error records).
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Empty => "empty",
            InputError::OnlyWhitespace { .. } => "only_whitespace",
            InputError::Binary { .. } => "binary",
            InputError::InvalidUtf8 { .. } => "invalid_utf8",
            InputError::Utf16WithoutBom => "utf16_without_bom",
            InputError::InvalidUtf16 { .. } => "invalid_utf16",
            InputError::TooLarge { .. } => "too_large",
            InputError::NoText { .. } => "no_text",
            InputError::Cancelled => "cancelled",
        }
    }
}

/// The text to analyse and how it was obtained.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub text: String,
    pub format: InputFormat,
    pub source_bytes: usize,
    pub warnings: Vec<IngestWarning>,
    /// How the input's bytes became the text that spans count in.
    pub encoding: Encoding,
    /// Where the extracted text of HTML and Markdown came from in the source.
    pub source_map: SourceMap,
    /// The text's own suppression comments.
    pub suppressions: Vec<Suppression>,
}

/// A suppression written in the text, as in ruff's `noqa` and Vale's comments: findings of
/// `codes` (every check when empty) that begin inside `range` (offsets in the decoded source)
/// are left out. `<!-- hypecheck-disable HC401 HC402 -->` ... `<!-- hypecheck-enable -->` in
/// HTML and Markdown (to the end without an enable); `hypecheck: ignore[HC401]` on a line, in
/// any format, for that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub range: std::ops::Range<usize>,
    /// Upper-case check codes as written (checked against the registry by the caller).
    pub codes: Vec<String>,
    /// The comment's 1-based line.
    pub line: usize,
}

/// The suppression comments of a source.
pub fn suppressions(raw: &str) -> Vec<Suppression> {
    let line_of = |offset: usize| 1 + raw.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
    let codes_in = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_uppercase())
            .collect()
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, Vec<String>, usize)> = None;
    for (at, _) in raw.match_indices("hypecheck") {
        let before = raw[..at].trim_end();
        let after = &raw[at + "hypecheck".len()..];
        // `hypecheck: ignore[...]` on its own or inside a comment (`<!-- hypecheck: ignore[HC401] -->`
        // keeps it out of a rendered page).
        if let Some(rest) = after.strip_prefix(": ignore[") {
            let Some(close) = rest.find(']') else { continue };
            let line_start = raw[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = raw[at..].find('\n').map_or(raw.len(), |i| at + i);
            out.push(Suppression {
                range: line_start..line_end,
                codes: codes_in(&rest[..close]),
                line: line_of(at),
            });
        } else if before.ends_with("<!--") {
            let Some(end) = after.find("-->") else { continue };
            let comment_end = at + "hypecheck".len() + end + 3;
            if let Some(rest) = after[..end].strip_prefix("-disable") {
                if let Some((start, codes, line)) = open.take() {
                    out.push(Suppression {
                        range: start..at,
                        codes,
                        line,
                    });
                }
                open = Some((comment_end, codes_in(rest), line_of(at)));
            } else if after.starts_with("-enable") {
                if let Some((start, codes, line)) = open.take() {
                    out.push(Suppression {
                        range: start..at,
                        codes,
                        line,
                    });
                }
            }
        }
    }
    if let Some((start, codes, line)) = open {
        out.push(Suppression {
            range: start..raw.len(),
            codes,
            line,
        });
    }
    out
}

/// From offsets in the extracted text back to offsets in the (decoded) source, so that an editor
/// or a CI annotation can point at the source line: each stage of extraction records anchors
/// (text offset, offset in the stage's input) where a run copied from its input begins; within a
/// run the two advance together. Plain text needs no map. Positions inside a run that was not
/// copied verbatim (an entity, an escape) are near, not exact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Applied from the last to the first: the last stage produced the final text.
    stages: Vec<Vec<(usize, usize)>>,
    /// False when the extraction kept no positions (a page too deeply nested to parse).
    known: bool,
}

impl SourceMap {
    /// The identity: the text is the source.
    pub fn identity() -> SourceMap {
        SourceMap {
            stages: Vec::new(),
            known: true,
        }
    }

    fn unknown() -> SourceMap {
        SourceMap {
            stages: Vec::new(),
            known: false,
        }
    }

    fn then(mut self, anchors: Vec<(usize, usize)>) -> SourceMap {
        self.stages.push(anchors);
        self
    }

    /// The source offset of a text offset; `None` when positions were not kept.
    pub fn source_offset(&self, text_offset: usize) -> Option<usize> {
        if !self.known {
            return None;
        }
        let mut offset = text_offset;
        for anchors in self.stages.iter().rev() {
            let i = anchors.partition_point(|&(t, _)| t <= offset);
            offset = match i {
                0 => anchors.first().map_or(offset, |&(_, s)| s),
                i => {
                    let (t, s) = anchors[i - 1];
                    s + (offset - t)
                }
            };
        }
        Some(offset)
    }
}

/// The input's encoding, as far as spans are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 after a byte-order mark: spans count from the byte after the mark (3 bytes in).
    Utf8AfterBom,
    /// UTF-16 (with its byte-order mark), decoded: spans count in the decoded UTF-8 text.
    Utf16Decoded,
}

impl Ingested {
    /// What spans count in: the input itself (`input`, `input_after_bom`, `decoded_text`) or the
    /// visible text extracted from HTML or Markdown (`extracted_text`).
    pub fn span_basis(&self) -> &'static str {
        if self.format == InputFormat::Text {
            self.encoding.span_basis()
        } else {
            "extracted_text"
        }
    }
}

impl Encoding {
    /// What a report's `span_basis` says for a plain-text input read this way.
    pub fn span_basis(self) -> &'static str {
        match self {
            Encoding::Utf8 => "input",
            Encoding::Utf8AfterBom => "input_after_bom",
            Encoding::Utf16Decoded => "decoded_text",
        }
    }
}

/// Something a reader of the report should know about how the input was read; shown in the
/// report's language from the catalogs (`warning-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestWarning {
    /// Many control characters: the input may not be prose.
    ControlCharacters { count: usize },
    /// HTML nested too deep to parse; tags were stripped instead.
    HtmlTooDeep { depth: usize },
    /// HTML syntax errors, recovered as a browser would.
    HtmlSyntax { problems: usize },
    /// Spans refer to the extracted visible text, not the HTML source.
    SpansOnExtractedText,
    /// Invisible characters inside words, or letters of another script that look Latin: read as
    /// the letters they imitate, and reported, since hiding words from checkers is itself a sign.
    HiddenCharacters { invisible: usize, lookalike: usize },
    /// Tags with more attributes than any page needs: the rest were not read.
    HtmlAttributesDropped { dropped: usize, kept: usize },
    /// More cue words than any prose has: the text was read only up to `read_bytes`.
    TooManyCues { cues: usize, read_bytes: usize },
    /// The input was UTF-16 and was decoded.
    Utf16Decoded,
    /// The input began with a UTF-8 byte-order mark, left out of the text.
    ByteOrderMark,
    /// Code (Markdown code blocks and inline code, HTML `<pre>` and `<code>`) is not prose and
    /// was not read, as style checkers skip it.
    CodeSkipped { blocks: usize },
    /// Findings left out by the text's own suppression comments (`hypecheck-disable`,
    /// `hypecheck: ignore[...]`).
    Suppressed { findings: usize },
    /// A suppression comment that suppressed nothing (reported when asked for), at this line.
    UnusedSuppression { line: usize },
}

impl IngestWarning {
    /// The catalog message id and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match *self {
            IngestWarning::ControlCharacters { count } => {
                ("warning-control-characters", vec![("count", count.to_string())])
            }
            IngestWarning::HtmlTooDeep { depth } => ("warning-html-too-deep", vec![("depth", depth.to_string())]),
            IngestWarning::HtmlSyntax { problems } => ("warning-html-syntax", vec![("problems", problems.to_string())]),
            IngestWarning::SpansOnExtractedText => ("warning-spans-extracted", Vec::new()),
            IngestWarning::HiddenCharacters { invisible, lookalike } => (
                "warning-hidden-characters",
                vec![
                    ("invisible", invisible.to_string()),
                    ("lookalike", lookalike.to_string()),
                ],
            ),
            IngestWarning::HtmlAttributesDropped { dropped, kept } => (
                "warning-html-attributes",
                vec![("dropped", dropped.to_string()), ("kept", kept.to_string())],
            ),
            IngestWarning::TooManyCues { cues, read_bytes } => (
                "warning-too-many-cues",
                vec![("cues", cues.to_string()), ("read", read_bytes.to_string())],
            ),
            IngestWarning::Utf16Decoded => ("warning-utf16", Vec::new()),
            IngestWarning::ByteOrderMark => ("warning-bom", Vec::new()),
            IngestWarning::CodeSkipped { blocks } => ("warning-code-skipped", vec![("count", blocks.to_string())]),
            IngestWarning::Suppressed { findings } => ("warning-suppressed", vec![("count", findings.to_string())]),
            IngestWarning::UnusedSuppression { line } => {
                ("warning-unused-suppression", vec![("line", line.to_string())])
            }
        }
    }
}

/// Turns raw input into analysable text. `format` forces a format; `None` detects it.
pub fn ingest(bytes: &[u8], format: Option<InputFormat>, max_bytes: usize) -> Result<Ingested, InputError> {
    ingest_cancellable(bytes, format, max_bytes, &|| false)
}

/// Like [`ingest`], and ends with [`InputError::Cancelled`] soon after `cancelled` turns true: HTML
/// is parsed and walked in pieces, so that a large page cannot hold the CPU long after a server
/// gave up on its request.
pub fn ingest_cancellable(
    bytes: &[u8],
    format: Option<InputFormat>,
    max_bytes: usize,
    cancelled: &dyn Fn() -> bool,
) -> Result<Ingested, InputError> {
    if bytes.len() > max_bytes {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            max: max_bytes,
        });
    }
    let source_bytes = bytes.len();
    let mut warnings = Vec::new();
    let (decoded, encoding) = decode(bytes)?;
    match encoding {
        Encoding::Utf8AfterBom => warnings.push(IngestWarning::ByteOrderMark),
        Encoding::Utf16Decoded => warnings.push(IngestWarning::Utf16Decoded),
        Encoding::Utf8 => {}
    }
    let raw: &str = &decoded;
    if raw.is_empty() {
        return Err(InputError::Empty);
    }
    if raw.trim().is_empty() {
        return Err(InputError::OnlyWhitespace { bytes: raw.len() });
    }
    let format = format.unwrap_or_else(|| detect_format(raw));
    let (text, source_map) = match format {
        InputFormat::Text => (raw.to_string(), SourceMap::identity()),
        InputFormat::Markdown => markdown_text(raw, &mut warnings),
        InputFormat::Html => html_text(raw, &mut warnings, cancelled)?,
    };
    if text.trim().is_empty() {
        return Err(InputError::NoText {
            format: format.as_str(),
        });
    }
    let controls = text
        .bytes()
        .filter(|&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7F)
        .count();
    if controls * 20 > text.len() {
        warnings.push(IngestWarning::ControlCharacters { count: controls });
    }
    let (invisible, lookalike) = hidden_characters(&text);
    if invisible + lookalike > 0 {
        warnings.push(IngestWarning::HiddenCharacters { invisible, lookalike });
    }
    Ok(Ingested {
        text,
        format,
        source_bytes,
        warnings,
        encoding,
        source_map,
        suppressions: if raw.contains("hypecheck") {
            suppressions(raw)
        } else {
            Vec::new()
        },
    })
}

/// The input as UTF-8 text: UTF-8 (a byte-order mark left out), or UTF-16 with its byte-order
/// mark, decoded. Binary, invalid UTF-8 and UTF-16 without a mark are refused by name.
fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Encoding), InputError> {
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, "FF FE", u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, "FE FF", u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, bom, unit)) = utf16 {
        if rest.len() % 2 == 1 {
            return Err(InputError::InvalidUtf16 {
                bom,
                offset: 1 + rest.len(),
            });
        }
        let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        let mut text = String::with_capacity(rest.len());
        let mut consumed = 0;
        for c in char::decode_utf16(units) {
            match c {
                Ok(c) => {
                    text.push(c);
                    consumed += c.len_utf16();
                }
                Err(_) => {
                    return Err(InputError::InvalidUtf16 {
                        bom,
                        offset: 2 + consumed * 2,
                    })
                }
            }
        }
        if let Some(offset) = text.find('\0') {
            return Err(InputError::Binary { offset });
        }
        return Ok((std::borrow::Cow::Owned(text), Encoding::Utf16Decoded));
    }
    let (bytes, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, Encoding::Utf8AfterBom),
        None => (bytes, Encoding::Utf8),
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        // Text in UTF-16 has a NUL in every other byte of its ASCII letters.
        let sample = &bytes[..bytes.len().min(512)];
        let nul_pairs = sample
            .chunks(2)
            .filter(|c| c.contains(&0) && c.iter().any(|&b| b != 0))
            .count();
        if sample.len() >= 8 && nul_pairs * 4 >= sample.len() {
            return Err(InputError::Utf16WithoutBom);
        }
        return Err(InputError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    Ok((std::borrow::Cow::Borrowed(text), encoding))
}

/// Whether the text may hide words (see [`is_invisible`], [`lookalike`]), decided from its bytes
/// without decoding it: false for almost every text, fast (typographic quotes and umlauts do not
/// count), and never false where a character of either kind is present.
pub fn may_hide_words(text: &str) -> bool {
    let b = text.as_bytes();
    if b.is_ascii() {
        return false;
    }
    let at = |i: usize, k: usize| b.get(i + k).copied().unwrap_or(0);
    // Soft hyphen (C2 AD), the Cf block U+200B..U+206F (E2 80/81 ..), U+FEFF and U+FFF9..FFFB
    // (EF BB BF, EF BF B9..BB), full-width forms U+FF01..FF5E (EF BC/BD ..).
    let exact = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| match b[i] {
        0xC2 => at(i, 1) == 0xAD,
        0xE2 => matches!((at(i, 1), at(i, 2)), (0x80, 0x8B..=0x8F | 0xAA..=0xAE) | (0x81, 0xA0..=0xA4 | 0xA6..=0xAF)),
        _ => matches!(
            (at(i, 1), at(i, 2)),
            (0xBB, 0xBF) | (0xBF, 0xB9..=0xBB) | (0xBC, 0x81..=0xBF) | (0xBD, 0x80..=0x9E)
        ),
    });
    // Greek and Cyrillic letters, and the rarer format characters (U+034F, U+061C, U+180E): any
    // of their lead bytes sends the text to the exact reading.
    exact
        || memchr::memchr3(0xCE, 0xCF, 0xD0, b).is_some()
        || memchr::memchr3(0xD1, 0xD4, 0xCD, b).is_some()
        || memchr::memchr2(0xD8, 0xE1, b).is_some()
}

/// A format character that renders as nothing (Unicode category Cf, and the combining grapheme
/// joiner): zero-width spaces and joiners, soft hyphens, word joiners, bidirectional controls, a
/// byte-order mark inside the text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Full-width forms of the ASCII signs and letters ('！' to '～'), 0xFEE0 above them.
const FULL_WIDTH: std::ops::RangeInclusive<char> = '\u{FF01}'..='\u{FF5E}';

/// The ASCII letter or sign a look-alike character imitates: full-width forms, and the Cyrillic
/// and Greek letters that look Latin (after Unicode's confusables, TR39).
pub fn lookalike(c: char) -> Option<char> {
    let ascii = match c {
        c if FULL_WIDTH.contains(&c) => return char::from_u32(c as u32 - 0xFEE0),
        'А' | 'а' => 'a',
        'В' | 'в' => 'b',
        'Е' | 'е' | 'Ё' | 'ё' => 'e',
        'К' | 'к' => 'k',
        'М' | 'м' => 'm',
        'Н' | 'н' => 'h',
        'О' | 'о' => 'o',
        'Р' | 'р' => 'p',
        'С' | 'с' => 'c',
        'Т' | 'т' => 't',
        'У' | 'у' => 'y',
        'Х' | 'х' => 'x',
        'І' | 'і' => 'i',
        'Ј' | 'ј' => 'j',
        'Ѕ' | 'ѕ' => 's',
        'Ԁ' | 'ԁ' => 'd',
        'Α' | 'α' => 'a',
        'Β' => 'b',
        'Ε' | 'ε' => 'e',
        'Η' => 'h',
        'Ι' | 'ι' => 'i',
        'Κ' | 'κ' => 'k',
        'Μ' => 'm',
        'Ν' | 'ν' => 'v',
        'Ο' | 'ο' => 'o',
        'Ρ' | 'ρ' => 'p',
        'Τ' | 'τ' => 't',
        'Υ' | 'υ' => 'y',
        'Χ' | 'χ' => 'x',
        'Ζ' => 'z',
        _ => return None,
    };
    // Keep the case of the letter imitated where it has one.
    Some(if c.is_uppercase() {
        ascii.to_ascii_uppercase()
    } else {
        ascii
    })
}

/// How many invisible characters stand inside or at the edge of words, and how many look-alike
/// letters stand beside Latin letters (a whole word in Cyrillic or Greek is that language, not
/// a disguise). Zero for ASCII text, without looking further.
fn hidden_characters(text: &str) -> (usize, usize) {
    if !may_hide_words(text) {
        return (0, 0);
    }
    let (mut invisible, mut lookalike_count) = (0, 0);
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if is_invisible(c) {
            if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) {
                invisible += 1;
            }
        } else if lookalike(c).is_some() {
            // Full-width letters are a disguise anywhere; Cyrillic and Greek ones only beside Latin.
            let latin = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphabetic());
            if FULL_WIDTH.contains(&c) || latin(prev) || latin(next) {
                lookalike_count += 1;
            }
        }
        prev = Some(c);
    }
    (invisible, lookalike_count)
}

/// Guesses the format from the first few kilobytes.
pub fn detect_format(raw: &str) -> InputFormat {
    let head = &raw[..floor_char_boundary(raw, 4096)];
    let start = head.trim_start();
    let lower = start[..floor_char_boundary(start, 1024)].to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || ["<body", "<p>", "<p ", "<div", "<article", "<main", "<h1", "<head"]
            .iter()
            .any(|t| lower.contains(t))
    {
        return InputFormat::Html;
    }
    let markdown_lines = head
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("# ")
                || t.starts_with("## ")
                || t.starts_with("### ")
                || t.starts_with("> ")
                || t.starts_with("```")
                || (t.contains("](") && t.contains('['))
                || (t.starts_with("**") && t[2..].contains("**"))
        })
        .count();
    if markdown_lines >= 2 {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    }
}

/// The smallest char boundary at or after `i` (at most `s.len()`).
pub(crate) fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn markdown_text(raw: &str, warnings: &mut Vec<IngestWarning>) -> (String, SourceMap) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(raw.len());
    let mut anchors = Vec::new();
    // Code is not prose: fenced and indented blocks and inline code are left out (and counted).
    let mut in_code_block = false;
    let mut code = 0;
    for (event, range) in Parser::new(raw).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                code += 1;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push_str("\n\n");
            }
            _ if in_code_block => {}
            Event::Code(_) => code += 1,
            Event::Text(t) => {
                anchors.push((out.len(), range.start));
                out.push_str(&t);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("- "),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => out.push_str("\n\n"),
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => out.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => {
                anchors.push((out.len(), range.start));
                // Inline markup in Markdown is rare in prose; keep only what is between tags.
                let mut in_tag = false;
                for c in h.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => out.push(c),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    if code > 0 {
        warnings.push(IngestWarning::CodeSkipped { blocks: code });
    }
    let (text, tidied) = tidy(&out);
    (text, SourceMap::identity().then(anchors).then(tidied))
}

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "svg", "iframe", "select",
    "option", "head", "title", "menu", "dialog", "canvas", "object", "video", "audio", "input", "textarea",
    // Code is not prose (counted in a warning).
    "pre", "code",
];

/// Class or id fragments that mark boilerplate (cookie banners, menus, share bars).
const BOILERPLATE_MARKERS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "navbar",
    "menu",
    "breadcrumb",
    "sidebar",
    "share",
    "social",
    "skip-link",
    "popup",
    "modal",
];

const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "details",
    "summary",
    "address",
    "br",
    "hr",
];

/// Nesting beyond which the HTML5 tree builder becomes quadratic; such pages are stripped of tags
/// by a linear scan instead of being parsed.
const MAX_HTML_DEPTH: usize = 2_000;

/// Elements that never take a closing tag, so they do not deepen the nesting.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

/// The deepest nesting of start tags, estimated in one pass without parsing.
fn estimated_depth(raw: &str) -> usize {
    let b = raw.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    for i in memchr::memchr_iter(b'<', b) {
        match b.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let end = b[i + 1..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |p| i + 1 + p);
                let name = &b[i + 1..end];
                let self_closing = b[end..]
                    .iter()
                    .take(200)
                    .position(|&c| c == b'>')
                    .is_some_and(|p| p > 0 && b[end + p - 1] == b'/');
                if !self_closing && !VOID_ELEMENTS.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name)) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// Visible text by a linear scan: drops tags, comments, scripts and styles, decodes common
/// entities. Used only for pathologically nested pages.
fn stripped_html_text(raw: &str, cancelled: &dyn Fn() -> bool) -> Result<String, InputError> {
    let lower = raw.to_ascii_lowercase();
    let mut out = String::with_capacity(raw.len() / 2);
    let mut i = 0;
    let mut tags = 0usize;
    while i < raw.len() {
        tags += 1;
        if tags.is_multiple_of(65_536) && cancelled() {
            return Err(InputError::Cancelled);
        }
        let Some(rel) = raw[i..].find('<') else {
            out.push_str(&raw[i..]);
            break;
        };
        out.push_str(&raw[i..i + rel]);
        i += rel;
        let skip_to = |closing: &str, from: usize| {
            lower[from..]
                .find(closing)
                .map_or(raw.len(), |p| from + p + closing.len())
        };
        i = if lower[i..].starts_with("<!--") {
            skip_to("-->", i)
        } else if lower[i..].starts_with("<script") {
            skip_to("</script>", i)
        } else if lower[i..].starts_with("<style") {
            skip_to("</style>", i)
        } else {
            out.push(' ');
            raw[i..].find('>').map_or(raw.len(), |p| i + p + 1)
        };
    }
    Ok(out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&amp;", "&"))
}

/// Attributes read per tag. The HTML parser compares each attribute of a tag with the ones before
/// it (duplicates are dropped), so a tag with a million attributes costs it quadratic time; no
/// page needs more than a few dozen, and the text is all hypecheck reads.
const MAX_ATTRIBUTES: usize = 64;

/// Attributes that decide whether an element is visible or boilerplate: kept whatever their place.
const VISIBILITY_ATTRIBUTES: [&[u8]; 5] = [b"hidden", b"aria-hidden", b"style", b"class", b"id"];

/// The HTML with each tag's attributes beyond [`MAX_ATTRIBUTES`] left out (those that decide
/// visibility kept), in one pass, and how many were left out. Borrowed when none were.
fn cap_attributes(raw: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let b = raw.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0; // b[..copied] is in `out` (when there is one)
    let mut dropped = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[i..]) {
        i += lt + 1;
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // The tag name, then attributes until '>': `name`, `name=value`, `name="value"`.
        i = skip(b, i, |c| !c.is_ascii_whitespace() && c != b'>' && c != b'/');
        let mut count = 0;
        loop {
            i = skip(b, i, |c| c.is_ascii_whitespace() || c == b'/');
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            i = skip(b, i, |c| !c.is_ascii_whitespace() && !matches!(c, b'>' | b'/' | b'='));
            let name_end = i;
            let j = skip(b, i, |c| c.is_ascii_whitespace());
            if b.get(j) == Some(&b'=') {
                let j = skip(b, j + 1, |c| c.is_ascii_whitespace());
                i = match b.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |k| j + 1 + k + 1)
                    }
                    _ => skip(b, j, |c| !c.is_ascii_whitespace() && c != b'>'),
                };
            }
            if i == start {
                i += 1; // a stray '=': step over it
                continue;
            }
            count += 1;
            let name = &b[start..name_end];
            if count > MAX_ATTRIBUTES && !VISIBILITY_ATTRIBUTES.iter().any(|v| name.eq_ignore_ascii_case(v)) {
                let out = out.get_or_insert_with(|| Vec::with_capacity(b.len()));
                out.extend_from_slice(&b[copied..start]);
                copied = i;
                dropped += 1;
            }
        }
    }
    match out {
        None => (std::borrow::Cow::Borrowed(raw), 0),
        Some(mut out) => {
            out.extend_from_slice(&b[copied..]);
            // Only whole attributes (ASCII-delimited) were left out, so the rest is still UTF-8.
            (
                std::borrow::Cow::Owned(String::from_utf8(out).expect("cut at ASCII delimiters")),
                dropped,
            )
        }
    }
}

/// The first index at or after `i` whose byte does not satisfy `keep` (or the end).
fn skip(b: &[u8], i: usize, keep: impl Fn(u8) -> bool) -> usize {
    b[i.min(b.len())..]
        .iter()
        .position(|&c| !keep(c))
        .map_or(b.len(), |k| i + k)
}

fn html_text(
    raw: &str,
    warnings: &mut Vec<IngestWarning>,
    cancelled: &dyn Fn() -> bool,
) -> Result<(String, SourceMap), InputError> {
    let depth = estimated_depth(raw);
    if depth > MAX_HTML_DEPTH {
        warnings.push(IngestWarning::HtmlTooDeep { depth });
        let mut text = stripped_html_text(raw, cancelled)?;
        text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        return Ok((tidy(&text).0, SourceMap::unknown()));
    }
    let source = raw;
    let (raw, dropped) = cap_attributes(raw);
    if dropped > 0 {
        warnings.push(IngestWarning::HtmlAttributesDropped {
            dropped,
            kept: MAX_ATTRIBUTES,
        });
    }
    let doc = parse_html(&raw, cancelled)?;
    if !doc.errors.is_empty() {
        warnings.push(IngestWarning::HtmlSyntax {
            problems: doc.errors.len(),
        });
    }
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .filter_map(|sel| scraper::Selector::parse(sel).ok())
        .find_map(|sel| doc.select(&sel).next())
        .unwrap_or_else(|| doc.root_element());
    let mut out = String::with_capacity(raw.len() / 2);
    let mut found = Found::new(source);
    let code = walk(root, &mut out, &mut found, cancelled)?;
    if code > 0 {
        warnings.push(IngestWarning::CodeSkipped { blocks: code });
    }
    warnings.push(IngestWarning::SpansOnExtractedText);
    let (text, tidied) = tidy(&out);
    Ok((text, SourceMap::identity().then(found.anchors).then(tidied)))
}

/// Finds the source of HTML text nodes: the tree keeps no positions, but text nodes come in
/// source order, so each word is looked for from where the last was found. The bytes searched
/// are budgeted (a few times the page), so that a hostile page cannot make this quadratic.
struct Found<'a> {
    source: &'a str,
    cursor: usize,
    anchors: Vec<(usize, usize)>,
    budget: usize,
    /// Bytes searched so far.
    searched: usize,
}

impl<'a> Found<'a> {
    fn new(source: &'a str) -> Found<'a> {
        Found {
            source,
            cursor: 0,
            anchors: Vec::new(),
            budget: source.len().saturating_mul(4).saturating_add(1 << 20),
            searched: 0,
        }
    }

    /// Looks for `word` within `window` bytes of the cursor; where found, it begins at text
    /// offset `at`.
    fn word(&mut self, word: &str, at: usize, window: usize) -> bool {
        let end = floor_char_boundary(
            self.source,
            self.cursor.saturating_add(window + word.len()).min(self.source.len()),
        );
        let searched = end.saturating_sub(self.cursor);
        if searched > self.budget {
            return false;
        }
        self.budget -= searched;
        self.searched += searched;
        match self.source[self.cursor..end].find(word) {
            Some(i) => {
                let begins = self.cursor + i;
                self.anchors.push((at, begins));
                self.cursor = begins + word.len();
                true
            }
            None => false,
        }
    }

    /// Records where the words of the text node `text`, whose first word is appended at `at`
    /// (and the rest one space apart), begin in the source. A word not found verbatim (an entity
    /// in it) keeps the anchor before it, which is near.
    fn text_node(&mut self, text: &str, mut at: usize) {
        // The first word may be far (past scripts and styles); the next ones are close by, a
        // little further after a word that was not found (an entity is up to 32 bytes long).
        let mut window = 256 * 1024;
        for word in text.split_whitespace() {
            window = if self.word(word, at, window) {
                64
            } else {
                window.max(512)
            };
            at += word.len() + 1;
        }
    }
}

/// HTML is fed to the parser in pieces of this size, with a look at the cancel flag between them
/// (about a millisecond of parsing each).
const PARSE_PIECE_BYTES: usize = 64 * 1024;

/// The same document as `Html::parse_document`, parsed piece by piece (html5ever's tokenizer is
/// streaming, so the pieces give the same tree as one call).
fn parse_html(raw: &str, cancelled: &dyn Fn() -> bool) -> Result<Html, InputError> {
    use html5ever::tendril::TendrilSink;
    let mut parser = html5ever::driver::parse_document(Html::new_document(), Default::default());
    let mut rest = raw;
    while !rest.is_empty() {
        if cancelled() {
            return Err(InputError::Cancelled);
        }
        // A piece ends on a character boundary; 64 KiB always holds at least one character.
        let (piece, tail) = rest.split_at(floor_char_boundary(rest, PARSE_PIECE_BYTES.min(rest.len())));
        parser.process(html5ever::tendril::StrTendril::from_slice(piece));
        rest = tail;
    }
    Ok(parser.finish())
}

fn is_boilerplate(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIPPED_ELEMENTS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    let style = v.attr("style").unwrap_or("").replace(' ', "");
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    let marks = |s: &str| {
        let s = s.to_ascii_lowercase();
        BOILERPLATE_MARKERS.iter().any(|m| s.contains(m))
    };
    v.attr("class").is_some_and(marks) || v.id().is_some_and(marks)
}

/// Appends the visible text below `root`. Iterative (a traversal of open and close edges), so that
/// deeply nested markup cannot overflow the stack.
/// Answers how many code elements (`<pre>`, `<code>`) it left out.
fn walk(
    root: ElementRef,
    out: &mut String,
    found: &mut Found,
    cancelled: &dyn Fn() -> bool,
) -> Result<usize, InputError> {
    let mut code = 0;
    use ego_tree::iter::Edge;
    let mut skipping: Option<ego_tree::NodeId> = None;
    for (n, edge) in root.traverse().enumerate() {
        if n.is_multiple_of(4096) && cancelled() {
            return Err(InputError::Cancelled);
        }
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        let Some(el) = ElementRef::wrap(node) else { continue };
                        if is_boilerplate(&el) {
                            code += usize::from(matches!(e.name(), "pre" | "code"));
                            skipping = Some(node.id());
                            continue;
                        }
                        if BLOCK_ELEMENTS.contains(&e.name()) {
                            out.push('\n');
                        }
                        if e.name() == "li" {
                            out.push_str("- ");
                        }
                    }
                    Node::Text(t) => {
                        // Source whitespace (indentation, line wraps) is not text; collapse it.
                        let mut last_space = out.ends_with([' ', '\n']);
                        let leading = t.len() - t.trim_start().len();
                        let at = out.len() + usize::from(leading > 0 && !last_space);
                        found.text_node(t, at);
                        for c in t.chars() {
                            if c.is_whitespace() {
                                if !last_space {
                                    out.push(' ');
                                    last_space = true;
                                }
                            } else {
                                out.push(c);
                                last_space = false;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if BLOCK_ELEMENTS.contains(&e.name()) {
                        out.push('\n');
                    }
                }
            }
        }
    }
    Ok(code)
}

/// Trims each line and keeps at most one blank line between blocks.
fn tidy(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut anchors = Vec::new();
    let mut blank = 0;
    for line in s.split_inclusive('\n') {
        let start = line.as_ptr() as usize - s.as_ptr() as usize;
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        let lead = line.len() - line.trim_start().len();
        anchors.push((out.len(), start + lead));
        out.push_str(trimmed);
        blank = 0;
    }
    out.push('\n');
    (out, anchors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: usize = 1 << 20;

    /// Every word of the extracted text, with its offset (letters and digits only: list dashes
    /// and the like are the extraction's own).
    fn words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &text[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn extracted_words_point_back_to_their_place_in_the_source() {
        let md = "# Stem cells\n\nOur *exosome* serum, with a [study](http://x.example)   and\n  wrapped lines.\n\n\
                  - item one\n- item two\n\n> quoted cure\n\n1. first\n";
        let html = "<html><head><title>cure</title><style>.cure{}</style></head><body><nav>menu cure</nav>\
                    <article><h1>Stem   cells</h1><p class=\"x\">Our\n     stem cells <b>cure</b> knees&nbsp;fast.</p>\
                    <ul><li>no side effects</li></ul><script>var cure=1</script><p>Last cure words.</p></article></body></html>";
        for (source, format) in [(md, InputFormat::Markdown), (html, InputFormat::Html)] {
            let ingested = ingest(source.as_bytes(), Some(format), MAX).unwrap();
            let words = words(&ingested.text);
            assert!(words.len() > 10, "{}", ingested.text);
            for (at, word) in words {
                let back = ingested.source_map.source_offset(at).unwrap();
                assert!(
                    source[back..].starts_with(word),
                    "{format:?}: {word:?} at {at} maps to {:?}",
                    &source[back..(back + 20).min(source.len())]
                );
            }
        }
        let plain = ingest(b"Just text.", None, MAX).unwrap();
        assert_eq!(plain.source_map.source_offset(5), Some(5));
    }

    #[test]
    fn finding_the_source_of_words_that_are_never_verbatim_searches_a_bounded_amount() {
        // Every word has an entity, so no word is found in the source: without a budget each
        // would search 256 KiB, 50 GB in all.
        let source = format!("<p>{}</p>", "caf&eacute; ".repeat(200_000));
        let mut found = Found::new(&source);
        for i in 0..200_000 {
            found.text_node("café ", i * 5);
        }
        assert!(found.anchors.is_empty());
        assert!(
            found.searched <= source.len() * 4 + (1 << 20),
            "{} bytes searched",
            found.searched
        );
        let ingested = ingest(source.as_bytes(), Some(InputFormat::Html), 1 << 24).unwrap();
        assert!(ingested.text.starts_with("café"));
    }

    #[test]
    fn suppression_comments_cover_their_region_or_their_line() {
        let md = "Miracle one.\n<!-- hypecheck-disable HC401, hc402 -->\nMiracle two.\n<!-- hypecheck-enable -->\n\
                  Miracle three. hypecheck: ignore[HC401]\nMiracle four.\n<!--hypecheck-disable-->\nAll off.\n";
        let found = suppressions(md);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].codes, ["HC401", "HC402"]);
        assert_eq!(found[0].line, 2);
        assert!(md[found[0].range.clone()].contains("Miracle two") && !md[found[0].range.clone()].contains("one"));
        assert_eq!(&md[found[1].range.clone()], "Miracle three. hypecheck: ignore[HC401]");
        assert!(found[2].codes.is_empty() && md[found[2].range.clone()].contains("All off"));
        // Words about hypecheck are no comment.
        assert!(suppressions("We asked hypecheck about it; hypecheck: ignore this").is_empty());
        // The line form inside an HTML comment, as the language server's quick fix writes it.
        let hidden = suppressions("One.\nMiracle cure. <!-- hypecheck: ignore[HC402] -->\nTwo.");
        assert_eq!(hidden.len(), 1);
        assert_eq!(hidden[0].codes, ["HC402"]);
        assert_eq!(hidden[0].line, 2);
    }

    #[test]
    fn code_is_not_read_as_prose_and_the_report_says_so() {
        let md = "# Setup\n\nExosomes may help, a small trial found.\n\n```\nlet cure = \"miracle\";\n```\n\n    indented = \"guaranteed cure\"\n\nRun `cure --now` here.\n";
        let ingested = ingest(md.as_bytes(), Some(InputFormat::Markdown), MAX).unwrap();
        assert!(ingested.text.contains("a small trial found"), "{}", ingested.text);
        assert!(
            !ingested.text.contains("miracle") && !ingested.text.contains("guaranteed"),
            "{}",
            ingested.text
        );
        assert!(!ingested.text.contains("cure"), "{}", ingested.text);
        assert!(
            ingested.warnings.contains(&IngestWarning::CodeSkipped { blocks: 3 }),
            "{:?}",
            ingested.warnings
        );
        let html =
            "<html><body><p>Exosomes may help.</p><pre>miracle cure</pre><p>See <code>cure()</code>.</p></body></html>";
        let ingested = ingest(html.as_bytes(), None, MAX).unwrap();
        assert!(
            !ingested.text.contains("miracle") && !ingested.text.contains("cure"),
            "{}",
            ingested.text
        );
        assert!(
            ingested.warnings.contains(&IngestWarning::CodeSkipped { blocks: 2 }),
            "{:?}",
            ingested.warnings
        );
        // Near miss: prose without code has no such warning.
        let plain = ingest(b"# Title\n\nExosomes may help.\n", Some(InputFormat::Markdown), MAX).unwrap();
        assert!(!plain
            .warnings
            .iter()
            .any(|w| matches!(w, IngestWarning::CodeSkipped { .. })));
    }

    #[test]
    fn html_parsed_in_pieces_gives_the_same_document_as_in_one_go() {
        // Pieces end inside entities, tags and multi-byte characters.
        let page = format!(
            "<html><body>{}</body></html>",
            "<p class=\"x\">Exosomen &amp; Stammzellen: \u{e4}\u{f6}\u{fc} \u{1F600} heilen &lt;nichts&gt;</p>\n"
                .repeat(3000)
        );
        assert!(page.len() > 3 * PARSE_PIECE_BYTES);
        let pieces = parse_html(&page, &|| false).unwrap();
        let one_go = Html::parse_document(&page);
        assert_eq!(pieces.html(), one_go.html());
        assert_eq!(pieces.errors.len(), one_go.errors.len());
    }

    #[test]
    fn a_cancel_stops_an_html_page_while_it_is_parsed() {
        let page = format!("<p>{}</p>", "Exosomes &amp; stem cells. ".repeat(20_000));
        let looked = std::cell::Cell::new(0);
        // Cancelled once the parser has looked twice: it stops before the third piece.
        let cancelled = || {
            looked.set(looked.get() + 1);
            looked.get() > 2
        };
        assert_eq!(
            ingest_cancellable(page.as_bytes(), None, MAX, &cancelled).unwrap_err(),
            InputError::Cancelled
        );
        assert_eq!(looked.get(), 3);
        assert!(ingest(page.as_bytes(), None, MAX).is_ok());
    }

    #[test]
    fn tags_with_a_flood_of_attributes_are_read_up_to_a_cap_and_still_hide_what_is_hidden() {
        let many: String = (0..10_000).map(|i| format!(" data-a{i}=\"x y\"")).collect();
        let html = format!(
            "<html><body><p{many} class='lead'>Exosomes cure arthritis.</p><div{many} hidden>Secret offer.</div>\
             <p title='a > b' {many}>Ask your doctor.</p></body></html>"
        );
        let ingested = ingest(html.as_bytes(), Some(InputFormat::Html), 1 << 26).unwrap();
        assert!(ingested.text.contains("Exosomes cure arthritis."), "{}", ingested.text);
        assert!(ingested.text.contains("Ask your doctor."), "{}", ingested.text);
        // `hidden` came after 10,000 other attributes and still hides its element.
        assert!(!ingested.text.contains("Secret offer"), "{}", ingested.text);
        // Each tag has 10,001 attributes; 64 are read, and `class` and `hidden` whatever their place.
        let dropped = (10_001 - MAX_ATTRIBUTES - 1) * 2 + (10_001 - MAX_ATTRIBUTES);
        assert!(
            ingested.warnings.contains(&IngestWarning::HtmlAttributesDropped {
                dropped,
                kept: MAX_ATTRIBUTES
            }),
            "{:?}",
            ingested.warnings
        );
        // An ordinary page is untouched.
        let page = "<p class=a id=b style='x'>Text &lt;b&gt; 3 < 4.</p>";
        assert!(matches!(cap_attributes(page), (std::borrow::Cow::Borrowed(_), 0)));
    }

    #[test]
    fn a_byte_order_mark_is_left_out_and_spans_say_they_count_after_it() {
        let ingested = ingest(b"\xEF\xBB\xBFExosomes cure.", Some(InputFormat::Text), 1 << 20).unwrap();
        assert_eq!(ingested.text, "Exosomes cure.");
        assert_eq!(ingested.source_bytes, 17);
        assert_eq!(ingested.span_basis(), "input_after_bom");
        assert!(ingested.warnings.contains(&IngestWarning::ByteOrderMark));
        let plain = ingest(b"Exosomes cure.", Some(InputFormat::Text), 1 << 20).unwrap();
        assert_eq!(plain.span_basis(), "input");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_and_without_one_is_named() {
        let text = "Exosomen heilen Arthrose. \u{1F600}";
        for (bom, unit) in [
            ([0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            ([0xFE, 0xFF], u16::to_be_bytes as fn(u16) -> [u8; 2]),
        ] {
            let mut bytes = bom.to_vec();
            bytes.extend(text.encode_utf16().flat_map(unit));
            let ingested = ingest(&bytes, None, 1 << 20).unwrap();
            assert_eq!(ingested.text, text);
            assert_eq!(ingested.span_basis(), "decoded_text");
            assert!(ingested.warnings.contains(&IngestWarning::Utf16Decoded));
        }
        let bare: Vec<u8> = "Exosomes cure arthritis."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(ingest(&bare, None, 1 << 20).unwrap_err(), InputError::Utf16WithoutBom);
        // An odd number of bytes after the mark is not UTF-16.
        assert!(matches!(
            ingest(&[0xFF, 0xFE, b'a', 0, b'b'], None, 1 << 20),
            Err(InputError::InvalidUtf16 { .. })
        ));
    }

    #[test]
    fn the_byte_prefilter_never_misses_a_character_that_can_hide_words() {
        // Every invisible character and every look-alike letter is caught by the byte test.
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            if is_invisible(c) || lookalike(c).is_some() {
                assert!(may_hide_words(&format!("ab{c}cd")), "U+{:04X}", c as u32);
            }
        }
        // Typography and umlauts are not suspects.
        assert!(!may_hide_words("„Grüße“ – “quotes” … ’s Straße"));
    }

    #[test]
    fn invisible_characters_and_look_alike_letters_inside_words_are_reported() {
        let warned = |t: &str| {
            ingest(t.as_bytes(), Some(InputFormat::Text), 1 << 20)
                .unwrap()
                .warnings
                .into_iter()
                .find_map(|w| match w {
                    IngestWarning::HiddenCharacters { invisible, lookalike } => Some((invisible, lookalike)),
                    _ => None,
                })
        };
        assert_eq!(
            warned("Our mir\u{200d}acle cu\u{00ad}re is FDA\u{2060}-approved."),
            Some((3, 0))
        );
        assert_eq!(warned("Our exosomes are FD\u{0410}-approved."), Some((0, 1)));
        assert_eq!(
            warned("Our \u{FF4D}\u{FF49}\u{FF52}\u{FF41}\u{FF43}\u{FF4C}\u{FF45} cure."),
            Some((0, 7))
        );
        // A Russian or Greek word is that language, not a disguise; umlauts are letters.
        assert_eq!(warned("Die Klinik heißt Здоровье und wirbt mit Übertreibungen."), None);
        assert_eq!(warned("Plain text."), None);
    }

    #[test]
    fn rejects_empty_binary_and_invalid_utf8_with_clear_errors() {
        assert_eq!(ingest(b"", None, MAX).unwrap_err(), InputError::Empty);
        let whitespace = ingest(b"  \n\t", None, MAX).unwrap_err();
        assert_eq!(whitespace, InputError::OnlyWhitespace { bytes: 4 });
        assert!(whitespace.to_string().contains("only whitespace"), "{whitespace}");
        assert_eq!(
            ingest(b"ab\0cd", None, MAX).unwrap_err(),
            InputError::Binary { offset: 2 }
        );
        assert_eq!(
            ingest(b"caf\xC3 ok", None, MAX).unwrap_err(),
            InputError::InvalidUtf8 { offset: 3 }
        );
        assert!(matches!(
            ingest(b"abcdef", None, 3),
            Err(InputError::TooLarge { size: 6, max: 3 })
        ));
    }

    #[test]
    fn html_keeps_article_text_and_drops_scripts_navigation_and_cookie_banners() {
        let html = r#"<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>
            <nav><a href="/">Home</a> Shop</nav>
            <div class="cookie-banner">We use cookies</div>
            <main><h1>Exosome facial</h1><p>Our   exosomes
            are <b>FDA-registered</b>.</p><script>var miracle = 1;</script>
            <ul><li>No downtime</li></ul></main>
            <footer>Copyright</footer></body></html>"#;
        let out = ingest(html.as_bytes(), None, MAX).unwrap();
        assert_eq!(out.format, InputFormat::Html);
        assert_eq!(
            out.text,
            "Exosome facial\n\nOur exosomes are FDA-registered.\n\n- No downtime\n"
        );
        assert!(out.warnings.contains(&IngestWarning::SpansOnExtractedText));
    }

    #[test]
    fn broken_html_is_recovered_not_rejected() {
        let out = ingest(b"<html><body><p>Exosomes <b>heal <p>everything", None, MAX).unwrap();
        assert!(out.text.contains("Exosomes heal"));
        assert!(out.text.contains("everything"));
    }

    #[test]
    fn deeply_nested_html_is_read_in_linear_time_with_a_warning() {
        let html = format!(
            "<html><body>{}exosomes <script>var x;</script>&amp; PRP{}",
            "<div><b>".repeat(200_000),
            "</b></div>".repeat(200_000)
        );
        let out = ingest(html.as_bytes(), None, 1 << 24).unwrap();
        assert_eq!(out.text.trim(), "exosomes & PRP");
        assert!(
            out.warnings
                .iter()
                .any(|w| matches!(w, IngestWarning::HtmlTooDeep { .. })),
            "{:?}",
            out.warnings
        );
    }

    #[test]
    fn nesting_below_the_limit_is_parsed_without_recursion() {
        let html = format!(
            "<html><body>{}exosomes{}",
            "<div>".repeat(1_500),
            "</div>".repeat(1_500)
        );
        let out = ingest(html.as_bytes(), None, 1 << 24).unwrap();
        assert_eq!(out.text.trim(), "exosomes");
        assert!(!out
            .warnings
            .iter()
            .any(|w| matches!(w, IngestWarning::HtmlTooDeep { .. })));
    }

    #[test]
    fn markdown_is_reduced_to_prose() {
        let md = "# Serum\n\nOur **exosome** serum [heals scars](https://x.test).\n\n- Buy now\n";
        let out = ingest(md.as_bytes(), None, MAX).unwrap();
        assert_eq!(out.format, InputFormat::Markdown);
        assert_eq!(out.text, "Serum\n\nOur exosome serum heals scars.\n\n- Buy now\n");
    }

    #[test]
    fn plain_text_is_kept_byte_for_byte() {
        let t = "Exosomes may help.\r\nOr not.";
        let out = ingest(t.as_bytes(), None, MAX).unwrap();
        assert_eq!(out.text, t);
        assert_eq!(out.format, InputFormat::Text);
    }
}
