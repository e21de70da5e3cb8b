//! Context: what surrounds a cue changes what it means (ConText-style).
//!
//! A trigger (negation, hedge, hypothetical, reported speech, refutation) modifies the cues in its
//! scope. Scopes stay inside the sentence, end at terminators ("but", "however", ";") and, for
//! negation, after a few words. Quotation marks mark quoted cues. A refutation ("this is false",
//! "does not mean") marks the reported, quoted or preceding cues it answers as refuted, including
//! those in the sentence right before a short refuting sentence ("Some clinics claim X. This is
//! false.").

use serde::Serialize;

use crate::document::{Document, Span};
use crate::lexicon::{CueKind, Mention};

/// A context a cue can stand in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    Negated,
    Hedged,
    Hypothetical,
    Reported,
    Quoted,
    Refuted,
}

impl Modifier {
    pub const ALL: [Modifier; 6] = [
        Modifier::Negated,
        Modifier::Hedged,
        Modifier::Hypothetical,
        Modifier::Reported,
        Modifier::Quoted,
        Modifier::Refuted,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Negated => "negated",
            Modifier::Hedged => "hedged",
            Modifier::Hypothetical => "hypothetical",
            Modifier::Reported => "reported",
            Modifier::Quoted => "quoted",
            Modifier::Refuted => "refuted",
        }
    }
}

/// The modifiers of one cue and the trigger that set each (a mention index, if any).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    bits: u8,
    triggers: [u32; 6],
}

const NO_TRIGGER: u32 = u32::MAX;

impl Context {
    pub fn has(&self, m: Modifier) -> bool {
        self.bits & m.bit() != 0
    }

    fn set(&mut self, m: Modifier, trigger: Option<usize>) {
        if !self.has(m) {
            self.bits |= m.bit();
            self.triggers[m as usize] = trigger.map_or(NO_TRIGGER, |t| t as u32);
        }
    }

    /// The author states the cue as their own, positive assertion.
    pub fn asserted(&self) -> bool {
        !self.has(Modifier::Negated)
            && !self.has(Modifier::Hypothetical)
            && !self.has(Modifier::Reported)
            && !self.has(Modifier::Refuted)
    }

    /// The author distances themselves from the cue (reports it, refutes it, or supposes it).
    pub fn distanced(&self) -> bool {
        self.has(Modifier::Reported) || self.has(Modifier::Refuted) || self.has(Modifier::Hypothetical)
    }

    pub fn modifiers(&self) -> impl Iterator<Item = Modifier> + '_ {
        Modifier::ALL.into_iter().filter(|m| self.has(*m))
    }

    /// The mention index of the trigger that set `m`.
    pub fn trigger(&self, m: Modifier) -> Option<usize> {
        let t = self.triggers[m as usize];
        (self.has(m) && t != NO_TRIGGER).then_some(t as usize)
    }
}

/// The longest quotation read as scare quotes rather than speech.
const SCARE_QUOTE_WORDS: usize = 5;

/// How many words a negation reaches forward.
const NEGATION_WINDOW: usize = 8;

pub fn is_trigger(kind: CueKind) -> bool {
    matches!(
        kind,
        CueKind::Negation
            | CueKind::Hypothetical
            | CueKind::Reported
            | CueKind::Refutation
            | CueKind::Terminator
            | CueKind::Hedge
    )
}

/// Computes the context of every mention. `by_sentence[i]` is the mention index range of sentence i.
pub fn apply(doc: &Document, mentions: &[Mention], by_sentence: &[std::ops::Range<usize>]) -> Vec<Context> {
    let mut ctx = vec![Context::default(); mentions.len()];
    let text = doc.text.as_str();
    let mut prev_refutable: Option<std::ops::Range<usize>> = None;
    for (si, range) in by_sentence.iter().enumerate() {
        let sentence = doc.sentences[si].span;
        let quotes = quote_ranges(text, sentence);
        let ms = &mentions[range.clone()];
        let base = range.start;
        for (k, m) in ms.iter().enumerate() {
            if let Some(q) = quotes.iter().find(|q| q.contains(m.span)) {
                ctx[base + k].set(Modifier::Quoted, None);
                // Scare quotes around a short phrase ("natural", "FDA-registered lab") keep the
                // author at a distance from it.
                // A quoted clause that ends in punctuation ("We can finally cure it," he said) is
                // speech the text chooses to print, not scare quotes.
                let inner = text[q.start..q.end]
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ',' | '.' | '!' | '?'));
                let speech = inner.ends_with([',', '.', '!', '?']);
                if !speech && words_between(text, q.start, q.end) <= SCARE_QUOTE_WORDS {
                    ctx[base + k].set(Modifier::Reported, None);
                }
            }
        }
        // Clause boundaries: terminators and semicolons/colons split a sentence.
        let clause_end = |from: usize| -> usize {
            let limit = ms
                .iter()
                .skip(from + 1)
                .find(|m| m.kind == CueKind::Terminator)
                .map_or(sentence.end, |m| m.span.start);
            let start = ms[from].span.end;
            memchr::memchr2(b';', b':', &text.as_bytes()[start..limit]).map_or(limit, |p| start + p)
        };
        let clause_start = |upto: usize| -> usize {
            let limit = ms[..upto]
                .iter()
                .rev()
                .find(|m| m.kind == CueKind::Terminator)
                .map_or(sentence.start, |m| m.span.end);
            let end = ms[upto].span.start;
            memchr::memrchr2(b';', b':', &text.as_bytes()[limit..end]).map_or(limit, |p| limit + p + 1)
        };
        let mut hedge: Option<usize> = None;
        let mut refutation: Option<usize> = None;
        for (k, m) in ms.iter().enumerate() {
            let i = base + k;
            match m.kind {
                CueKind::Negation => {
                    let end = clause_end(k);
                    for (j, t) in ms.iter().enumerate().skip(k + 1) {
                        // A second negation starts its own scope ("no scarring and no infection").
                        if t.span.start >= end
                            || t.kind == CueKind::Negation
                            || words_between(text, m.span.end, t.span.start) > NEGATION_WINDOW
                        {
                            break;
                        }
                        if !is_trigger(t.kind) || t.kind == CueKind::Hedge {
                            ctx[base + j].set(Modifier::Negated, Some(i));
                        }
                    }
                    // A negation that closes its clause reaches back: "Side effects: none.",
                    // "Risiken gibt es keine.", "Zugelassen ist das Produkt nicht."
                    if closes_its_clause(text, m.span.end, sentence.end) {
                        let start = clause_start_before(ms, k, sentence.start, text);
                        for (j, t) in ms.iter().enumerate().take(k).rev() {
                            if t.span.start < start || words_between(text, t.span.end, m.span.start) > NEGATION_WINDOW {
                                break;
                            }
                            if !is_trigger(t.kind) || t.kind == CueKind::Hedge {
                                ctx[base + j].set(Modifier::Negated, Some(i));
                            }
                        }
                    }
                }
                CueKind::Hypothetical => {
                    let end = clause_end(k);
                    for (j, t) in ms.iter().enumerate().skip(k + 1) {
                        if t.span.start >= end {
                            break;
                        }
                        ctx[base + j].set(Modifier::Hypothetical, Some(i));
                    }
                    // One that closes its clause reaches back: "Larger randomized trials are
                    // needed.", "Further studies are warranted."
                    if closes_its_clause(text, m.span.end, sentence.end) {
                        let start = clause_start_before(ms, k, sentence.start, text);
                        for (j, t) in ms.iter().enumerate().take(k) {
                            if t.span.start >= start {
                                ctx[base + j].set(Modifier::Hypothetical, Some(i));
                            }
                        }
                    }
                }
                CueKind::Reported => {
                    // Reported speech reaches forward to the clause end and back to its start.
                    let (start, end) = (clause_start(k), clause_end(k));
                    for (j, t) in ms.iter().enumerate() {
                        if j != k && t.span.start >= start && t.span.end <= end {
                            ctx[base + j].set(Modifier::Reported, Some(i));
                        }
                    }
                }
                CueKind::Hedge if !ctx[i].has(Modifier::Negated) => {
                    hedge.get_or_insert(i);
                }
                CueKind::Refutation => {
                    refutation.get_or_insert(i);
                }
                _ => {}
            }
        }
        // A question asserts nothing: "Approved or not?", "Are there approved exosome therapies?"
        if text[sentence.start..sentence.end]
            .trim_end_matches(['"', '\'', ')', '\u{201D}'])
            .ends_with('?')
        {
            for i in range.clone() {
                ctx[i].set(Modifier::Hypothetical, None);
            }
        }
        if let Some(h) = hedge {
            for i in range.clone() {
                ctx[i].set(Modifier::Hedged, Some(h));
            }
        }
        if let Some(r) = refutation {
            let r_start = mentions[r].span.start;
            // A refutation answers its whole sentence: "Claims that X cures Y are false",
            // "misleading claims that X is approved", "'natural' does not mean harmless".
            for i in range.clone() {
                if i != r && !is_trigger(mentions[i].kind) {
                    ctx[i].set(Modifier::Refuted, Some(r));
                }
            }
            // "Clinics claim X. This is false." refutes the sentence before.
            let words = words_between(text, sentence.start, sentence.end);
            let leading = words_between(text, sentence.start, r_start) <= 3;
            if words <= 8 && leading {
                if let Some(prev) = prev_refutable.take() {
                    for i in prev {
                        ctx[i].set(Modifier::Refuted, Some(r));
                    }
                }
            }
        }
        prev_refutable = Some(range.clone());
    }
    ctx
}

/// Whether a trigger ending at `end` closes its clause ("Side effects: none.", "Larger trials
/// are needed."): then it reaches back over the clause instead of forward.
fn closes_its_clause(text: &str, end: usize, sentence_end: usize) -> bool {
    let rest = text[end..sentence_end].trim_start();
    rest.is_empty() || rest.starts_with(['.', '!', ';', ',', ')'])
}

/// Where the clause holding mention `k` starts: after the previous terminator or semicolon. A colon
/// does not end it here ("Side effects: none" is one statement).
fn clause_start_before(ms: &[Mention], k: usize, sentence_start: usize, text: &str) -> usize {
    let limit = ms[..k]
        .iter()
        .rev()
        .find(|m| m.kind == CueKind::Terminator)
        .map_or(sentence_start, |m| m.span.end);
    let end = ms[k].span.start;
    memchr::memrchr(b';', &text.as_bytes()[limit..end]).map_or(limit, |p| limit + p + 1)
}

/// Counts words (runs of alphanumerics) in `text[start..end]`.
pub fn words_between(text: &str, start: usize, end: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in &text.as_bytes()[start.min(end)..end] {
        let w = b.is_ascii_alphanumeric() || b >= 0x80;
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Ranges between paired quotation marks inside a sentence.
fn quote_ranges(text: &str, sentence: Span) -> Vec<Span> {
    let s = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    // Fast exit: no ASCII quote and no lead byte of a typographic quote or guillemet.
    if memchr::memchr3(b'"', 0xE2, 0xC2, s.as_bytes()).is_none() {
        return out;
    }
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let abs = sentence.start + i;
        match (c, open) {
            ('"', None) | ('\u{201C}', None) | ('\u{201E}', None) | ('\u{00AB}', None) => open = Some(abs),
            ('"', Some(o)) | ('\u{201D}', Some(o)) | ('\u{201C}', Some(o)) | ('\u{00BB}', Some(o)) => {
                out.push(Span::new(o, abs + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    out
}
