//! The pipeline, one direction: ingest -> document -> match -> context -> claims (the
//! [`Analysis`]) -> checks -> criteria -> learned models -> report. [`Checker`] holds what the
//! stages need (compiled lexicons, knowledge base, catalogs, models) and runs them.

use std::ops::Range;
use std::sync::Arc;

use hypecheck_kb::KnowledgeBase;

use crate::analysis::Analysis;
use crate::checks::{self, Finding};
use crate::claims::{self, ClaimStrength};
use crate::criteria::{self, Criterion, CriterionKey, CriterionVerdict};
use crate::document::{Document, Span};
use crate::i18n::Catalog;
use crate::ingest::{self, InputError, InputFormat};
use crate::language::{self, Language};
use crate::learn::deep::{Method, SentenceClassifier, Tier};
use crate::learn::{self, features::Occurrence, Models};
use crate::lexicon::{Lexicon, LexiconError, Matcher, Mention};
use crate::report::{self, Report};

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
    /// Set by the caller to stop the analysis (a server whose client went away or whose request
    /// timed out): the analysis looks at it between stages and between checks, and ends with
    /// [`InputError::Cancelled`].
    pub cancel: Option<Cancel>,
    /// Apply the editorial rule (no dosing, usage or sourcing information) as a publisher's
    /// policy: the report's compliance section then says when the text breaks it.
    pub editorial_rule: bool,
    /// Checks turned off (a team's configuration): they do not run, so their findings neither
    /// appear nor count towards any verdict; the report's method notes name them.
    pub disabled_checks: Vec<crate::checks::Code>,
    /// Warn about suppression comments in the text that suppress nothing.
    pub report_unused_suppressions: bool,
    /// A team's severity for a check's shortcomings (`[severity]` in the configuration): its
    /// concerns, failures and notes all take this severity, and the verdicts follow. Positive
    /// findings keep theirs: a merit is not made a fault.
    pub severity_overrides: Vec<(crate::checks::Code, crate::checks::Severity)>,
}

/// A flag a caller sets to stop an analysis under way (cheap to clone and share).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<std::sync::atomic::AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Options {
    /// Whether the caller has cancelled this analysis.
    fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(Cancel::is_cancelled)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            input_format: None,
            max_bytes: 16 * 1024 * 1024,
            text_language: None,
            report_language: None,
            cancel: None,
            editorial_rule: false,
            disabled_checks: Vec::new(),
            report_unused_suppressions: false,
            severity_overrides: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Catalog(#[from] crate::i18n::CatalogError),
    #[error(transparent)]
    Model(#[from] crate::learn::ModelsError),
}

/// What the text's suppression comments did over both phases of checks: which were used, and
/// how many findings they dropped. Told as warnings once, when the report is built.
struct Suppressed {
    used: Vec<bool>,
    dropped: usize,
}

impl Suppressed {
    fn new(ingested: &ingest::Ingested) -> Suppressed {
        Suppressed {
            used: vec![false; ingested.suppressions.len()],
            dropped: 0,
        }
    }

    /// The warnings: how many findings were suppressed, and (when asked) the comments that
    /// suppressed nothing.
    fn warn(self, ingested: &mut ingest::Ingested, report_unused: bool) {
        if self.dropped > 0 {
            ingested
                .warnings
                .push(ingest::IngestWarning::Suppressed { findings: self.dropped });
        }
        if report_unused {
            for (s, used) in ingested.suppressions.iter().zip(self.used) {
                if !used {
                    ingested
                        .warnings
                        .push(ingest::IngestWarning::UnusedSuppression { line: s.line });
                }
            }
        }
    }
}

/// What a team chose for its texts, applied to findings: the severity overrides, then the text's
/// suppression comments (a suppressed finding is dropped and counted in `suppressed`).
fn team_choices(
    findings: &mut Vec<Finding>,
    ingested: &ingest::Ingested,
    options: &Options,
    suppressed: &mut Suppressed,
) {
    for f in findings.iter_mut() {
        let over = options.severity_overrides.iter().find(|(code, _)| *code == f.code);
        if let Some(&(_, severity)) = over.filter(|_| f.severity != checks::Severity::Positive) {
            f.severity = severity;
        }
    }
    if ingested.suppressions.is_empty() {
        return;
    }
    let before = findings.len();
    findings.retain(|f| {
        let Some(at) = ingested.source_map.source_offset(f.span.start) else {
            return true;
        };
        let by = ingested.suppressions.iter().position(|s| {
            s.range.contains(&at) && (s.codes.is_empty() || s.codes.iter().any(|c| c == f.code.as_str()))
        });
        if let Some(i) = by {
            suppressed.used[i] = true;
        }
        by.is_none()
    });
    suppressed.dropped += before - findings.len();
}

/// The findings the checks' second phase adds (see [`checks::Check::run_on_reading`]), from
/// the criteria as the learned model answered them (`learned`), else none.
fn second_phase(
    analysis: &Analysis,
    findings: &[Finding],
    criteria: &[Criterion],
    learned: bool,
    options: &Options,
) -> Vec<Finding> {
    // The learned criteria the questions weigh: harms for risks (where, in cross-validation on
    // the reviewers' ratings, the model read harms better than the rules; on evidence and
    // sensational language it did not).
    const READ: [(CriterionKey, checks::Question); 1] = [(CriterionKey::Harms, checks::Question::Risks)];
    let reading = checks::ReviewersReading {
        short_of: READ
            .iter()
            .filter_map(|&(key, question)| {
                let c = criteria.iter().find(|c| c.key == key)?;
                Some((question, c.short_of.filter(|_| learned)?))
            })
            .collect(),
    };
    checks::run_on_reading(analysis, findings, &reading, &options.disabled_checks)
}

/// What the criteria model reads of one text, and what the rules answered without it.
pub struct DocumentFeatures {
    pub features: Vec<Occurrence>,
    /// The rules' verdict on each criterion, in the reviewers' order.
    pub rules: Vec<(CriterionKey, CriterionVerdict)>,
}

/// What one run of the pipeline produced before the criteria are answered and the report built.
struct Pass<'d> {
    analysis: Analysis<'d>,
    /// Which tier gave each claim its strength, in claim order.
    claim_tiers: Vec<Tier>,
    /// The tier of the claim strengths, and why the deep tier fell short where it did.
    strength_method: Method,
    findings: Vec<Finding>,
    /// Findings each check left out beyond its budget.
    omitted: Vec<checks::Omitted>,
    rules: Vec<Criterion>,
    text_language: Language,
    sentence_languages: Vec<Language>,
    /// The input's format, size and warnings (its text now lives in the analysis' document).
    ingested: ingest::Ingested,
    suppressed: Suppressed,
}

/// The compiled matcher of one text language and the catalog and sources of one report language.
struct LanguagePack {
    language: Language,
    /// Compiled on first use: building a language's automaton is most of a checker's start
    /// (about 20 ms each), and most runs read one language.
    matcher: std::sync::OnceLock<Matcher>,
    lexicon: Lexicon,
    catalog: Catalog,
    sources: report::Sources,
}

impl LanguagePack {
    fn matcher(&self, kb: &KnowledgeBase) -> &Matcher {
        self.matcher.get_or_init(|| Matcher::new(&self.lexicon, kb))
    }
}

/// A ready-to-use checker: compiled lexicons, knowledge base and catalogs for English and German.
/// Build once, share freely (it is `Send + Sync`).
pub struct Checker {
    kb: KnowledgeBase,
    packs: Vec<LanguagePack>,
    models: Models,
    /// The deep tier's classifier, when the caller supplied one.
    deep: Option<Arc<dyn SentenceClassifier>>,
}

impl Checker {
    /// The checker with the embedded lexicons and catalogs over `kb`.
    pub fn new(kb: KnowledgeBase) -> Result<Checker, SetupError> {
        Checker::with_lexicons(kb, Vec::new())
    }

    /// The checker with the given lexicons (one per language; missing languages use the embedded one).
    pub fn with_lexicons(kb: KnowledgeBase, lexicons: Vec<Lexicon>) -> Result<Checker, SetupError> {
        Checker::build(kb, lexicons, Models::embedded()?)
    }

    /// The checker that answers by rules alone, without loading the embedded models (which is
    /// how `hypecheck train` starts when the features changed and the models are stale).
    pub fn rules_only(kb: KnowledgeBase, lexicons: Vec<Lexicon>) -> Result<Checker, SetupError> {
        Checker::build(kb, lexicons, Models::default())
    }

    fn build(kb: KnowledgeBase, lexicons: Vec<Lexicon>, models: Models) -> Result<Checker, SetupError> {
        let mut packs = Vec::new();
        for language in Language::ALL {
            let lexicon = match lexicons.iter().find(|l| l.lang == language.as_str()) {
                Some(l) => l.clone(),
                None => Lexicon::embedded(language.as_str())?,
            };
            let catalog = Catalog::embedded(language.as_str())?;
            packs.push(LanguagePack {
                language,
                matcher: std::sync::OnceLock::new(),
                lexicon,
                sources: report::Sources::new(&kb, &catalog),
                catalog,
            });
        }
        Ok(Checker {
            kb,
            packs,
            models,
            deep: None,
        })
    }

    /// The same checker reading the strength of English claims with a deep-tier classifier (the
    /// fast tier's model stays in place for the expert criteria and as the fallback).
    pub fn with_deep(mut self, classifier: Arc<dyn SentenceClassifier>) -> Checker {
        self.deep = Some(classifier);
        self
    }

    /// The same checker with other learned models (`Models::default()` answers by rules alone).
    pub fn with_models(mut self, models: Models) -> Checker {
        self.models = models;
        self
    }

    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    fn pack(&self, language: Language) -> &LanguagePack {
        self.packs
            .iter()
            .find(|p| p.language == language)
            .unwrap_or(&self.packs[0])
    }

    /// The message catalog of a report language.
    pub fn catalog(&self, language: Language) -> &Catalog {
        &self.pack(language).catalog
    }

    /// Checks raw input bytes.
    pub fn check_bytes(&self, input: &[u8], options: &Options) -> Result<Report, InputError> {
        self.check_into(input, options, learn::Explain::Drivers, report::build)
    }

    /// What a scan counts of [`Checker::check_bytes`]'s report, without building its words.
    pub fn tally_bytes(&self, input: &[u8], options: &Options) -> Result<report::Tally, InputError> {
        // The tally keeps the criteria's verdicts, not the features that drove them.
        self.check_into(input, options, learn::Explain::VerdictOnly, report::tally)
    }

    /// The whole pipeline, ending in `finish` (the report, or its tally).
    fn check_into<R>(
        &self,
        input: &[u8],
        options: &Options,
        explain: learn::Explain,
        finish: impl FnOnce(&Analysis, Vec<Finding>, report::Context) -> R,
    ) -> Result<R, InputError> {
        let cancelled = || options.cancelled();
        self.run(input, options, |pass| {
            let Pass {
                analysis,
                claim_tiers,
                strength_method,
                mut findings,
                omitted,
                rules,
                text_language,
                sentence_languages,
                mut ingested,
                mut suppressed,
            } = pass;
            let criteria = self.criteria(&analysis, &findings, rules, text_language, explain, &cancelled);
            // A cancel while the criteria model read the text left its answers incomplete.
            if cancelled() {
                return Err(InputError::Cancelled);
            }
            let learned = self.learns_criteria(text_language);
            let mut added = second_phase(&analysis, &findings, &criteria, learned, options);
            team_choices(&mut added, &ingested, options, &mut suppressed);
            findings.extend(added);
            findings.sort_by_key(|f| (f.span.start, f.code));
            suppressed.warn(&mut ingested, options.report_unused_suppressions);
            let method = Method {
                criteria: if learned { Tier::Fast } else { Tier::Rules },
                ..strength_method
            };
            let mut languages: Vec<Language> = Vec::new();
            for l in std::iter::once(text_language).chain(sentence_languages.iter().copied()) {
                if !languages.contains(&l) {
                    languages.push(l);
                }
            }
            let pack = self.pack(options.report_language.unwrap_or(text_language));
            Ok(finish(
                &analysis,
                findings,
                report::Context {
                    catalog: &pack.catalog,
                    sources: &pack.sources,
                    format: ingested.format,
                    source_bytes: ingested.source_bytes,
                    span_basis: ingested.span_basis(),
                    source_map: ingested.source_map,
                    disabled_checks: options.disabled_checks.clone(),
                    warnings: ingested.warnings,
                    text_language,
                    text_languages: languages,
                    criteria,
                    method,
                    claim_tiers,
                    omitted,
                    editorial_rule: options.editorial_rule,
                },
            ))
        })?
    }

    /// The pipeline up to the checks' findings and the rule answers to the criteria, handed to
    /// `finish` (which builds the report, or the features for training).
    fn run<R>(&self, input: &[u8], options: &Options, finish: impl FnOnce(Pass<'_>) -> R) -> Result<R, InputError> {
        let cancelled = || options.cancelled();
        let stop = || {
            if cancelled() {
                Err(InputError::Cancelled)
            } else {
                Ok(())
            }
        };
        let mut ingested = ingest::ingest_cancellable(input, options.input_format, options.max_bytes, &cancelled)?;
        stop()?;
        let doc =
            Document::new_cancellable(std::mem::take(&mut ingested.text), &cancelled).ok_or(InputError::Cancelled)?;
        let (text_language, sentence_languages) =
            sentence_languages(&doc, options.text_language, &cancelled).ok_or(InputError::Cancelled)?;
        let (analysis, claim_tiers, strength_method) = self.analyse(&doc, &sentence_languages);
        stop()?;
        if analysis.mentions.len() >= crate::lexicon::MAX_MENTIONS {
            let read_bytes = analysis.mentions.last().map_or(0, |m| m.span.end);
            ingested.warnings.push(ingest::IngestWarning::TooManyCues {
                cues: analysis.mentions.len(),
                read_bytes,
            });
        }
        let (mut findings, omitted) = checks::run_all(&analysis, &cancelled, &options.disabled_checks);
        stop()?;
        let mut suppressed = Suppressed::new(&ingested);
        team_choices(&mut findings, &ingested, options, &mut suppressed);
        let rules = criteria::assess(&analysis, &findings);
        Ok(finish(Pass {
            analysis,
            claim_tiers,
            strength_method,
            findings,
            omitted,
            rules,
            text_language,
            sentence_languages,
            ingested,
            suppressed,
        }))
    }

    /// Matching, context and claims. English claims get their strength from the deep tier's
    /// classifier when the checker has one, else from the fast tier's model; the tier of each
    /// claim comes back with the analysis.
    fn analyse<'d>(&'d self, doc: &'d Document, sentence_languages: &[Language]) -> (Analysis<'d>, Vec<Tier>, Method) {
        let mentions = self.find_mentions(doc, sentence_languages);
        let mut analysis = Analysis::from_mentions(doc, &self.kb, mentions);
        let english = |s: usize| sentence_languages.get(s) == Some(&Language::En);
        let fast = if self.models.claim_strength.is_some() {
            Tier::Fast
        } else {
            Tier::Rules
        };
        let mut method = Method {
            claim_strength: match (sentence_languages.contains(&Language::En), &self.deep) {
                (false, _) => Tier::Rules,
                (true, Some(_)) => Tier::Deep,
                (true, None) => fast,
            },
            criteria: Tier::Rules,
            deep_skipped_language: self.deep.is_some() && sentence_languages.iter().any(|&l| l != Language::En),
            deep_failed: None,
        };
        if let (Tier::Deep, Some(deep)) = (method.claim_strength, &self.deep) {
            if let Err(e) = deep_strengths(&mut analysis, deep.as_ref(), &english) {
                method.deep_failed = Some(e);
                method.claim_strength = fast;
            }
        }
        if method.claim_strength == Tier::Fast {
            self.fast_strengths(&mut analysis, &english);
        }
        let tiers = analysis
            .claims
            .iter()
            .map(|c| {
                if english(c.sentence) {
                    method.claim_strength
                } else {
                    Tier::Rules
                }
            })
            .collect();
        (analysis, tiers, method)
    }

    /// The fast tier's claim strengths: the linear model's reading combined with the rules'.
    fn fast_strengths(&self, analysis: &mut Analysis, english: &impl Fn(usize) -> bool) {
        // Claims come in sentence order; a sentence with several claims is read by the model once.
        let mut read: Option<(usize, SentenceReading)> = None;
        for i in 0..analysis.claims.len() {
            let (s, rule) = (analysis.claims[i].sentence, analysis.claims[i].strength);
            if !english(s) {
                continue;
            }
            if read.as_ref().is_none_or(|(at, _)| *at != s) {
                read = self.read_sentences(analysis, s..s + 1).map(|r| (s, r));
            }
            if let Some((_, reading)) = &read {
                let strength = reading.strength(rule);
                let claim = &mut analysis.claims[i];
                claim.strength = strength;
                claim.hedged |= strength == ClaimStrength::ConditionalCausal;
            }
        }
    }

    /// What the claim-strength model reads in some sentences; none without a claim-strength model.
    fn read_sentences<'m>(&'m self, analysis: &Analysis, sentences: Range<usize>) -> Option<SentenceReading<'m>> {
        let model = self.models.claim_strength.as_ref()?;
        let head = model.head(learn::CLAIM_STRENGTH)?;
        let x = learn::Features::vector(&model.vocabulary, |sink| {
            for s in sentences.clone() {
                learn::features::sentence_into(analysis, s, sink);
            }
        });
        Some(SentenceReading {
            classes: &head.classes,
            probabilities: head.probabilities(&x),
            promise: promises_in(analysis, sentences),
        })
    }

    /// The claim strength of some sentences by the model, combined with the rules' answer; none
    /// without a claim-strength model.
    fn learned_strength(
        &self,
        analysis: &Analysis,
        sentences: Range<usize>,
        rule: ClaimStrength,
    ) -> Option<ClaimStrength> {
        Some(self.read_sentences(analysis, sentences)?.strength(rule))
    }

    /// Whether the learned model answers the expert criteria of a text in this language.
    fn learns_criteria(&self, text_language: Language) -> bool {
        self.models.criteria.is_some() && text_language == Language::En
    }

    /// The ten expert criteria: by the learned model for English texts, by rules otherwise.
    fn criteria(
        &self,
        analysis: &Analysis,
        findings: &[Finding],
        rules: Vec<Criterion>,
        text_language: Language,
        explain: learn::Explain,
        cancelled: &dyn Fn() -> bool,
    ) -> Vec<Criterion> {
        match &self.models.criteria {
            Some(model) if text_language == Language::En => learn::criteria::answer(
                analysis,
                findings,
                rules,
                model,
                self.models.criteria_heads(),
                explain,
                cancelled,
            ),
            _ => rules,
        }
    }

    /// The features the criteria model reads for a text (for `hypecheck train`) and the rules'
    /// answers to the criteria, or the input error.
    pub fn document_features(&self, text: &str, options: &Options) -> Result<DocumentFeatures, InputError> {
        self.run(text.as_bytes(), options, |p| DocumentFeatures {
            features: learn::features::document(&p.analysis, &p.findings, &p.rules),
            rules: p.rules.iter().map(|r| (r.key, r.verdict)).collect(),
        })
    }

    /// The features the claim-strength model reads for a sentence (or short passage).
    pub fn sentence_features(&self, sentence: &str, language: Language) -> Vec<Occurrence> {
        self.with_passage(sentence, language, |analysis| {
            (0..analysis.doc.sentences.len())
                .flat_map(|s| learn::features::sentence(analysis, s))
                .collect()
        })
    }

    /// Matching, context and claims over one sentence (or short passage), handed to `inspect`.
    fn with_passage<R>(&self, passage: &str, language: Language, inspect: impl FnOnce(&Analysis) -> R) -> R {
        let doc = Document::new(passage.to_string());
        inspect(&Analysis::run(&doc, &self.kb, self.pack(language).matcher(&self.kb)))
    }

    /// The claim strength of one sentence (or short passage) and whether it is hedged, from the
    /// same cues and context the checks use (and the deep tier's reading, when the checker has one).
    pub fn claim_strength(&self, sentence: &str, language: Language) -> (ClaimStrength, bool) {
        self.with_passage(sentence, language, |analysis| {
            let (rule, hedged) = claims::sentence_strength(&analysis.mentions, &analysis.context);
            let sentences = 0..analysis.doc.sentences.len();
            let deep = || {
                let p = self.deep.as_ref()?.probabilities(&[sentence]).ok()?.pop()?;
                let promise = promises_in(analysis, sentences.clone());
                Some(learn::combine_strength(
                    rule,
                    promise,
                    learn::deep::dataset_classes(),
                    &p,
                ))
            };
            let learned = (language == Language::En)
                .then(|| deep().or_else(|| self.learned_strength(analysis, sentences.clone(), rule)))
                .flatten();
            match learned {
                Some(strength) => (strength, hedged || strength == ClaimStrength::ConditionalCausal),
                None => (rule, hedged),
            }
        })
    }

    /// The rules' claim strength of a sentence and whether it promises an effect outright (what
    /// the shipped strength combines with the model's answer; for cross-validation).
    pub fn rule_strength(&self, sentence: &str, language: Language) -> (ClaimStrength, bool) {
        self.with_passage(sentence, language, |analysis| {
            let (rule, _) = claims::sentence_strength(&analysis.mentions, &analysis.context);
            (rule, promises_in(analysis, 0..analysis.doc.sentences.len()))
        })
    }

    /// Runs the shipped pipeline up to the checks on a plain text in a given language and hands
    /// the analysis to `inspect` (for the checks' own tests, which must see what ships).
    #[cfg(test)]
    pub(crate) fn inspect<R>(&self, text: &str, language: Language, inspect: impl FnOnce(&Analysis) -> R) -> R {
        let options = Options {
            input_format: Some(InputFormat::Text),
            text_language: Some(language),
            ..Options::default()
        };
        self.run(text.as_bytes(), &options, |pass| inspect(&pass.analysis))
            .expect("a short test text is valid input")
    }

    /// Checks a text that is already a string.
    pub fn check_text(&self, text: &str, options: &Options) -> Result<Report, InputError> {
        self.check_bytes(text.as_bytes(), options)
    }

    /// Runs each language's matcher over the runs of sentences in that language.
    fn find_mentions(&self, doc: &Document, languages: &[Language]) -> Vec<Mention> {
        let Some(&first) = languages.first() else {
            return Vec::new();
        };
        if languages.iter().all(|&l| l == first) {
            return self.pack(first).matcher(&self.kb).find(&doc.text);
        }
        // Each language's text is prepared once, however many runs alternate.
        let mut prepared: Vec<(Language, crate::lexicon::Prepared)> = Vec::new();
        let mut out = Vec::new();
        let mut run_start = 0;
        for i in 1..=languages.len() {
            if i == languages.len() || languages[i] != languages[run_start] {
                let language = languages[run_start];
                let matcher = self.pack(language).matcher(&self.kb);
                if !prepared.iter().any(|(l, _)| *l == language) {
                    prepared.push((language, matcher.prepare(&doc.text)));
                }
                let text = &prepared.iter().find(|(l, _)| *l == language).unwrap().1;
                let start = doc.sentences[run_start].span.start;
                let end = doc.sentences[i - 1].span.end;
                out.extend(matcher.scan(text, start, end));
                run_start = i;
            }
        }
        out
    }
}

/// Whether one of some sentences promises an effect outright (each sentence judged on its own, so
/// a hedge in one does not soften another).
/// The claim-strength model's reading of some sentences, before it is combined with the rules'.
struct SentenceReading<'m> {
    classes: &'m [String],
    probabilities: Vec<f64>,
    promise: bool,
}

impl SentenceReading<'_> {
    fn strength(&self, rule: ClaimStrength) -> ClaimStrength {
        learn::combine_strength(rule, self.promise, self.classes, &self.probabilities)
    }
}

fn promises_in(analysis: &Analysis, sentences: Range<usize>) -> bool {
    sentences.into_iter().any(|s| {
        let range = analysis.by_sentence[s].clone();
        claims::promises(&analysis.mentions[range.clone()], &analysis.context[range])
    })
}

/// The deep tier's claim strengths: every English sentence with a claim is read once, all in one
/// call, and its reading combined with the rules' as the fast tier's is.
fn deep_strengths(
    analysis: &mut Analysis,
    deep: &dyn SentenceClassifier,
    english: &impl Fn(usize) -> bool,
) -> Result<(), String> {
    let mut sentences: Vec<usize> = analysis
        .claims
        .iter()
        .map(|c| c.sentence)
        .filter(|&s| english(s))
        .collect();
    sentences.dedup();
    if sentences.is_empty() {
        return Ok(());
    }
    let doc = analysis.doc;
    let texts: Vec<&str> = sentences.iter().map(|&s| doc.slice(doc.sentences[s].span)).collect();
    let probabilities = deep.probabilities(&texts)?;
    if probabilities.len() != texts.len() {
        return Err(format!(
            "the deep classifier answered {} of {} sentences",
            probabilities.len(),
            texts.len()
        ));
    }
    // Claims come in sentence order, so one walk pairs each with its sentence's reading.
    let mut readings = sentences.iter().zip(&probabilities).peekable();
    for i in 0..analysis.claims.len() {
        let s = analysis.claims[i].sentence;
        while readings.next_if(|(&at, _)| at < s).is_some() {}
        let Some(&(_, p)) = readings.peek().filter(|(&at, _)| at == s) else {
            continue;
        };
        let promise = promises_in(analysis, s..s + 1);
        let claim = &mut analysis.claims[i];
        claim.strength = learn::combine_strength(claim.strength, promise, learn::deep::dataset_classes(), p);
        claim.hedged |= claim.strength == ClaimStrength::ConditionalCausal;
    }
    Ok(())
}

/// The text's main language and the language of each sentence. Each block (paragraph, list item,
/// heading) is detected on its own where its words say enough, so mixed texts are read sentence by
/// sentence; a forced language applies to all.
/// How much of each block language detection reads (about forty words).
const LANGUAGE_SAMPLE_BYTES: usize = 256;

fn sentence_languages(
    doc: &Document,
    forced: Option<Language>,
    cancelled: &dyn Fn() -> bool,
) -> Option<(Language, Vec<Language>)> {
    if let Some(l) = forced {
        return Some((l, vec![l; doc.sentences.len()]));
    }
    // Each sentence gets its block's language (`None`: the block's words did not tell); counted
    // once per block, the whole text's counts are the sum. One byte per sentence: a text of
    // millions of lines must not need a record per block.
    let mut block_languages: Vec<Option<Language>> = Vec::with_capacity(doc.sentences.len());
    // Blocks of several sentences whose opening sample saw both languages, by first sentence.
    let mut mixed_openings: Vec<usize> = Vec::new();
    let (mut en_total, mut de_total) = (0, 0);
    let mut i = 0;
    let mut blocks = 0usize;
    while i < doc.sentences.len() {
        if blocks.is_multiple_of(16_384) && cancelled() {
            return None;
        }
        blocks += 1;
        let block = doc.sentences[i].block;
        let mut j = i;
        while j < doc.sentences.len() && doc.sentences[j].block == block {
            j += 1;
        }
        let span = Span::new(doc.sentences[i].span.start, doc.sentences[j - 1].span.end);
        // The opening words of a block tell its language; reading on costs time and changes nothing.
        let block_text = doc.slice(span);
        let sample = &block_text[..crate::ingest::floor_char_boundary(block_text, LANGUAGE_SAMPLE_BYTES)];
        let (en, de) = language::function_word_counts(sample);
        en_total += en;
        de_total += de;
        block_languages.extend(std::iter::repeat_n(language::decide(en, de), j - i));
        if en > 0 && de > 0 {
            mixed_openings.push(i);
        }
        i = j;
    }
    let main = language::decide(en_total, de_total).unwrap_or(if de_total > en_total {
        Language::De
    } else {
        Language::En
    });
    let mut out: Vec<Language> = block_languages.into_iter().map(|l| l.unwrap_or(main)).collect();
    // A paragraph may switch language between sentences ("The study is small. Die Studie ist
    // klein."): a sentence whose own words clearly say the other language is read in it.
    // The block's sample decided by its first sentence (counting stops after a few function
    // words), which is looked at again only when the sample saw both languages.
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let opens_block = s == 0 || doc.sentences[s - 1].block != sentence.block;
        let closes_block = doc.sentences.get(s + 1).is_none_or(|next| next.block != sentence.block);
        // A sentence alone in its block, or opening a block its sample read in one language, keeps
        // the block's language.
        if opens_block && (closes_block || mixed_openings.binary_search(&s).is_err()) {
            continue;
        }
        let text = doc.slice(sentence.span);
        let sample = &text[..crate::ingest::floor_char_boundary(text, SENTENCE_SAMPLE_BYTES)];
        let (en, de) = language::function_word_counts(sample);
        if let Some(own) = language::decide(en, de).filter(|_| en + de >= SENTENCE_EVIDENCE) {
            out[s] = own;
        }
    }
    Some((main, out))
}

/// How much of a sentence in a paragraph of several is read to tell its own language, and how many
/// function words it must show: enough that a quoted foreign phrase does not switch it.
const SENTENCE_SAMPLE_BYTES: usize = 96;
const SENTENCE_EVIDENCE: usize = 2;
