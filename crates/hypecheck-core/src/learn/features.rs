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

/// Receives each feature occurrence; the name is only valid during the call, so extraction over a
/// large text allocates nothing per word. It answers whether longer n-grams that contain this one
/// can still matter: a model whose vocabulary holds every part of each n-gram it holds says no
/// for a name it does not know, and the extractor skips those n-grams.
pub type Sink<'s> = dyn FnMut(&str, Option<Span>) -> bool + 's;

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
pub fn sentence_into(a: &Analysis, s: usize, sink: &mut Sink) {
    let text = &a.doc.text;
    let toks: Vec<Span> = token_spans(text, a.sentence_span(s)).collect();
    // All tokens lower-cased once, side by side in one buffer.
    let span = a.sentence_span(s);
    let mut lower = String::with_capacity(span.end - span.start);
    let mut bounds = Vec::with_capacity(toks.len());
    for sp in &toks {
        let start = lower.len();
        push_lower(&mut lower, &text[sp.start..sp.end]);
        bounds.push((start, lower.len()));
    }
    let token = |i: usize| &lower[bounds[i].0..bounds[i].1];
    let mut name = String::new();
    let words: Vec<usize> = (0..toks.len()).filter(|&i| is_word(token(i))).collect();
    let mut known = Vec::with_capacity(words.len());
    for &i in &words {
        name.clear();
        name.push_str("w:");
        name.push_str(token(i));
        known.push(sink(&name, Some(toks[i])));
    }
    for (n, pair) in words.windows(2).enumerate() {
        if known[n] && known[n + 1] {
            name.clear();
            name.push_str("w:");
            name.push_str(token(pair[0]));
            name.push(' ');
            name.push_str(token(pair[1]));
            sink(&name, Some(Span::new(toks[pair[0]].start, toks[pair[1]].end)));
        }
    }
    // The abstracted sentence: a cue's tokens become its kind, once per cue.
    let mentions = &a.mentions[a.by_sentence[s].clone()];
    let mut abstracted: Vec<(&str, Span)> = Vec::with_capacity(toks.len());
    let mut m = 0;
    for (i, sp) in toks.iter().enumerate() {
        while m < mentions.len() && mentions[m].span.end <= sp.start {
            m += 1;
        }
        let label = mentions
            .get(m)
            .filter(|mention| mention.span.start <= sp.start)
            .and_then(|mention| {
                ABSTRACTED
                    .iter()
                    .find(|(k, _)| *k == mention.kind)
                    .map(|(_, l)| (*l, mention.span))
            });
        match label {
            Some((label, cue)) => {
                if abstracted
                    .last()
                    .is_some_and(|(l, last)| *l == label && last.end > cue.start)
                {
                    continue;
                }
                abstracted.push((label, cue));
            }
            None => abstracted.push((token(i), *sp)),
        }
    }
    // known[n - 1][i]: the n-gram starting at i may matter; an n-gram needs both its (n-1)-grams.
    let mut known: [Vec<bool>; 3] = Default::default();
    for n in 1..=3 {
        for (i, window) in abstracted.windows(n).enumerate() {
            let parts_known = n == 1 || (known[n - 2][i] && known[n - 2][i + 1]);
            let k = parts_known && {
                name.clear();
                name.push_str("a:");
                for (k, (t, _)) in window.iter().enumerate() {
                    if k > 0 {
                        name.push(' ');
                    }
                    name.push_str(t);
                }
                sink(&name, Some(Span::new(window[0].1.start, window[n - 1].1.end)))
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
    sink: &mut Sink,
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
            sink("n:number", Some(sp));
        } else if is_word(t) {
            name.clear();
            name.push_str("w:");
            push_lower(&mut name, t);
            sink(&name, Some(sp));
        }
    }
    for (i, _) in text.match_indices('%') {
        sink("n:percent", Some(Span::new(i, i + 1)));
    }
    for (m, c) in a.mentions.iter().zip(&a.context) {
        let kind = m.kind.as_str();
        name.clear();
        let _ = write!(name, "c:{kind}");
        sink(&name, Some(m.span));
        for modifier in c.modifiers() {
            name.clear();
            let _ = write!(name, "c:{kind}~{}", modifier.as_str());
            sink(&name, Some(m.span));
        }
    }
    for f in findings {
        name.clear();
        let _ = write!(name, "f:{}~{}", f.code, f.severity.as_str());
        sink(&name, Some(f.span));
    }
    for r in rules {
        name.clear();
        let _ = write!(name, "r:{}~{}", r.key.as_str(), r.verdict.as_str());
        sink(&name, r.spans.first().copied());
    }
    for claim in &a.claims {
        name.clear();
        let _ = write!(name, "k:{}", claim.strength.as_str());
        sink(&name, Some(claim.span));
        if claim.hedged {
            sink("k:hedged", Some(claim.span));
        }
    }
}

fn collect(extract: impl FnOnce(&mut Sink)) -> Vec<Occurrence> {
    let mut out = Vec::new();
    extract(&mut |name: &str, span: Option<Span>| {
        out.push(Occurrence {
            name: name.to_string(),
            span,
        });
        true
    });
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
