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

fn occurrence(name: String, span: Span) -> Occurrence {
    Occurrence { name, span: Some(span) }
}

/// Lower-cased alphanumeric runs of `text[span]` with their spans.
fn tokens(text: &str, span: Span) -> Vec<(String, Span)> {
    let slice = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in slice.char_indices().chain(std::iter::once((slice.len(), ' '))) {
        if ch.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((slice[s..i].to_lowercase(), Span::new(span.start + s, span.start + i)));
        }
    }
    out
}

/// A word long enough to say something ("a" and "1" do not).
fn is_word(token: &str) -> bool {
    token.chars().nth(1).is_some()
}

/// The cue-kind label used in the abstracted sentence.
fn kind_label(kind: CueKind) -> String {
    kind.as_str().to_uppercase()
}

/// The cue kinds that say how a sentence relates things; other cues keep their words.
const ABSTRACTED: [CueKind; 4] = [
    CueKind::Hedge,
    CueKind::Causal,
    CueKind::Correlational,
    CueKind::Negation,
];

/// Features of sentence `s` of an analysis, for claim strength.
pub fn sentence(a: &Analysis, s: usize) -> Vec<Occurrence> {
    let span = a.sentence_span(s);
    let toks = tokens(&a.doc.text, span);
    let mut out = Vec::with_capacity(toks.len() * 5);
    let words: Vec<&(String, Span)> = toks.iter().filter(|(t, _)| is_word(t)).collect();
    for (i, (t, sp)) in words.iter().enumerate() {
        out.push(occurrence(format!("w:{t}"), *sp));
        if let Some((t2, sp2)) = words.get(i + 1) {
            out.push(occurrence(format!("w:{t} {t2}"), Span::new(sp.start, sp2.end)));
        }
    }
    let range = a.by_sentence[s].clone();
    // The abstracted sentence: a cue's tokens become its kind, once per cue.
    let mentions = &a.mentions[range];
    let mut abstracted: Vec<(String, Span)> = Vec::with_capacity(toks.len());
    let mut m = 0;
    for (t, sp) in &toks {
        while m < mentions.len() && mentions[m].span.end <= sp.start {
            m += 1;
        }
        match mentions.get(m) {
            Some(mention) if mention.span.start <= sp.start && ABSTRACTED.contains(&mention.kind) => {
                let label = kind_label(mention.kind);
                if abstracted
                    .last()
                    .is_some_and(|(l, last)| *l == label && last.end > mention.span.start)
                {
                    continue;
                }
                abstracted.push((label, mention.span));
            }
            _ => abstracted.push((t.clone(), *sp)),
        }
    }
    for n in 1..=3 {
        for window in abstracted.windows(n) {
            let name: Vec<&str> = window.iter().map(|(t, _)| t.as_str()).collect();
            out.push(occurrence(
                format!("a:{}", name.join(" ")),
                Span::new(window[0].1.start, window[n - 1].1.end),
            ));
        }
    }
    out
}

/// Features of a whole text, for the expert criteria.
pub fn document(a: &Analysis, findings: &[Finding], rules: &[Criterion]) -> Vec<Occurrence> {
    let text = &a.doc.text;
    let mut out = Vec::new();
    for (t, sp) in tokens(text, Span::new(0, text.len())) {
        if t.bytes().all(|b| b.is_ascii_digit()) {
            out.push(occurrence("n:number".into(), sp));
        } else if is_word(&t) {
            out.push(occurrence(format!("w:{t}"), sp));
        }
    }
    for (i, _) in text.match_indices('%') {
        out.push(occurrence("n:percent".into(), Span::new(i, i + 1)));
    }
    for (m, c) in a.mentions.iter().zip(&a.context) {
        let kind = m.kind.as_str();
        out.push(occurrence(format!("c:{kind}"), m.span));
        for modifier in c.modifiers() {
            out.push(occurrence(format!("c:{kind}~{}", modifier.as_str()), m.span));
        }
    }
    for f in findings {
        out.push(occurrence(format!("f:{}~{}", f.code, f.severity.as_str()), f.span));
    }
    for r in rules {
        out.push(Occurrence {
            name: format!("r:{}~{}", r.key, r.verdict.as_str()),
            span: r.spans.first().copied(),
        });
    }
    for claim in &a.claims {
        out.push(occurrence(format!("k:{}", claim.strength.as_str()), claim.span));
        if claim.hedged {
            out.push(occurrence("k:hedged".into(), claim.span));
        }
    }
    out
}
