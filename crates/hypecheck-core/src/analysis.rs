//! The analysis: what the stages up to the claims found in one document (its mentions, their
//! context, the sentences' mentions and the claims). Checks read it; the pipeline that fills it
//! lives in [`crate::checker`].

use std::ops::Range;

use hypecheck_kb::{Entry, KnowledgeBase};

use crate::claims::{self, Claim};
use crate::context::{self, Context};
use crate::document::{Document, Span};
use crate::lexicon::{CueKind, Matcher, Mention};

/// Everything a check may look at. Checks read it; they never print or read files.
pub struct Analysis<'a> {
    pub doc: &'a Document,
    pub kb: &'a KnowledgeBase,
    pub mentions: Vec<Mention>,
    pub context: Vec<Context>,
    /// Mention index range of each sentence.
    pub by_sentence: Vec<Range<usize>>,
    pub claims: Vec<Claim>,
    /// Interventions named anywhere in the text, each once, in order of first mention.
    interventions: Vec<u32>,
    /// Where the text speaks of harms of the treatment, found once by the checks that read it
    /// (`checks::util::harm_talk`).
    pub harm_talk: std::sync::OnceLock<Vec<HarmTalk>>,
}

/// Where the text speaks of a harm of the intervention: one per sentence, in order.
#[derive(Debug, Clone, Copy)]
pub struct HarmTalk {
    pub mention: usize,
    pub sentence: usize,
    /// The sentence names the harm ("nausea", "infections") or gives a number, rather than only
    /// saying that "side effects" exist.
    pub specific: bool,
    /// The sentence says how often a harm it names happened ("occurred in 7 patients (5.3%)"):
    /// the harm is quantified, as reviewers ask.
    pub counted: bool,
}

impl<'a> Analysis<'a> {
    pub fn run(doc: &'a Document, kb: &'a KnowledgeBase, matcher: &Matcher) -> Analysis<'a> {
        Analysis::from_mentions(doc, kb, matcher.find(&doc.text))
    }

    /// The analysis over mentions found by one or more matchers (mixed-language texts).
    pub fn from_mentions(doc: &'a Document, kb: &'a KnowledgeBase, mentions: Vec<Mention>) -> Analysis<'a> {
        let by_sentence = group_by_sentence(doc, &mentions);
        let context = context::apply(doc, &mentions, &by_sentence);
        let claims = claims::extract(doc, &mentions, &context, &by_sentence);
        let mut interventions: Vec<u32> = Vec::new();
        for m in mentions.iter().filter(|m| m.kind == CueKind::Intervention) {
            if let Some(e) = m.entry {
                if !interventions.contains(&e) {
                    interventions.push(e);
                }
            }
        }
        Analysis {
            doc,
            kb,
            mentions,
            context,
            by_sentence,
            claims,
            interventions,
            harm_talk: std::sync::OnceLock::new(),
        }
    }

    /// Mentions of one kind with their index and context.
    pub fn cues(&self, kind: CueKind) -> impl Iterator<Item = (usize, &Mention, &Context)> + '_ {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.kind == kind)
            .map(|(i, m)| (i, m, &self.context[i]))
    }

    /// Whether any cue of `kind` is stated by the author (not negated, reported, refuted or supposed).
    pub fn any_asserted(&self, kind: CueKind) -> bool {
        self.cues(kind).any(|(_, _, c)| c.asserted())
    }

    pub fn entry(&self, idx: u32) -> &'a Entry {
        &self.kb.entries()[idx as usize]
    }

    pub fn sentence_of(&self, mention: usize) -> usize {
        self.by_sentence
            .partition_point(|r| r.end <= mention)
            .min(self.by_sentence.len().saturating_sub(1))
    }

    pub fn sentence_span(&self, sentence: usize) -> Span {
        self.doc.sentences[sentence].span
    }

    /// Interventions named anywhere in the text, each once, in order of first mention.
    pub fn interventions(&self) -> &[u32] {
        &self.interventions
    }

    /// The claim made by sentence `s`, if any.
    pub fn claim_in(&self, s: usize) -> Option<&Claim> {
        let i = self.claims.partition_point(|c| c.sentence < s);
        self.claims.get(i).filter(|c| c.sentence == s)
    }

    /// Mentions in sentence `s` with their index.
    pub fn in_sentence(&self, s: usize) -> impl Iterator<Item = (usize, &Mention, &Context)> + '_ {
        self.by_sentence[s]
            .clone()
            .map(move |i| (i, &self.mentions[i], &self.context[i]))
    }
}

fn group_by_sentence(doc: &Document, mentions: &[Mention]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut i = 0;
    for s in &doc.sentences {
        while i < mentions.len() && mentions[i].span.start < s.span.start {
            i += 1; // between sentences (whitespace only); cannot happen for non-empty matches
        }
        let start = i;
        while i < mentions.len() && mentions[i].span.start < s.span.end {
            i += 1;
        }
        out.push(start..i);
    }
    out
}
