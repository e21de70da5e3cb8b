//! The pipeline: ingest -> document -> match -> context -> claims -> checks -> verdict -> report.

use std::ops::Range;

use hypecheck_kb::{Entry, KnowledgeBase};

use crate::checks::{self, Finding};
use crate::claims::{self, Claim};
use crate::context::{self, Context};
use crate::document::{Document, Span};
use crate::i18n::Catalog;
use crate::ingest::{self, InputError, InputFormat};
use crate::language::Language;
use crate::lexicon::{CueKind, Lexicon, LexiconError, Matcher, Mention};
use crate::report::{self, Report};

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
}

impl<'a> Analysis<'a> {
    pub fn run(doc: &'a Document, kb: &'a KnowledgeBase, matcher: &Matcher) -> Analysis<'a> {
        let mentions = matcher.find(&doc.text);
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

/// Options of one check run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Force the input format; `None` detects it.
    pub input_format: Option<InputFormat>,
    pub max_bytes: usize,
    /// The text's language; `None` detects it (block by block for mixed texts).
    pub text_language: Option<Language>,
    /// The report's language; `None` reports in the text's language.
    pub report_language: Option<Language>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            input_format: None,
            max_bytes: 16 * 1024 * 1024,
            text_language: None,
            report_language: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Catalog(#[from] crate::i18n::CatalogError),
}

/// A ready-to-use checker: compiled lexicons, knowledge base and catalogs. Build once, share freely.
pub struct Checker {
    kb: KnowledgeBase,
    matcher: Matcher,
    catalog: Catalog,
    sources: report::Sources,
}

impl Checker {
    /// The checker with the embedded lexicons and catalogs over `kb`.
    pub fn new(kb: KnowledgeBase) -> Result<Checker, SetupError> {
        let lexicon = Lexicon::embedded("en")?;
        Checker::with_lexicon(kb, lexicon)
    }

    pub fn with_lexicon(kb: KnowledgeBase, lexicon: Lexicon) -> Result<Checker, SetupError> {
        let matcher = Matcher::new(&lexicon, &kb);
        let catalog = Catalog::embedded("en")?;
        let sources = report::Sources::new(&kb, &catalog.lang);
        Ok(Checker {
            kb,
            matcher,
            catalog,
            sources,
        })
    }

    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Checks raw input bytes.
    pub fn check_bytes(&self, input: &[u8], options: &Options) -> Result<Report, InputError> {
        let ingested = ingest::ingest(input, options.input_format, options.max_bytes)?;
        let doc = Document::new(ingested.text);
        let analysis = Analysis::run(&doc, &self.kb, &self.matcher);
        let findings: Vec<Finding> = checks::run_all(&analysis);
        Ok(report::build(
            &analysis,
            findings,
            &self.catalog,
            &self.sources,
            ingested.format,
            ingested.source_bytes,
            ingested.warnings,
        ))
    }

    /// Checks a text that is already a string.
    pub fn check_text(&self, text: &str, options: &Options) -> Result<Report, InputError> {
        self.check_bytes(text.as_bytes(), options)
    }
}
