//! Lexicons and the one-pass matcher.
//!
//! Every pattern of a language (the lexicon files plus the knowledge base's names of interventions
//! and conditions) goes into one Aho-Corasick automaton, searched once over the document,
//! leftmost-longest and ASCII case-insensitive, with word-boundary checks afterwards.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use hypecheck_kb::{EntryClass, KnowledgeBase};
use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::ingest::{is_invisible, lookalike, may_hide_words};

/// What a matched phrase means to the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    // Evidence
    Preclinical,
    HumanControlled,
    HumanEarly,
    HumanObservational,
    Anecdote,
    /// A number of people studied: "1,045 patients", "12 volunteers" (only next to a number).
    Population,
    VagueEvidence,
    ProvenClaim,
    Limitation,
    // Approval
    ApprovalClaim,
    PseudoApproval,
    UnapprovedStatus,
    RegulatorWarning,
    // Risks
    /// Talk of harm in general: side effects, adverse events, complications, toxicity.
    Risk,
    /// A named harm: infection, bleeding, nausea, scarring.
    NamedHarm,
    /// Words that tie a named harm to the treatment: "have been reported", "if you notice".
    HarmContext,
    /// Words that report what a study saw: "were reported", "occurred in", "were seen in". They
    /// tie a named harm to the treatment as [`CueKind::HarmContext`] does, and make a denied harm
    /// a result ("no complications were reported"), not a promise.
    HarmReport,
    /// Words right before a named harm that make it one the treatment's users met: "(participants)
    /// reported (mild nausea)", "complained of (heartburn)". They start at the verb, so that "200
    /// participants" stays a study's size.
    /// Unlike [`CueKind::HarmContext`] they tie only the harm that follows them closely
    /// ("people with hearing loss" a few words on is no harm of the treatment).
    HarmLead,
    /// Words of a decrease that are not verbs: "fewer", "smaller", "reduction in". Before a harm
    /// they make it an outcome measure ("fewer wound infections"), not a harm of the treatment.
    Decrease,
    Reassurance,
    // Language
    Hype,
    Absolute,
    Hedge,
    Causal,
    /// A causal verb of decrease ("reduces", "prevents", "lowers"): causal, and before a harm it
    /// makes it an outcome ("prevents infections").
    Reduction,
    Correlational,
    // Context triggers
    Negation,
    Hypothetical,
    Reported,
    Refutation,
    Terminator,
    /// Look-alike phrases ("intended to treat") matched only so that they are not read as cues.
    Neutral,
    // Compliance
    Dose,
    Usage,
    Price,
    /// Words of a sales offer around a price ("payment plans", "20% off", "Sonderpreis").
    Offer,
    Currency,
    CallToAction,
    // Reporting (expert criteria)
    CostTalk,
    Funding,
    Comparison,
    Availability,
    NoveltyClaim,
    PrevalenceHype,
    /// A kind of intervention named in general words ("this supplement", "the drug", "a device",
    /// "the procedure"): claims about anything, in the knowledge base or not.
    GenericIntervention,
    /// A product named in general words ("this supplement", "the drug", "the device", "a blood
    /// test"): a kind of intervention that needs a regulator's approval or clearance to be sold
    /// for a medical use (a diet, an exercise or a surgical technique does not).
    GenericProduct,
    /// What a test claims to do: detect, diagnose, predict a disease ("detects cancer early").
    DiagnosticClaim,
    /// A state of health named in general words: a disease, a symptom, or a function or measure
    /// of the body ("migraine", "memory", "blood pressure"). Cause and effect about one is a claim
    /// whether or not the knowledge base knows the condition.
    HealthState,
    /// A comparison that ties a named harm to a treatment named in the same sentence ("higher
    /// rates of erectile dysfunction after surgery").
    HarmComparison,
    // Knowledge-base names (never in lexicon files)
    Intervention,
    Condition,
}

impl CueKind {
    /// Whether the cue states cause and effect (a decrease is a cause too).
    pub fn is_causal(self) -> bool {
        matches!(self, CueKind::Causal | CueKind::Reduction)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Preclinical => "preclinical",
            CueKind::HumanControlled => "human_controlled",
            CueKind::HumanEarly => "human_early",
            CueKind::HumanObservational => "human_observational",
            CueKind::Anecdote => "anecdote",
            CueKind::Population => "population",
            CueKind::VagueEvidence => "vague_evidence",
            CueKind::ProvenClaim => "proven_claim",
            CueKind::Limitation => "limitation",
            CueKind::ApprovalClaim => "approval_claim",
            CueKind::PseudoApproval => "pseudo_approval",
            CueKind::UnapprovedStatus => "unapproved_status",
            CueKind::RegulatorWarning => "regulator_warning",
            CueKind::Risk => "risk",
            CueKind::NamedHarm => "named_harm",
            CueKind::Decrease => "decrease",
            CueKind::HarmContext => "harm_context",
            CueKind::HarmReport => "harm_report",
            CueKind::HarmLead => "harm_lead",
            CueKind::Reassurance => "reassurance",
            CueKind::Hype => "hype",
            CueKind::Absolute => "absolute",
            CueKind::Hedge => "hedge",
            CueKind::Causal => "causal",
            CueKind::Reduction => "reduction",
            CueKind::Correlational => "correlational",
            CueKind::Negation => "negation",
            CueKind::Hypothetical => "hypothetical",
            CueKind::Reported => "reported",
            CueKind::Refutation => "refutation",
            CueKind::Terminator => "terminator",
            CueKind::Neutral => "neutral",
            CueKind::Dose => "dose",
            CueKind::Usage => "usage",
            CueKind::Price => "price",
            CueKind::Offer => "offer",
            CueKind::Currency => "currency",
            CueKind::CallToAction => "call_to_action",
            CueKind::CostTalk => "cost_talk",
            CueKind::Funding => "funding",
            CueKind::Comparison => "comparison",
            CueKind::Availability => "availability",
            CueKind::NoveltyClaim => "novelty_claim",
            CueKind::PrevalenceHype => "prevalence_hype",
            CueKind::GenericIntervention => "generic_intervention",
            CueKind::GenericProduct => "generic_product",
            CueKind::DiagnosticClaim => "diagnostic_claim",
            CueKind::HealthState => "health_state",
            CueKind::HarmComparison => "harm_comparison",
            CueKind::Intervention => "intervention",
            CueKind::Condition => "condition",
        }
    }
}

/// A condition on the neighbourhood of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    NumberBefore,
    NumberAfter,
    /// A count of the people named: a number right before, or one or two describing words
    /// between ("14 advanced-stage cancer patients"), or a number word ("five volunteers").
    CountBefore,
}

/// How a language's count before the people of a `count_before` cue is read (a lexicon file's
/// `[counting]` table): its words lower case, as the matcher sees the text.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counting {
    /// Words before a number that make it a label, not a count ("type 2 diabetes patients").
    #[serde(default)]
    labels: Vec<String>,
    /// Words that may not stand between a count and what it counts ("20 percent of patients").
    #[serde(default)]
    not_describing: Vec<String>,
    /// Number words that count people on their own ("five volunteers").
    #[serde(default)]
    number_words: std::collections::BTreeMap<String, u64>,
    /// Month names: a year right after one is a date's ("May 2026"), not a count.
    #[serde(default)]
    months: Vec<String>,
}

/// A count of people found before the people it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// Where the count starts ("14" of "14 advanced-stage cancer patients").
    pub start: usize,
    pub people: u64,
}

/// Describing words a count may have between it and the people it counts.
const MAX_DESCRIBING_WORDS: usize = 2;

impl Counting {
    fn extend(&mut self, other: Counting) {
        self.labels.extend(other.labels);
        self.not_describing.extend(other.not_describing);
        self.number_words.extend(other.number_words);
        self.months.extend(other.months);
    }

    /// The same rules with every word passed through `fold` (German text is matched folded).
    fn folded(&self, fold: impl Fn(&str) -> String) -> Counting {
        Counting {
            labels: self.labels.iter().map(|w| fold(w)).collect(),
            not_describing: self.not_describing.iter().map(|w| fold(w)).collect(),
            number_words: self.number_words.iter().map(|(w, n)| (fold(w), *n)).collect(),
            months: self.months.iter().map(|w| fold(w)).collect(),
        }
    }

    /// Whether a number after `before` is the year of a date: "March 3, 2026", "3 March 2026",
    /// "May 2026" (a dateline's year before "Older adults who drank ..." counts no one).
    fn in_a_date(&self, before: &str) -> bool {
        let day_comma = before
            .strip_suffix(',')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
        let word = word_ending_at(before, before.len()).map(|w| &before[w..]);
        day_comma || word.is_some_and(|w| self.months.iter().any(|m| w.eq_ignore_ascii_case(m)))
    }

    /// The count before the people named at `start` ("1,045 patients", "14 advanced-stage cancer
    /// patients", "five volunteers"): where it starts and its value (digits only: "1.2 million"
    /// reads 12). None when the number before is a label ("type 2 diabetes patients", "COVID-19
    /// patients"), a year before describing words ("2019 cancer patients"), or absent.
    pub fn count_before(&self, text: &str, start: usize) -> Option<Count> {
        let is = |list: &[String], word: &str| list.iter().any(|w| word.eq_ignore_ascii_case(w));
        let mut at = start;
        for describing in 0..=MAX_DESCRIBING_WORDS {
            if let Some(number) = number_before(text, at) {
                let (s, end) = (number.start, number.end);
                let digits: String = text[s..end].chars().filter(char::is_ascii_digit).collect();
                let value: u64 = digits.parse().ok()?;
                let bytes = text.as_bytes();
                // "COVID-19 patients", "IL-6": a number glued to a word by a hyphen names a thing.
                if s > 1 && bytes[s - 1] == b'-' && (bytes[s - 2] as char).is_ascii_alphabetic() {
                    return None;
                }
                let before = text[..s].trim_end_matches([' ', '\t']);
                let label = word_ending_at(before, before.len()).is_some_and(|w| is(&self.labels, &before[w..]));
                let year = (1900..2100).contains(&value)
                    && !text[s..end].contains(',')
                    && (describing > 0 || self.in_a_date(before) || text[end..at].contains(" -"));
                return (!label && !year).then_some(Count {
                    start: s,
                    people: value,
                });
            }
            let i = past_joiners(text.as_bytes(), at);
            let word_start = word_ending_at(text, i)?;
            let word = &text[word_start..i];
            if let Some((_, n)) = self.number_words.iter().find(|(w, _)| word.eq_ignore_ascii_case(w)) {
                // A number word counts only right before the people: "two conditions affect patients".
                return (describing == 0).then_some(Count {
                    start: word_start,
                    people: *n,
                });
            }
            let describes = word.len() >= 2
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is(&self.not_describing, word);
            if !describes || describing == MAX_DESCRIBING_WORDS {
                return None;
            }
            at = word_start;
        }
        None
    }
}

/// Where the text before `at` ends once at most three spaces, tabs or hyphens are passed over
/// ("490 €", "12-week").
fn past_joiners(bytes: &[u8], at: usize) -> usize {
    let mut i = at;
    while i > 0 && matches!(bytes[i - 1], b' ' | b'-' | b'\t') && at - i < 3 {
        i -= 1;
    }
    i
}

/// The number that ends right before `at`, past at most three spaces, tabs or hyphens ("1,045
/// patients", "490 €"), with its thousands separators and decimal point.
pub fn number_before(text: &str, at: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let end = past_joiners(bytes, at);
    if end == 0 || !bytes[end - 1].is_ascii_digit() {
        return None;
    }
    let mut start = end;
    while start > 0 && (bytes[start - 1].is_ascii_digit() || matches!(bytes[start - 1], b',' | b'.')) {
        start -= 1;
    }
    while !bytes[start].is_ascii_digit() {
        start += 1;
    }
    Some(Span::new(start, end))
}

/// The start of the word (letters, digits and inner hyphens) that ends at `end`, if one does.
fn word_ending_at(text: &str, end: usize) -> Option<usize> {
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    let start = end - text[start..end].trim_start_matches('-').len();
    (start < end).then_some(start)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueDef {
    kind: CueKind,
    patterns: Vec<String>,
    requires: Option<Requirement>,
    strength: Option<String>,
}

/// Word endings that mark a word as a cue ("-mab", "-tinib": the stems of international drug
/// names), for names no list can hold.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuffixDef {
    kind: CueKind,
    /// Letters the word must have before the ending ("april" is not a "-pril" drug).
    min_stem: usize,
    endings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    cue: Vec<CueDef>,
    #[serde(default)]
    suffix: Vec<SuffixDef>,
    counting: Option<Counting>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub message: String,
}

/// The cue definitions of one language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub lang: String,
    cues: Vec<CueDef>,
    suffixes: Vec<SuffixDef>,
    counting: Counting,
}

impl Lexicon {
    pub fn from_files<'a>(
        lang: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Lexicon, LexiconError> {
        let mut cues = Vec::new();
        let mut suffixes = Vec::new();
        let mut counting = Counting::default();
        for (file, text) in files {
            let parsed: LexiconFile = toml::from_str(text).map_err(|e| LexiconError {
                file: file.to_string(),
                message: e.to_string(),
            })?;
            for c in &parsed.cue {
                if matches!(c.kind, CueKind::Intervention | CueKind::Condition) {
                    return Err(LexiconError {
                        file: file.to_string(),
                        message: "interventions and conditions come from the knowledge base, not lexicons".into(),
                    });
                }
                if let Some(p) = c.patterns.iter().find(|p| p.trim().is_empty() || p.trim() == "*") {
                    return Err(LexiconError {
                        file: file.to_string(),
                        message: format!("empty pattern {p:?} in a {} cue", c.kind.as_str()),
                    });
                }
            }
            for s in &parsed.suffix {
                if let Some(e) = s
                    .endings
                    .iter()
                    .find(|e| e.chars().count() < 3 || !e.chars().all(char::is_alphabetic))
                {
                    return Err(LexiconError {
                        file: file.to_string(),
                        message: format!("word ending {e:?} must be three letters or more"),
                    });
                }
            }
            if let Some(c) = parsed.counting {
                let mut words = c.labels.iter().chain(&c.not_describing).chain(c.number_words.keys());
                if let Some(w) = words.find(|w| w.trim().is_empty() || w.contains(' ')) {
                    return Err(LexiconError {
                        file: file.to_string(),
                        message: format!("counting word {w:?} must be one word"),
                    });
                }
                counting.extend(c);
            }
            cues.extend(parsed.cue);
            suffixes.extend(parsed.suffix);
        }
        Ok(Lexicon {
            lang: lang.to_string(),
            cues,
            suffixes,
            counting,
        })
    }

    /// The lexicon compiled into the binary for `lang`.
    pub fn embedded(lang: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::embedded_and(lang, [])
    }

    /// The embedded lexicon of a language with more files after it (a team's vocabulary: extra
    /// hype terms, accepted names as `neutral` entries).
    pub fn embedded_and<'a>(
        lang: &str,
        extra: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Lexicon, LexiconError> {
        let files = crate::embedded::LEXICONS
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .map(|(_, name, text)| (*name, *text));
        Lexicon::from_files(lang, files.chain(extra))
    }
}

#[derive(Debug, Clone)]
struct PatternInfo {
    kind: CueKind,
    /// `true` for `word*` patterns: the match extends to the end of the word.
    prefix: bool,
    /// German compound part: may also match inside a word ("Nabelschnur*stammzellen*").
    compound: bool,
    requires: Option<Requirement>,
    strong: bool,
    entry: Option<u32>,
    /// A word ending ("-mab"): matches the end of a word with at least this many letters before it,
    /// and the mention is the whole word.
    ending_stem: Option<usize>,
}

/// A matched phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub kind: CueKind,
    pub span: Span,
    /// Knowledge-base entry index for interventions and conditions.
    pub entry: Option<u32>,
    pub strong: bool,
    /// The count before the people of a `count_before` cue ("14" of "14 cancer patients").
    pub count: Option<Count>,
}

/// The compiled automaton of one language.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    info: Vec<PatternInfo>,
    /// Second readings of a pattern (pattern index, info), tried when the first is rejected.
    alternatives: Vec<(usize, PatternInfo)>,
    /// German text is folded (lowercase, umlauts as digraphs) before matching.
    german: bool,
    /// The lexicon's word endings (lower case), also in the automaton; kept here to read the end
    /// of a word the search skipped.
    endings: Vec<(String, CueKind, usize)>,
    /// How counts of people are read, its words as the matcher sees the text.
    counting: Counting,
}

/// Cue words read from one text at most (a book has a few hundred thousand; a text of millions is
/// a flood, and reading on would only cost memory). The report says where reading stopped.
pub const MAX_MENTIONS: usize = 250_000;

/// A text as a [`Matcher`] reads it, and the way back to the original's offsets.
pub struct Prepared<'t> {
    original: &'t str,
    text: std::borrow::Cow<'t, str>,
    /// For each byte of `text`, the original offset of the character it came from, and one entry
    /// past the end; `None` when the offsets are the original's.
    to_original: Option<Vec<u32>>,
}

impl Prepared<'_> {
    /// The prepared offset of an original offset (the first prepared byte at or after it).
    fn to_prepared(&self, original: usize) -> usize {
        match &self.to_original {
            None => original,
            Some(map) => map.partition_point(|&o| (o as usize) < original),
        }
    }

    /// A span of the prepared text as a span of the original: from the first character's start to
    /// the end of the last character (not the invisible ones after it).
    fn original_span(&self, span: Span) -> Span {
        let Some(map) = &self.to_original else { return span };
        let start = map[span.start] as usize;
        let last = map[span.end.saturating_sub(1).max(span.start)] as usize;
        let end = last + self.original[last..].chars().next().map_or(0, char::len_utf8);
        Span::new(start, end.max(start))
    }
}

/// The text with invisible characters left out and look-alike letters read as Latin, and for each
/// byte of it the original offset of its character (one more entry for the end); `None` when the
/// text has neither (then nothing is copied).
fn unmask(text: &str) -> Option<(String, Vec<u32>)> {
    // Offsets are stored in 32 bits; a text beyond 4 GB is read as it is.
    if !may_hide_words(text)
        || text.len() >= u32::MAX as usize
        || !text.chars().any(|c| is_invisible(c) || lookalike(c).is_some())
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        if is_invisible(c) {
            continue;
        }
        let c = lookalike(c).unwrap_or(c);
        out.push(c);
        map.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
    }
    map.push(text.len() as u32);
    Some((out, map))
}

/// Kinds whose German terms also match as parts of compounds.
const COMPOUND_KINDS: &[CueKind] = &[
    CueKind::Intervention,
    CueKind::Condition,
    CueKind::Risk,
    CueKind::NamedHarm,
    CueKind::Reassurance,
    CueKind::Hype,
    CueKind::Preclinical,
    CueKind::GenericIntervention,
    CueKind::GenericProduct,
    CueKind::HealthState,
];

/// The shortest folded German term that may match inside a compound.
const COMPOUND_PART_MIN: usize = 6;

/// Lowercases ASCII and writes umlauts as digraphs (ä -> ae, ß -> ss). Every replacement has the
/// byte length of the original character, so offsets into the folded text are offsets into the input.
pub fn fold_german(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    debug_assert_eq!(out.len(), text.len());
    out
}

/// Reduces the last word of a German pattern to its Snowball stem, written as the original
/// characters (so "körpereigen" becomes "koerpereig"). `None` when the word is too short to stem
/// safely ("ohne" must not run on into "ohnehin").
fn german_stem_pattern(pattern: &str, stemmer: &rust_stemmers::Stemmer) -> Option<String> {
    let lower = pattern.to_lowercase();
    let (head, last) = match lower.rfind(' ') {
        Some(i) => (&lower[..=i], &lower[i + 1..]),
        None => ("", lower.as_str()),
    };
    if !last.chars().all(char::is_alphabetic) {
        return None;
    }
    let stem = stemmer.stem(last);
    let stem_chars = stem.chars().count();
    if stem_chars < 4 {
        return None;
    }
    // Snowball folds umlauts and writes ß as "ss"; walk the original word to the same length.
    let mut consumed = 0;
    let mut cut = last.len();
    for (i, c) in last.char_indices() {
        if consumed >= stem_chars {
            cut = i;
            break;
        }
        consumed += if c == 'ß' { 2 } else { 1 };
    }
    Some(fold_german(&format!("{head}{}", &last[..cut])))
}

impl Matcher {
    pub fn new(lexicon: &Lexicon, kb: &KnowledgeBase) -> Matcher {
        let german = lexicon.lang == "de";
        let stemmer = german.then(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::German));
        let mut patterns: Vec<String> = Vec::new();
        let mut info: Vec<PatternInfo> = Vec::new();
        // Pattern text -> its index; a second cue with the same text but another number requirement
        // ("€" before or after the amount) becomes an alternative tried when the first fails.
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut alternatives: Vec<(usize, PatternInfo)> = Vec::new();
        let mut add = |pattern: &str, pi: PatternInfo, patterns: &mut Vec<String>, info: &mut Vec<PatternInfo>| {
            let (body, mut prefix) = match pattern.strip_suffix('*') {
                Some(b) => (b.trim().to_string(), true),
                None => (pattern.trim().to_string(), false),
            };
            let body = match &stemmer {
                // German: the last word is reduced to its stem and may run on into inflections and
                // compounds ("Nebenwirkung" matches "Nebenwirkungen"); umlauts are folded.
                Some(stemmer) if !prefix => match german_stem_pattern(&body, stemmer) {
                    Some(stemmed) => {
                        prefix = true;
                        stemmed
                    }
                    None => fold_german(&body),
                },
                Some(_) => fold_german(&body),
                None => body,
            };
            let mut variants = vec![body.clone()];
            if body.contains('\'') {
                variants.push(body.replace('\'', "\u{2019}"));
            }
            for v in variants {
                // First definition wins: knowledge-base names come first, then lexicon files in order.
                let compound = german && v.len() >= COMPOUND_PART_MIN && COMPOUND_KINDS.contains(&pi.kind);
                let this = PatternInfo {
                    prefix,
                    compound,
                    ..pi.clone()
                };
                match seen.get(&v.to_lowercase()) {
                    None => {
                        seen.insert(v.to_lowercase(), patterns.len());
                        patterns.push(v);
                        info.push(this);
                    }
                    Some(&first) if info[first].requires != this.requires && this.requires.is_some() => {
                        alternatives.push((first, this));
                    }
                    Some(_) => {}
                }
            }
        };
        for (idx, entry) in kb.entries().iter().enumerate() {
            let kind = match entry.class {
                EntryClass::Intervention => CueKind::Intervention,
                EntryClass::Condition => CueKind::Condition,
            };
            for name in entry.names(&lexicon.lang) {
                let pi = PatternInfo {
                    kind,
                    prefix: false,
                    compound: false,
                    requires: None,
                    strong: false,
                    entry: Some(idx as u32),
                    ending_stem: None,
                };
                add(name, pi, &mut patterns, &mut info);
            }
        }
        for cue in &lexicon.cues {
            for p in &cue.patterns {
                let pi = PatternInfo {
                    kind: cue.kind,
                    prefix: false,
                    compound: false,
                    requires: cue.requires,
                    strong: cue.strength.as_deref() == Some("strong"),
                    entry: None,
                    ending_stem: None,
                };
                add(p, pi, &mut patterns, &mut info);
            }
        }
        // Word endings join the same automaton, so the text is walked once. A phrase that is also
        // an ending ("saft") keeps its phrase reading for the word itself and gains the ending's
        // for a compound that ends in it ("Heidelbeersaft").
        let mut endings = Vec::new();
        for def in &lexicon.suffixes {
            for e in &def.endings {
                let e = if german { fold_german(e) } else { e.to_lowercase() };
                endings.push((e.clone(), def.kind, def.min_stem));
                let ending = PatternInfo {
                    kind: def.kind,
                    prefix: false,
                    compound: false,
                    requires: None,
                    strong: false,
                    entry: None,
                    ending_stem: Some(def.min_stem),
                };
                if let Some(&phrase) = seen.get(&e) {
                    alternatives.push((phrase, ending));
                    continue;
                }
                seen.insert(e.clone(), patterns.len());
                patterns.push(e);
                info.push(ending);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // A full DFA costs a few MB once and makes the single pass several times faster.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("lexicon patterns compile");
        let counting = if german {
            lexicon.counting.folded(fold_german)
        } else {
            lexicon.counting.clone()
        };
        Matcher {
            ac,
            info,
            alternatives,
            german,
            endings,
            counting,
        }
    }

    /// All mentions in `text`, in order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, 0, text.len())
    }

    /// Mentions that start in `text[start..end]` (a run of blocks in this matcher's language).
    pub fn find_in(&self, text: &str, start: usize, end: usize) -> Vec<Mention> {
        self.scan(&self.prepare(text), start, end)
    }

    /// The text as this matcher compares it. German is folded (ä -> ae, ß -> ss), which keeps every
    /// byte offset. Words cannot hide behind invisible characters (a zero-width joiner in
    /// "mir\u{200d}acle") or look-alike letters (a Cyrillic "А" in "FDА"): those are left out or
    /// read as the Latin letter they imitate, and an offset map leads spans back to the
    /// original. Prepare once, then [`Matcher::scan`] each run of a mixed-language text.
    pub fn prepare<'t>(&self, text: &'t str) -> Prepared<'t> {
        let unmasked = unmask(text);
        let (prepared, to_original) = match unmasked {
            Some((t, map)) => (std::borrow::Cow::Owned(t), Some(map)),
            None => (std::borrow::Cow::Borrowed(text), None),
        };
        let prepared = if self.german {
            std::borrow::Cow::Owned(fold_german(&prepared))
        } else {
            prepared
        };
        Prepared {
            original: text,
            text: prepared,
            to_original,
        }
    }

    /// Mentions that start in `original[start..end]` (offsets of the original text), with spans in
    /// the original text; `prepared` comes from [`Matcher::prepare`].
    pub fn scan(&self, prepared: &Prepared, start: usize, end: usize) -> Vec<Mention> {
        let mut out = self.scan_prepared(&prepared.text, prepared.to_prepared(start), prepared.to_prepared(end));
        if let Some(map) = &prepared.to_original {
            for m in &mut out {
                m.span = prepared.original_span(m.span);
                if let Some(count) = &mut m.count {
                    count.start = map[count.start] as usize;
                }
            }
        }
        out
    }

    fn scan_prepared(&self, text: &str, start: usize, end: usize) -> Vec<Mention> {
        let mut out = Vec::with_capacity(((end - start) / 40).min(MAX_MENTIONS));
        let mut pos = start;
        while pos < end && out.len() < MAX_MENTIONS {
            let Some(mut m) = self.ac.find(Input::new(text).range(pos..)) else {
                break;
            };
            if m.start() >= end {
                break;
            }
            loop {
                let p = m.pattern().as_usize();
                // A reading that asks for a neighbour (a number) is the more specific one: "12
                // volunteers" is a study's size before it is a word for a study's people.
                let readings = self
                    .alternatives
                    .iter()
                    .filter(|(i, _)| *i == p)
                    .map(|(_, info)| info)
                    .chain(std::iter::once(&self.info[p]));
                let free_from = out.last().map_or(0, |o: &Mention| o.span.end);
                let accepted = readings
                    .filter_map(|info| {
                        let (span, count) = match info.ending_stem {
                            Some(min_stem) => (word_with_ending(text, m.start(), m.end(), min_stem, free_from)?, None),
                            None => {
                                let (end, count) = self.accept(text, m.start(), m.end(), info)?;
                                (Span::new(m.start(), end), count)
                            }
                        };
                        Some((info, span, count))
                    })
                    .next();
                if let Some((info, span, count)) = accepted {
                    let end = span.end;
                    out.push(Mention {
                        kind: info.kind,
                        span,
                        entry: info.entry,
                        strong: info.strong,
                        count,
                    });
                    pos = end;
                    break;
                }
                // The longest pattern at this start failed its boundary check ("approved for" in
                // "approved formulas"); a shorter one at the same start may still fit.
                let shorter = self
                    .ac
                    .find(Input::new(text).range(m.start()..m.end() - 1))
                    .filter(|s| s.start() == m.start());
                match shorter {
                    Some(s) => m = s,
                    None => {
                        // Valid word patterns start at a word start: resume at the next one, which
                        // still finds "mice" after a rejected "in mice" in "within mice". German
                        // compounds hide terms inside words, so there the search resumes one
                        // character later.
                        if self.german {
                            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                        } else {
                            pos = next_word_start(text, m.start());
                            // The skipped rest of the word may still end in a word ending.
                            if let Some(mention) = self.ending_of_word(text, m.start(), pos, free_from) {
                                out.push(mention);
                            }
                        }
                        break;
                    }
                }
            }
        }
        out
    }

    /// The word around `inside` (ending at `word_end`) as a mention, when it ends in one of the
    /// lexicon's word endings.
    fn ending_of_word(&self, text: &str, inside: usize, word_end: usize, free_from: usize) -> Option<Mention> {
        let word = &text[..word_end];
        self.endings.iter().find_map(|(ending, kind, min_stem)| {
            let at = word_end.checked_sub(ending.len())?;
            if at < inside || !word.is_char_boundary(at) || !word[at..].eq_ignore_ascii_case(ending) {
                return None;
            }
            let span = word_with_ending(text, at, word_end, *min_stem, free_from)?;
            Some(Mention {
                kind: *kind,
                span,
                entry: None,
                strong: false,
                count: None,
            })
        })
    }

    /// Checks word boundaries and requirements; returns the match end (extended for prefixes) and,
    /// for a `count_before` cue, the count.
    fn accept(&self, text: &str, start: usize, end: usize, info: &PatternInfo) -> Option<(usize, Option<Count>)> {
        let bytes = text.as_bytes();
        let first_is_word = is_word_char(text[start..].chars().next()?);
        let prev = text[..start].chars().next_back();
        if first_is_word && prev.is_some_and(is_word_char) {
            let glued_to_number = matches!(
                info.requires,
                Some(Requirement::NumberBefore | Requirement::CountBefore)
            ) && prev.is_some_and(|c| c.is_ascii_digit());
            if !glued_to_number && !info.compound {
                return None;
            }
        }
        let mut end = end;
        let last_is_word = text[..end].chars().next_back().is_some_and(is_word_char);
        if info.prefix {
            while let Some(c) = text[end..].chars().next() {
                if !is_word_char(c) {
                    break;
                }
                end += c.len_utf8();
            }
        } else if last_is_word && text[end..].chars().next().is_some_and(is_word_char) {
            return None;
        }
        match info.requires {
            Some(Requirement::NumberBefore) => {
                number_before(text, start)?;
            }
            Some(Requirement::CountBefore) => {
                return Some((end, Some(self.counting.count_before(text, start)?)));
            }
            Some(Requirement::NumberAfter) => {
                let mut i = end;
                while i < bytes.len() && bytes[i] == b' ' && i - end < 2 {
                    i += 1;
                }
                if i >= bytes.len() || !bytes[i].is_ascii_digit() {
                    return None;
                }
            }
            None => {}
        }
        Some((end, None))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word that `text[start..end]` ends, when it is a word ending with at least `min_stem` letters
/// (no digits) before it in the same word, and the word starts at or after `free_from`.
fn word_with_ending(text: &str, start: usize, end: usize, min_stem: usize, free_from: usize) -> Option<Span> {
    if text[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    let mut word_start = start;
    let mut stem = 0;
    for (i, c) in text[..start].char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        if c.is_ascii_digit() {
            return None;
        }
        word_start = i;
        stem += 1;
    }
    (stem >= min_stem && word_start >= free_from).then(|| Span::new(word_start, end))
}

/// The first position after `i` that is not inside the word running through `i`.
fn next_word_start(text: &str, i: usize) -> usize {
    let mut j = i;
    for c in text[i..].chars() {
        if !is_word_char(c) {
            break;
        }
        j += c.len_utf8();
    }
    if j == i {
        j += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_hidden_by_invisible_or_look_alike_characters_are_found_with_spans_on_the_original() {
        let kb = hypecheck_kb::embedded();
        let matcher = Matcher::new(&Lexicon::embedded("en").unwrap(), &kb);
        for text in [
            "This mir\u{200d}acle is FDA\u{200d}-approved.",
            "This mir\u{00ad}acle is FD\u{0410}-approved.",
            "This \u{FF4D}\u{FF49}\u{FF52}\u{FF41}\u{FF43}\u{FF4C}\u{FF45} is FDA-approved.",
        ] {
            let found = matcher.find(text);
            let kinds: Vec<CueKind> = found.iter().map(|m| m.kind).collect();
            assert!(kinds.contains(&CueKind::Hype), "{text:?}: {kinds:?}");
            assert!(kinds.contains(&CueKind::ApprovalClaim), "{text:?}: {kinds:?}");
            for m in &found {
                // Spans are on the original text's character boundaries and cover the disguised word.
                let covered = &text[m.span.start..m.span.end];
                assert!(
                    !covered.starts_with(is_invisible) && !covered.ends_with(is_invisible),
                    "{covered:?}"
                );
            }
        }
        let text = "This mir\u{200d}acle is FD\u{0410}-approved.";
        let found = matcher.find(text);
        let span_of = |kind| {
            found
                .iter()
                .find(|m| m.kind == kind)
                .map(|m| &text[m.span.start..m.span.end])
        };
        assert_eq!(span_of(CueKind::Hype), Some("mir\u{200d}acle"));
        assert!(span_of(CueKind::ApprovalClaim).unwrap().starts_with("FD\u{0410}"));
        // The German matcher reads through them too, with its folding intact.
        let de = Matcher::new(&Lexicon::embedded("de").unwrap(), &kb);
        let found = de.find("Die Beh\u{00ad}andlung ist von der FD\u{0410} zugelassen.");
        assert!(found.iter().any(|m| m.kind == CueKind::ApprovalClaim), "{found:?}");
    }

    fn matcher(toml: &str) -> Matcher {
        let lex = Lexicon::from_files("en", [("t.toml", toml)]).unwrap();
        Matcher::new(&lex, &KnowledgeBase::default())
    }

    fn found(m: &Matcher, text: &str) -> Vec<(String, &'static str)> {
        m.find(text)
            .into_iter()
            .map(|x| (text[x.span.start..x.span.end].to_string(), x.kind.as_str()))
            .collect()
    }

    #[test]
    fn matches_whole_words_case_insensitively_longest_first() {
        let m = matcher(
            r#"[[cue]]
kind = "negation"
patterns = ["no", "not"]
[[cue]]
kind = "reassurance"
patterns = ["no side effects"]
[[cue]]
kind = "risk"
patterns = ["side effects"]"#,
        );
        assert_eq!(
            found(&m, "No side effects. Notable: side effects are not rare; knot."),
            vec![
                ("No side effects".into(), "reassurance"),
                ("side effects".into(), "risk"),
                ("not".into(), "negation")
            ]
        );
    }

    #[test]
    fn word_endings_name_whole_words_with_a_long_enough_stem() {
        let m = matcher(
            r#"[[cue]]
kind = "preclinical"
patterns = ["van"]
[[suffix]]
kind = "generic_product"
min_stem = 4
endings = ["stat", "vir"]"#,
        );
        assert_eq!(
            found(
                &m,
                "Orvanestat and Sofosvir, not the statistics, an environment, a virus, 4nestat or Anstat."
            ),
            vec![
                ("Orvanestat".into(), "generic_product"),
                ("Sofosvir".into(), "generic_product")
            ]
        );
        // A phrase that is a cue stands; the ending does not add a second mention.
        let m = matcher("[[cue]]\nkind = \"risk\"\npatterns = [\"thermostat\"]\n[[suffix]]\nkind = \"generic_product\"\nmin_stem = 4\nendings = [\"stat\"]");
        assert_eq!(found(&m, "a thermostat"), vec![("thermostat".into(), "risk")]);
    }

    #[test]
    fn rejected_match_does_not_hide_a_later_one() {
        let m = matcher("[[cue]]\nkind = \"preclinical\"\npatterns = [\"in mice\", \"mice\"]");
        assert_eq!(found(&m, "within mice"), vec![("mice".into(), "preclinical")]);
    }

    #[test]
    fn a_longer_pattern_that_fails_its_boundary_leaves_room_for_a_shorter_one() {
        let m = matcher("[[cue]]\nkind = \"approval_claim\"\npatterns = [\"approved\", \"approved for\"]");
        assert_eq!(
            found(&m, "approved formulas"),
            vec![("approved".into(), "approval_claim")]
        );
    }

    fn german(toml: &str, names: &[(&str, &str)]) -> Matcher {
        let lex = Lexicon::from_files("de", [("t.toml", toml)]).unwrap();
        let _ = names;
        Matcher::new(&lex, &KnowledgeBase::default())
    }

    #[test]
    fn german_compounds_ending_in_a_short_term_are_that_term() {
        let lex = Lexicon::embedded("de").unwrap();
        let m = Matcher::new(&lex, &KnowledgeBase::default());
        assert_eq!(
            found(&m, "Heidelbeersaft, Kamillentee, Hautcreme und Saft."),
            vec![
                ("Heidelbeersaft".into(), "generic_intervention"),
                ("Kamillentee".into(), "generic_intervention"),
                ("Hautcreme".into(), "generic_product"),
                ("Saft".into(), "generic_intervention"),
            ]
        );
        // Near miss: too short a stem before the ending.
        assert!(found(&m, "Das Komitee tagt.").is_empty());
    }

    #[test]
    fn german_terms_match_inflections_compounds_and_umlaut_spellings() {
        let m = german(
            r#"[[cue]]
kind = "risk"
patterns = ["Nebenwirkung", "Infektion"]
[[cue]]
kind = "reassurance"
strength = "strong"
patterns = ["nebenwirkungsfrei", "körpereigen"]
[[cue]]
kind = "preclinical"
patterns = ["an Mäusen"]"#,
            &[],
        );
        assert_eq!(
            found(&m, "Nebenwirkungen, Hautinfektionen und Infektionsrisiko; nebenwirkungsfrei, körpereigene Zellen, koerpereigenen, an Mäusen."),
            vec![
                ("Nebenwirkungen".into(), "risk"),
                ("infektionen".into(), "risk"),
                ("Infektionsrisiko".into(), "risk"),
                ("nebenwirkungsfrei".into(), "reassurance"),
                ("körpereigene".into(), "reassurance"),
                ("koerpereigenen".into(), "reassurance"),
                ("an Mäusen".into(), "preclinical"),
            ]
        );
    }

    #[test]
    fn short_german_words_are_not_stemmed_into_other_words() {
        let m = german("[[cue]]\nkind = \"negation\"\npatterns = [\"ohne\", \"kein\"]", &[]);
        assert_eq!(
            found(&m, "ohnehin keine Sorge ohne"),
            vec![("keine".into(), "negation"), ("ohne".into(), "negation")]
        );
    }

    #[test]
    fn one_pattern_may_carry_two_number_requirements() {
        let m = matcher(
            "[[cue]]\nkind = \"price\"\nrequires = \"number_before\"\npatterns = [\"€\"]\n[[cue]]\nkind = \"currency\"\nrequires = \"number_after\"\npatterns = [\"€\"]",
        );
        assert_eq!(
            found(&m, "490 € or € 490, not €"),
            vec![("€".into(), "price"), ("€".into(), "currency")]
        );
    }

    #[test]
    fn prefix_patterns_extend_to_the_end_of_the_word() {
        let m = matcher("[[cue]]\nkind = \"hype\"\npatterns = [\"miracle*\"]");
        assert_eq!(
            found(&m, "Miraculous? A miracles-only deal."),
            vec![("miracles".into(), "hype")]
        );
    }

    #[test]
    fn typographic_apostrophe_matches_like_ascii() {
        let m = matcher("[[cue]]\nkind = \"reassurance\"\npatterns = [\"body's own\"]");
        assert_eq!(
            found(&m, "your body’s own cells"),
            vec![("body’s own".into(), "reassurance")]
        );
    }

    #[test]
    fn number_requirements() {
        let m = matcher(
            "[[cue]]\nkind = \"dose\"\nrequires = \"number_before\"\npatterns = [\"billion\", \"mcg\"]\n[[cue]]\nkind = \"currency\"\nrequires = \"number_after\"\npatterns = [\"$\"]",
        );
        assert_eq!(
            found(&m, "10 billion exosomes, 250mcg, a billion hopes, $ signs, $4,900"),
            vec![
                ("billion".into(), "dose"),
                ("mcg".into(), "dose"),
                ("$".into(), "currency")
            ]
        );
    }
}
