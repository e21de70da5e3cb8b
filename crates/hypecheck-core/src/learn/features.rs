//! Named features of a sentence or a document, each occurrence with the span it came from, so a
//! learned verdict can point at the words and cues that drove it.
//!
//! Feature groups (the prefix up to `:`) are normalized separately by the vectorizer:
//! - `w:` words and word pairs, lower-cased;
//! - `a:` the sentence with every lexicon cue replaced by its kind ("may reduce" -> "HEDGE CAUSAL"),
//!   as one- to three-grams, which carries what a cue means to words the model never saw;
//! - `c:` cue kinds with their context ("c:funding", "c:causal~negated");
//! - `f:` findings of the checks with their severity ("f:HC301~concern");
//! - `r:` the rule-based criteria verdicts ("r:costs~satisfactory");
//! - `k:` claim strengths of the text's claims; `n:` numbers and percentages.

use crate::analysis::Analysis;
use crate::checks::Finding;
use crate::criteria::Criterion;
use crate::document::Span;
use crate::lexicon::CueKind;

/// One feature occurrence: its name and where in the text it is (none for whole-text features).
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    pub name: String,
    pub span: Option<Span>,
}

/// A word or cue label of an n-gram feature, numbered by the [`Sink`] that reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token(pub u32);

impl Token {
    /// A token the sink does not know: no n-gram with it can be known either.
    pub const UNKNOWN: Token = Token(u32::MAX);
}

/// The n-gram groups: their names are their tokens joined by spaces after the prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gram {
    /// `w:` words and word pairs.
    Words,
    /// `a:` the abstracted sentence.
    Abstracted,
}

impl Gram {
    /// The group's prefix in feature names ("w" of "w:may").
    pub fn prefix(self) -> &'static str {
        match self {
            Gram::Words => "w",
            Gram::Abstracted => "a",
        }
    }
}

/// Receives each feature occurrence. The words of n-grams come as tokens the sink numbered, so
/// a model looks each word up once however many n-grams it is part of, and extraction over a large
/// text builds no string per feature.
pub trait Sink {
    /// The sink's token for a word (lower-cased) or a cue label.
    fn token(&mut self, text: &str) -> Token;
    /// An n-gram of `group` made of `parts`. Answers whether longer n-grams that contain it can
    /// still matter: a model whose vocabulary holds every part of each n-gram it holds says no for
    /// one it does not know, and the extractor skips those n-grams.
    fn gram(&mut self, group: Gram, parts: &[Token], span: Option<Span>) -> bool;
    /// A feature named in full (cues, findings, rule verdicts, claim strengths, numbers).
    fn named(&mut self, name: &str, span: Option<Span>);
}

/// Alphanumeric runs of `text[span]`.
fn token_spans(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    // An iterator, not a list: the whole text's words would take 16 bytes each at once. It walks
    // bytes, decoding a character only where one starts beyond ASCII.
    let slice = &text[span.start..span.end];
    let bytes = slice.as_bytes();
    let mut start: Option<usize> = None;
    (0..=bytes.len()).filter_map(move |i| {
        let in_token = match bytes.get(i) {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            // A continuation byte belongs to the character its leading byte started.
            Some(b) if b & 0xC0 == 0x80 => return None,
            Some(_) => slice[i..].chars().next().is_some_and(char::is_alphanumeric),
        };
        if in_token {
            start.get_or_insert(i);
            None
        } else {
            start.take().map(|s| Span::new(span.start + s, span.start + i))
        }
    })
}

fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let start = buf.len();
        buf.push_str(s);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// A word long enough to say something ("a" and "1" do not).
fn is_word(token: &str) -> bool {
    token.chars().nth(1).is_some()
}

/// The cue kinds that say how a sentence relates things; other cues keep their words.
const ABSTRACTED: [(CueKind, &str); 5] = [
    (CueKind::Hedge, "HEDGE"),
    (CueKind::Causal, "CAUSAL"),
    (CueKind::Reduction, "CAUSAL"),
    (CueKind::Correlational, "CORRELATIONAL"),
    (CueKind::Negation, "NEGATION"),
];

/// Features of sentence `s` of an analysis, for claim strength.
pub fn sentence_into(a: &Analysis, s: usize, sink: &mut dyn Sink) {
    let text = &a.doc.text;
    let span = a.sentence_span(s);
    // Each word lower-cased and handed to the sink once, for the words and the abstracted sentence.
    let mut lower = String::new();
    let toks: Vec<(Span, Token, bool)> = token_spans(text, span)
        .map(|sp| {
            lower.clear();
            push_lower(&mut lower, &text[sp.start..sp.end]);
            (sp, sink.token(&lower), is_word(&lower))
        })
        .collect();
    let words: Vec<(Span, Token)> = toks.iter().filter(|t| t.2).map(|&(sp, t, _)| (sp, t)).collect();
    let known: Vec<bool> = words
        .iter()
        .map(|&(sp, t)| sink.gram(Gram::Words, &[t], Some(sp)))
        .collect();
    for (n, pair) in words.windows(2).enumerate() {
        if known[n] && known[n + 1] {
            let span = Span::new(pair[0].0.start, pair[1].0.end);
            sink.gram(Gram::Words, &[pair[0].1, pair[1].1], Some(span));
        }
    }
    // The abstracted sentence: a cue's tokens become its kind, once per cue.
    let labels = ABSTRACTED.map(|(kind, label)| (kind, label, sink.token(label)));
    let mentions = &a.mentions[a.by_sentence[s].clone()];
    // Each part with its span and, for a cue, its label.
    let mut abstracted: Vec<(Token, Span, Option<&str>)> = Vec::with_capacity(toks.len());
    let mut m = 0;
    for &(sp, token, _) in &toks {
        while m < mentions.len() && mentions[m].span.end <= sp.start {
            m += 1;
        }
        let label = mentions
            .get(m)
            .filter(|mention| mention.span.start <= sp.start)
            .and_then(|mention| {
                labels
                    .iter()
                    .find(|(k, _, _)| *k == mention.kind)
                    .map(|&(_, label, token)| (label, token, mention.span))
            });
        match label {
            Some((label, token, cue)) => {
                if abstracted
                    .last()
                    .is_some_and(|(_, last, l)| *l == Some(label) && last.end > cue.start)
                {
                    continue;
                }
                abstracted.push((token, cue, Some(label)));
            }
            None => abstracted.push((token, sp, None)),
        }
    }
    // known[n - 1][i]: the n-gram starting at i may matter; an n-gram needs both its (n-1)-grams.
    let mut known: [Vec<bool>; 3] = Default::default();
    let mut parts: Vec<Token> = Vec::with_capacity(3);
    for n in 1..=3 {
        for (i, window) in abstracted.windows(n).enumerate() {
            let parts_known = n == 1 || (known[n - 2][i] && known[n - 2][i + 1]);
            let k = parts_known && {
                parts.clear();
                parts.extend(window.iter().map(|(t, _, _)| *t));
                sink.gram(
                    Gram::Abstracted,
                    &parts,
                    Some(Span::new(window[0].1.start, window[n - 1].1.end)),
                )
            };
            known[n - 1].push(k);
        }
    }
}

/// Features of a whole text, for the expert criteria.
pub fn document_into(
    a: &Analysis,
    findings: &[Finding],
    rules: &[Criterion],
    cancelled: &dyn Fn() -> bool,
    sink: &mut dyn Sink,
) {
    use std::fmt::Write as _;
    let text = &a.doc.text;
    let mut name = String::new();
    for (n, sp) in token_spans(text, Span::new(0, text.len())).enumerate() {
        // Millions of words take a tenth of a second; the caller drops what a cancel left unread.
        if n.is_multiple_of(65_536) && cancelled() {
            return;
        }
        let t = &text[sp.start..sp.end];
        if t.bytes().all(|b| b.is_ascii_digit()) {
            sink.named("n:number", Some(sp));
        } else if is_word(t) {
            name.clear();
            push_lower(&mut name, t);
            let token = sink.token(&name);
            sink.gram(Gram::Words, &[token], Some(sp));
        }
    }
    for (i, _) in text.match_indices('%') {
        sink.named("n:percent", Some(Span::new(i, i + 1)));
    }
    // A state of health ("memory", "pain") says what a text is about, which its words already
    // tell the models; as a cue it would only add noise.
    for (m, c) in a
        .mentions
        .iter()
        .zip(&a.context)
        .filter(|(m, _)| m.kind != CueKind::HealthState)
    {
        let kind = m.kind.as_str();
        name.clear();
        let _ = write!(name, "c:{kind}");
        sink.named(&name, Some(m.span));
        for modifier in c.modifiers() {
            name.clear();
            let _ = write!(name, "c:{kind}~{}", modifier.as_str());
            sink.named(&name, Some(m.span));
        }
    }
    for f in findings {
        name.clear();
        let _ = write!(name, "f:{}~{}", f.code, f.severity.as_str());
        sink.named(&name, Some(f.span));
    }
    for r in rules {
        name.clear();
        let _ = write!(name, "r:{}~{}", r.key.as_str(), r.verdict.as_str());
        sink.named(&name, r.spans.first().copied());
    }
    for claim in &a.claims {
        name.clear();
        let _ = write!(name, "k:{}", claim.strength.as_str());
        sink.named(&name, Some(claim.span));
        if claim.hedged {
            sink.named("k:hedged", Some(claim.span));
        }
    }
}

/// A sink that spells each feature out as its name, for training and inspection: every token it
/// hands out is known, so no n-gram is skipped.
pub struct ByName<F: FnMut(&str, Option<Span>)> {
    /// The tokens handed out so far, side by side; token `i` is `spelled[bounds[i].0..bounds[i].1]`.
    spelled: String,
    bounds: Vec<(usize, usize)>,
    name: String,
    emit: F,
}

impl<F: FnMut(&str, Option<Span>)> ByName<F> {
    pub fn new(emit: F) -> ByName<F> {
        ByName {
            spelled: String::new(),
            bounds: Vec::new(),
            name: String::new(),
            emit,
        }
    }
}

impl<F: FnMut(&str, Option<Span>)> Sink for ByName<F> {
    fn token(&mut self, text: &str) -> Token {
        let start = self.spelled.len();
        self.spelled.push_str(text);
        self.bounds.push((start, self.spelled.len()));
        Token(self.bounds.len() as u32 - 1)
    }

    fn gram(&mut self, group: Gram, parts: &[Token], span: Option<Span>) -> bool {
        self.name.clear();
        self.name.push_str(group.prefix());
        self.name.push(':');
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                self.name.push(' ');
            }
            let (start, end) = self.bounds[part.0 as usize];
            self.name.push_str(&self.spelled[start..end]);
        }
        (self.emit)(&self.name, span);
        true
    }

    fn named(&mut self, name: &str, span: Option<Span>) {
        (self.emit)(name, span);
    }
}

fn collect(extract: impl FnOnce(&mut dyn Sink)) -> Vec<Occurrence> {
    let mut out = Vec::new();
    extract(&mut ByName::new(|name: &str, span: Option<Span>| {
        out.push(Occurrence {
            name: name.to_string(),
            span,
        })
    }));
    out
}

/// [`sentence_into`] as a list (for training and inspection).
pub fn sentence(a: &Analysis, s: usize) -> Vec<Occurrence> {
    collect(|sink| sentence_into(a, s, sink))
}

/// [`document_into`] as a list (for training and inspection).
pub fn document(a: &Analysis, findings: &[Finding], rules: &[Criterion]) -> Vec<Occurrence> {
    collect(|sink| document_into(a, findings, rules, &|| false, sink))
}
