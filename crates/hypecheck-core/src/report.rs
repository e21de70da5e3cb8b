//! Verdict and report: from findings to the four answers, a grade, and the serialisable report
//! that every renderer (terminal, JSON, web) reads.
//!
//! Verdict rule per question (documented in the README):
//! - `fail` when any finding of the question has severity `fail`;
//! - `concern` when a decisive concern is present (see [`DECISIVE`]), or concerns outnumber the
//!   positive findings, or there are concerns and no positives;
//! - `pass` when positive findings prevail: a pass always has a positive finding behind it;
//! - `not_applicable` when the question has no finding at all: the text gives it nothing to judge.
//!
//! Language also fails when the text's own words include three or more hype terms or promises.

use std::collections::HashMap;
use std::sync::Arc;

use hypecheck_kb::{Identifiers, KnowledgeBase, SourceKind, Verification};
use serde::Serialize;

use crate::analysis::Analysis;
use crate::checks::{Arg, Code, Fact, Finding, Question, Severity, REGISTRY};
use crate::claims::{ClaimKind, ClaimStrength};
use crate::context::Modifier;
use crate::criteria::{self, CriterionKey, CriterionVerdict};
use crate::document::{Document, Span};
use crate::i18n::Catalog;
use crate::ingest::{IngestWarning, InputFormat};
use crate::language::Language;
use crate::learn;
use crate::learn::deep::{Method, Tier};

pub const SCHEMA_VERSION: &str = "2.0";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Concern,
    Fail,
    NotApplicable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Concern => "concern",
            Verdict::Fail => "fail",
            Verdict::NotApplicable => "not_applicable",
        }
    }
}

/// One criterion: verdict, how sure the rule is, the reason and the spans that decided it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionOut {
    pub verdict: CriterionVerdict,
    pub confidence: f64,
    pub reasons: Vec<String>,
    pub spans: Vec<SpanOut>,
    /// `rules`, or `model` for a verdict of the learned model (English texts).
    pub method: &'static str,
    /// For a learned verdict, the features that weighed most for it: `w:` a word, `c:` a cue kind
    /// (with its context), `f:` a check's finding, `r:` a rule verdict, `k:` a claim strength.
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriteriaOut {
    pub costs: CriterionOut,
    pub benefits: CriterionOut,
    pub harms: CriterionOut,
    pub evidence: CriterionOut,
    pub disease_mongering: CriterionOut,
    pub conflicts: CriterionOut,
    pub alternatives: CriterionOut,
    pub availability: CriterionOut,
    pub novelty: CriterionOut,
    pub sensational_language: CriterionOut,
}

impl CriteriaOut {
    /// The criteria with their JSON keys, in the reviewers' order.
    pub fn iter(&self) -> impl Iterator<Item = (CriterionKey, &CriterionOut)> {
        [
            (CriterionKey::Costs, &self.costs),
            (CriterionKey::Benefits, &self.benefits),
            (CriterionKey::Harms, &self.harms),
            (CriterionKey::Evidence, &self.evidence),
            (CriterionKey::DiseaseMongering, &self.disease_mongering),
            (CriterionKey::Conflicts, &self.conflicts),
            (CriterionKey::Alternatives, &self.alternatives),
            (CriterionKey::Availability, &self.availability),
            (CriterionKey::Novelty, &self.novelty),
            (CriterionKey::SensationalLanguage, &self.sensational_language),
        ]
        .into_iter()
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub schema_version: &'static str,
    pub tool: Tool,
    pub disclaimer: String,
    pub input: InputInfo,
    /// The text's main language.
    pub text_language: Language,
    /// Every language found, sentence by sentence (mixed texts list more than one).
    pub text_languages: Vec<Language>,
    pub report_language: Language,
    pub grade: Grade,
    pub questions: Questions,
    pub compliance: Compliance,
    /// The ten HealthNewsReview criteria (expert mode), in the reviewers' polarity.
    pub criteria: CriteriaOut,
    /// Which tier answered: the claim strengths and the expert criteria.
    pub method: MethodOut,
    /// What a very long or repetitive text had beyond the report's budget: findings per check
    /// and claims left out (each also named in `input.warnings`).
    pub omitted: OmittedOut,
    pub findings: Vec<FindingOut>,
    pub claims: Vec<ClaimOut>,
    pub interventions: Vec<InterventionOut>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OmittedOut {
    pub findings: Vec<OmittedFindingsOut>,
    pub claims: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OmittedFindingsOut {
    pub code: &'static str,
    pub count: usize,
}

/// Which tier answered each part of the report, and why it is not the one asked for where it
/// is not (a German text, a failed deep model).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MethodOut {
    /// The highest tier that answered: `deep` when the encoder read the claims.
    pub tier: Tier,
    pub claim_strength: Tier,
    pub criteria: Tier,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InputInfo {
    pub format: InputFormat,
    pub source_bytes: usize,
    pub text_bytes: usize,
    /// `input` when spans point into the input itself, `extracted_text` for HTML and Markdown.
    pub span_basis: &'static str,
    pub warnings: Vec<String>,
    /// From span offsets back to the source (for editors and CI annotations on HTML and
    /// Markdown); not part of the JSON report.
    #[serde(skip)]
    pub source_map: crate::ingest::SourceMap,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grade {
    /// A (sober) to F (hype); `null` when the text gives none of the four questions anything to
    /// judge (a recipe, a text with no health claim), so that no letter reads as praise.
    pub letter: Option<char>,
    pub label: String,
    /// 100 = no question has a concern or failure, 0 = every question failed; `null` with the letter.
    pub score: Option<u32>,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Questions {
    pub evidence: QuestionOut,
    pub approval: QuestionOut,
    pub risks: QuestionOut,
    pub language: QuestionOut,
}

impl Questions {
    pub fn iter(&self) -> impl Iterator<Item = (Question, &QuestionOut)> {
        [
            (Question::Evidence, &self.evidence),
            (Question::Approval, &self.approval),
            (Question::Risks, &self.risks),
            (Question::Language, &self.language),
        ]
        .into_iter()
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionOut {
    pub title: String,
    pub verdict: Verdict,
    pub summary: String,
    /// Ids of the findings that decided the verdict.
    pub decided_by: Vec<String>,
    pub positives: usize,
    pub concerns: usize,
    pub fails: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Compliance {
    /// Whether the text contains dosing, usage or sourcing information (a price reported as
    /// information is listed among the findings but is not such information).
    pub found: bool,
    /// Whether the editorial rule (no dosing, usage or sourcing information) was applied, as a
    /// publisher's policy: then `found` breaks it. It never enters the grade.
    pub editorial_rule: bool,
    pub summary: String,
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CueOut {
    pub kind: &'static str,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Citation {
    pub id: String,
    /// Who published it: regulator, journal, registry, court, legislation, ministry, society,
    /// company, news (a blog is never a citation: see `checked_in`).
    pub kind: SourceKind,
    pub title: String,
    pub publisher: String,
    pub date: String,
    /// The original: the publisher's own page or a resolver (doi.org, PubMed, ClinicalTrials.gov,
    /// EUR-Lex). `null` when the original was not found; then the fact is marked secondary.
    pub url: Option<String>,
    /// False when the link was built from the document's identifiers (a resolver, or FDA's
    /// address pattern for a letter) rather than seen.
    pub url_checked: bool,
    pub identifiers: Identifiers,
    /// Where the fact was read when that was a republished copy, a repost or a blog: provenance,
    /// never the citation (shown in the expert view as "read in a republished copy").
    pub checked_in: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceOut {
    /// Knowledge-base fact id: `entry/kind/detail`.
    pub id: String,
    pub entry: String,
    pub statement: String,
    pub as_of: String,
    pub verification: Verification,
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FindingOut {
    pub id: String,
    pub code: &'static str,
    pub name: &'static str,
    pub question: Question,
    pub severity: Severity,
    pub span: SpanOut,
    pub excerpt: String,
    pub message: String,
    pub cues: Vec<CueOut>,
    pub context: Vec<Modifier>,
    pub sources: Vec<Arc<SourceOut>>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimOut {
    pub span: SpanOut,
    pub excerpt: String,
    pub kinds: Vec<ClaimKind>,
    pub interventions: Vec<String>,
    pub conditions: Vec<String>,
    pub strength: ClaimStrength,
    /// The tier that read the strength: `rules`, `fast` or `deep`.
    pub method: Tier,
    pub hedged: bool,
    pub asserted: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterventionOut {
    pub id: String,
    pub name: String,
    pub mentions: usize,
    pub status: Vec<StatusOut>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusOut {
    pub jurisdiction: String,
    pub status: &'static str,
    pub note: String,
    pub as_of: String,
}

const EXCERPT_MAX: usize = 240;

fn span_out(doc: &Document, span: Span) -> SpanOut {
    let (line, column) = doc.line_col(span.start);
    let (end_line, end_column) = doc.line_col(span.end);
    SpanOut {
        start: span.start,
        end: span.end,
        line,
        column,
        end_line,
        end_column,
    }
}

/// The span's text, shortened to a readable excerpt at a character boundary.
pub fn excerpt(doc: &Document, span: Span) -> String {
    let s = doc.slice(span);
    if s.len() <= EXCERPT_MAX {
        return s.to_string();
    }
    let cut = crate::ingest::floor_char_boundary(s, EXCERPT_MAX);
    format!("{}…", s[..cut].trim_end())
}

/// Every knowledge-base fact resolved once into its citable form, shared by all reports.
#[derive(Debug, Default)]
pub struct Sources {
    by_fact: HashMap<Fact, Arc<SourceOut>>,
}

impl Sources {
    pub fn new(kb: &KnowledgeBase, catalog: &Catalog) -> Sources {
        let mut by_fact = HashMap::new();
        for (i, e) in kb.entries().iter().enumerate() {
            let entry = i as u32;
            let facts = (0..e.status.len())
                .map(|index| Fact::Status { entry, index })
                .chain((0..e.approved_uses.len()).map(|index| Fact::ApprovedUse { entry, index }))
                .chain((0..e.promoted_for.len()).map(|index| Fact::PromotedUse { entry, index }))
                .chain((0..e.harms.len()).map(|index| Fact::Harm { entry, index }));
            for fact in facts {
                by_fact.insert(fact, Arc::new(source_out(kb, fact, catalog)));
            }
        }
        Sources { by_fact }
    }

    pub fn get(&self, kb: &KnowledgeBase, fact: Fact, catalog: &Catalog) -> Arc<SourceOut> {
        self.by_fact
            .get(&fact)
            .cloned()
            .unwrap_or_else(|| Arc::new(source_out(kb, fact, catalog)))
    }
}

/// Resolves a knowledge-base fact into a citable source; a fact known only from a secondary report
/// says so in its statement.
pub fn source_out(kb: &KnowledgeBase, fact: Fact, catalog: &Catalog) -> SourceOut {
    let lang = catalog.lang.as_str();
    let (entry_idx, kind, detail, statement, provenance) = match fact {
        Fact::Status { entry, index } => {
            let s = &kb.entries()[entry as usize].status[index];
            let statement = if s.note.get(lang).is_empty() {
                format!("{}: {}", s.jurisdiction, s.status.as_str())
            } else {
                s.note.get(lang).to_string()
            };
            (entry, "status", s.jurisdiction.clone(), statement, &s.provenance)
        }
        Fact::ApprovedUse { entry, index } => {
            let u = &kb.entries()[entry as usize].approved_uses[index];
            (
                entry,
                "approved_use",
                u.condition.clone(),
                u.indication.get(lang).to_string(),
                &u.provenance,
            )
        }
        Fact::PromotedUse { entry, index } => {
            let p = &kb.entries()[entry as usize].promoted_for[index];
            let statement = if p.note.get(lang).is_empty() {
                format!("evidence for {}: {}", p.condition, p.evidence.as_str())
            } else {
                p.note.get(lang).to_string()
            };
            (entry, "promoted_for", p.condition.clone(), statement, &p.provenance)
        }
        Fact::Harm { entry, index } => {
            let h = &kb.entries()[entry as usize].harms[index];
            (
                entry,
                "harm",
                h.id.clone(),
                h.description.get(lang).to_string(),
                &h.provenance,
            )
        }
    };
    let entry = &kb.entries()[entry_idx as usize];
    SourceOut {
        id: format!("{}/{kind}/{detail}", entry.id),
        entry: entry.id.clone(),
        statement: if provenance.verification == Verification::Secondary {
            catalog.format("source-secondary", &[("statement", statement)])
        } else {
            statement
        },
        as_of: provenance.as_of.clone(),
        verification: provenance.verification,
        citations: provenance
            .sources
            .iter()
            .filter_map(|id| kb.source(id))
            .map(|s| Citation {
                id: s.id.clone(),
                kind: s.kind,
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.clone(),
                url: s.url.clone(),
                url_checked: s.url_checked,
                identifiers: s.identifiers.clone(),
                checked_in: s.checked_in.clone(),
            })
            .collect(),
    }
}

/// Concerns that good practice elsewhere in the text cannot outweigh: pseudo-approval and silence
/// on status, safety reassurance and missing risks, hype and absolute promises.
const DECISIVE: &[Code] = &[
    Code::HC109,
    Code::HC203,
    Code::HC204,
    Code::HC301,
    Code::HC302,
    Code::HC304,
    Code::HC305,
    Code::HC401,
    Code::HC402,
    Code::HC406,
];

/// Language concerns that decide only where the evidence is weaker than a controlled study of
/// stated size: hype words and a headline stating cause and effect.
const WEIGHED_WITH_EVIDENCE: &[Code] = &[Code::HC401, Code::HC406];

/// Whether the text reports controlled human evidence with its size: the kind of study a strong
/// word may rest on.
fn solid_evidence(findings: &[Finding]) -> bool {
    let has = |code: Code| {
        findings
            .iter()
            .any(|f| f.code == code && f.severity == Severity::Positive)
    };
    has(Code::HC105) && has(Code::HC108)
}

/// The verdict of one question from its findings. A strong word ("breakthrough", "new hope") or a
/// headline stating cause and effect is weighed with the evidence it rests on: beside a controlled
/// study of stated size it is one concern among the text's merits; on weaker evidence it decides.
fn verdict_for(q: Question, findings: &[(usize, &Finding)], solid_evidence: bool) -> (Verdict, Vec<usize>) {
    // An absence of harms that the reviewers' model finds not at issue (HC306) does not decide:
    // the concern stays in the report, the note that answers it is what the verdict tells.
    let excusing: Vec<usize> = findings
        .iter()
        .filter(|(_, f)| f.code == Code::HC306)
        .map(|(i, _)| *i)
        .collect();
    let findings: Vec<(usize, &Finding)> = findings
        .iter()
        .filter(|(_, f)| excusing.is_empty() || !crate::checks::HARM_ABSENCES.contains(&f.code))
        .copied()
        .collect();
    let count = |s: Severity| findings.iter().filter(|(_, f)| f.severity == s).count();
    let (pos, con, fail) = (
        count(Severity::Positive),
        count(Severity::Concern),
        count(Severity::Fail),
    );
    let ids = |s: Severity| {
        findings
            .iter()
            .filter(|(_, f)| f.severity == s)
            .map(|(i, _)| *i)
            .collect::<Vec<_>>()
    };
    if fail > 0 {
        return (Verdict::Fail, ids(Severity::Fail));
    }
    if q == Question::Language {
        let hype: Vec<usize> = findings
            .iter()
            .filter(|(_, f)| f.code == Code::HC401 || f.code == Code::HC402)
            .map(|(i, _)| *i)
            .collect();
        if hype.len() >= 3 {
            return (Verdict::Fail, hype);
        }
    }
    let decisive: Vec<usize> = findings
        .iter()
        .filter(|(_, f)| f.severity == Severity::Concern && DECISIVE.contains(&f.code))
        .filter(|(_, f)| !(solid_evidence && WEIGHED_WITH_EVIDENCE.contains(&f.code)))
        .map(|(i, _)| *i)
        .collect();
    if !decisive.is_empty() {
        return (Verdict::Concern, decisive);
    }
    if con > 0 && (pos == 0 || con > pos) {
        return (Verdict::Concern, ids(Severity::Concern));
    }
    // A pass needs a positive finding behind it: silence about evidence, risks or approval is
    // not good practice, and a text with nothing to judge says so.
    if pos > 0 {
        return (Verdict::Pass, ids(Severity::Positive));
    }
    (Verdict::NotApplicable, excusing)
}

/// The findings of one question, each with its index among all findings.
fn of_question(findings: &[Finding], q: Question) -> Vec<(usize, &Finding)> {
    findings.iter().enumerate().filter(|(_, f)| f.question == q).collect()
}

/// Whether the text gives dosing, usage or sourcing information.
fn compliance_found(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|f| f.question == Question::Compliance && f.severity >= Severity::Concern)
}

/// Findings per check code: those reported, and those left out beyond a check's budget.
fn code_counts(
    reported: impl Iterator<Item = &'static str>,
    omitted: impl Iterator<Item = (&'static str, usize)>,
) -> std::collections::BTreeMap<&'static str, u64> {
    let mut counts = std::collections::BTreeMap::new();
    for code in reported {
        *counts.entry(code).or_insert(0) += 1;
    }
    for (code, count) in omitted {
        *counts.entry(code).or_insert(0) += count as u64;
    }
    counts
}

/// The letter, its message key and the score of the four verdicts; none when none was judged.
fn letter_and_score(verdicts: &[Verdict]) -> Option<(char, &'static str, u32)> {
    if verdicts.iter().all(|v| *v == Verdict::NotApplicable) {
        return None;
    }
    let points: u32 = verdicts
        .iter()
        .map(|v| match v {
            Verdict::Fail => 3,
            Verdict::Concern => 1,
            _ => 0,
        })
        .sum::<u32>();
    let (letter, key) = match points {
        0 => ('A', "sober"),
        1 => ('B', "mostly-sober"),
        2..=3 => ('C', "mixed"),
        4..=6 => ('D', "hype-leaning"),
        _ => ('F', "hype"),
    };
    let max = 4 * 3;
    Some((letter, key, 100 - points * 100 / max))
}

fn grade(verdicts: &[Verdict], catalog: &Catalog) -> Grade {
    let Some((letter, key, score)) = letter_and_score(verdicts) else {
        return Grade {
            letter: None,
            label: catalog.format("grade-none", &[]),
            score: None,
            summary: catalog.format("grade-none-summary", &[]),
        };
    };
    let judged = verdicts.iter().filter(|v| **v != Verdict::NotApplicable).count();
    // An A says only what was judged: "handles all four" needs four verdicts behind it.
    let summary = if key == "sober" && judged < verdicts.len() {
        catalog.format("grade-sober-partial-summary", &[("judged", judged.to_string())])
    } else {
        catalog.format(&format!("grade-{key}-summary"), &[])
    };
    Grade {
        letter: Some(letter),
        label: catalog.format(&format!("grade-{key}"), &[]),
        score: Some(score),
        summary,
    }
}

/// The positive checks of each question in the order their summaries are told; a pass's summary
/// tells what those of its findings show, and nothing else.
const PASS_SUMMARIES: &[(Question, &[Code])] = &[
    (
        Question::Evidence,
        &[Code::HC105, Code::HC108, Code::HC104, Code::HC111],
    ),
    (Question::Approval, &[Code::HC205, Code::HC206]),
    (Question::Risks, &[Code::HC303]),
    (Question::Language, &[Code::HC404, Code::HC405]),
];

/// At most this many of the deciding findings' kinds are told in a concern's or failure's summary.
const MAX_SUMMARY_SENTENCES: usize = 3;

fn question_summary(
    q: Question,
    verdict: Verdict,
    mine: &[(usize, &Finding)],
    decided: &[usize],
    catalog: &Catalog,
) -> String {
    // A pass tells its positive findings; a concern or failure what decided it, in the order the
    // findings first appear; each kind of finding one sentence.
    let (prefix, codes, limit): (&str, Vec<Code>, usize) = match verdict {
        Verdict::Pass => {
            let order = PASS_SUMMARIES
                .iter()
                .find(|(question, _)| *question == q)
                .map_or(&[][..], |(_, c)| c);
            let present = |code: &&Code| {
                mine.iter()
                    .any(|(_, f)| f.code == **code && f.severity == Severity::Positive)
            };
            (
                "summary-pass",
                order.iter().filter(present).copied().collect(),
                usize::MAX,
            )
        }
        // A concern or failure tells what decided it; a `not applicable` what answered the
        // question's concerns, if anything did (HC306), else that there is nothing to judge.
        Verdict::Concern | Verdict::Fail | Verdict::NotApplicable => {
            let mut codes: Vec<Code> = Vec::new();
            for (i, f) in mine {
                if decided.contains(i) && !codes.contains(&f.code) {
                    codes.push(f.code);
                }
            }
            let prefix = if verdict == Verdict::NotApplicable {
                "summary-na"
            } else {
                "summary-found"
            };
            (prefix, codes, MAX_SUMMARY_SENTENCES)
        }
    };
    let told: Vec<String> = codes
        .iter()
        .map(|code| format!("{prefix}-{}", code.as_str().to_ascii_lowercase()))
        .filter(|id| catalog.has(id))
        .take(limit)
        .map(|id| catalog.format(&id, &[]))
        .collect();
    if !told.is_empty() {
        return told.join(" ");
    }
    catalog.format(
        &format!("summary-{}-{}", q.as_str(), verdict.as_str().replace('_', "-")),
        &[],
    )
}

/// An input warning in the catalog's language.
pub fn warning_text(warning: &IngestWarning, catalog: &Catalog) -> String {
    let (id, args) = warning.message();
    catalog.format(id, &args)
}

/// What the report needs besides the analysis and findings.
pub struct Context<'c> {
    pub catalog: &'c Catalog,
    pub sources: &'c Sources,
    pub format: InputFormat,
    pub source_bytes: usize,
    /// What spans count in (see [`crate::ingest::Ingested::span_basis`]).
    pub span_basis: &'static str,
    pub source_map: crate::ingest::SourceMap,
    /// Checks the caller turned off (named in the method notes).
    pub disabled_checks: Vec<crate::checks::Code>,
    pub warnings: Vec<IngestWarning>,
    pub text_language: Language,
    pub text_languages: Vec<Language>,
    /// The ten expert criteria, already assessed.
    pub criteria: Vec<criteria::Criterion>,
    /// Which tier answered what.
    pub method: Method,
    /// The tier of each claim's strength, in claim order.
    pub claim_tiers: Vec<Tier>,
    /// Findings each check left out beyond its budget.
    pub omitted: Vec<crate::checks::Omitted>,
    /// Whether the publisher applies the editorial rule (see [`Compliance::editorial_rule`]).
    pub editorial_rule: bool,
}

/// Claims a report lists; a longer text's further claims are counted in `omitted.claims`.
pub const MAX_REPORTED_CLAIMS: usize = 1000;

/// Approved uses as a reader checks them: product, authority and date, then the indication
/// ("Ryoncil (FDA, 2024-12-18): steroid-refractory acute graft-versus-host disease ...").
fn approved_uses_text(a: &Analysis, uses: &[(u32, usize)], catalog: &Catalog) -> String {
    let lang = catalog.lang.as_str();
    uses.iter()
        .map(|&(entry, index)| {
            let e = a.entry(entry);
            let u = &e.approved_uses[index];
            let authority = match catalog.format(&format!("authority-{}", u.jurisdiction), &[]) {
                // A catalog answers an unknown message with its id: the jurisdiction's id then.
                missing if missing.starts_with("authority-") => u.jurisdiction.clone(),
                name => name,
            };
            let indication = u.indication.get(lang).trim_end_matches('.');
            format!("{} ({authority}, {}): {indication}", e.display_name(lang), u.date)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report's account of its tiers, with a note where the deep tier was asked for but did not
/// read everything.
fn method_out(method: &Method, catalog: &Catalog, disabled: &[crate::checks::Code]) -> MethodOut {
    let mut notes = Vec::new();
    if !disabled.is_empty() {
        let codes: Vec<&str> = disabled.iter().map(|c| c.as_str()).collect();
        notes.push(catalog.format("method-checks-off", &[("codes", codes.join(", "))]));
    }
    if method.deep_skipped_language {
        notes.push(catalog.format("method-deep-english-only", &[]));
    }
    if method.deep_failed.is_some() {
        notes.push(catalog.format("method-deep-fell-back", &[]));
    }
    MethodOut {
        tier: if method.claim_strength == Tier::Deep {
            Tier::Deep
        } else if method.claim_strength == Tier::Fast || method.criteria == Tier::Fast {
            Tier::Fast
        } else {
            Tier::Rules
        },
        claim_strength: method.claim_strength,
        criteria: method.criteria,
        notes,
    }
}

/// What a scan counts of a report (the columns of `hypecheck scan`), without the report's words:
/// a scan of millions of pages that keeps only verdicts builds and frees no message, excerpt or
/// source per finding. [`Tally::of_report`] gives the same from a full report.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub format: InputFormat,
    pub text_language: Language,
    pub letter: Option<char>,
    pub score: Option<u32>,
    /// Evidence, approval, risks, language.
    pub questions: [(Question, Verdict); 4],
    pub compliance_found: bool,
    /// The ten criteria in the reviewers' order.
    pub criteria: Vec<(CriterionKey, CriterionVerdict)>,
    /// Findings per check code, those left out beyond a check's budget included.
    pub findings: std::collections::BTreeMap<&'static str, u64>,
    /// The report's warnings.
    pub warnings: usize,
}

impl Tally {
    pub fn of_report(report: &Report) -> Tally {
        let findings = code_counts(
            report.findings.iter().map(|f| f.code),
            report.omitted.findings.iter().map(|o| (o.code, o.count)),
        );
        let q = &report.questions;
        Tally {
            format: report.input.format,
            text_language: report.text_language,
            letter: report.grade.letter,
            score: report.grade.score,
            questions: [
                (Question::Evidence, q.evidence.verdict),
                (Question::Approval, q.approval.verdict),
                (Question::Risks, q.risks.verdict),
                (Question::Language, q.language.verdict),
            ],
            compliance_found: report.compliance.found,
            criteria: report.criteria.iter().map(|(k, c)| (k, c.verdict)).collect(),
            findings,
            warnings: report.input.warnings.len(),
        }
    }
}

/// The [`Tally`] of the report [`build`] would give for the same findings and context.
pub fn tally(a: &Analysis, findings: Vec<Finding>, cx: Context) -> Tally {
    let solid = solid_evidence(&findings);
    let verdict = |q: Question| (q, verdict_for(q, &of_question(&findings, q), solid).0);
    let questions = [
        verdict(Question::Evidence),
        verdict(Question::Approval),
        verdict(Question::Risks),
        verdict(Question::Language),
    ];
    let grade = letter_and_score(&questions.map(|(_, v)| v));
    // As the report's warnings: the input's, a deep tier that fell short, each check's findings
    // left out, claims left out.
    let warnings = cx.warnings.len()
        + usize::from(cx.method.deep_failed.is_some())
        + cx.omitted.len()
        + usize::from(a.claims.len() > MAX_REPORTED_CLAIMS);
    Tally {
        format: cx.format,
        text_language: cx.text_language,
        letter: grade.map(|(letter, _, _)| letter),
        score: grade.map(|(_, _, score)| score),
        questions,
        compliance_found: compliance_found(&findings),
        criteria: cx.criteria.iter().map(|c| (c.key, c.verdict)).collect(),
        findings: code_counts(
            findings.iter().map(|f| f.code.as_str()),
            cx.omitted.iter().map(|o| (o.code.as_str(), o.count)),
        ),
        warnings,
    }
}

pub fn build(a: &Analysis, findings: Vec<Finding>, cx: Context) -> Report {
    let Context {
        catalog,
        sources,
        format,
        source_bytes,
        span_basis,
        source_map,
        disabled_checks,
        warnings,
        text_language,
        text_languages,
        criteria: assessed,
        method,
        claim_tiers,
        omitted,
        editorial_rule,
    } = cx;
    let doc = a.doc;
    let lang = catalog.lang.as_str();
    let name_of = |code: Code| REGISTRY.iter().find(|c| c.code() == code).map_or("", |c| c.name());
    let criteria = {
        let mut assessed = assessed.into_iter().map(|c| {
            let mut reasons = vec![catalog.format(&c.reason, &[])];
            if !c.cues.is_empty() {
                reasons.push(
                    catalog.format(
                        "criterion-learned",
                        &[(
                            "weighed",
                            c.cues
                                .iter()
                                .map(|f| learn::describe(f, catalog))
                                .collect::<Vec<_>>()
                                .join(", "),
                        )],
                    ),
                );
            }
            CriterionOut {
                verdict: c.verdict,
                // Three decimals say all a probability here can; more would only look precise.
                confidence: (c.confidence * 1000.0).round() / 1000.0,
                reasons,
                spans: c.spans.iter().map(|&s| span_out(doc, s)).collect(),
                method: if c.cues.is_empty() { "rules" } else { "model" },
                cues: c.cues,
            }
        });
        let mut next = || assessed.next().expect("ten criteria");
        CriteriaOut {
            costs: next(),
            benefits: next(),
            harms: next(),
            evidence: next(),
            disease_mongering: next(),
            conflicts: next(),
            alternatives: next(),
            availability: next(),
            novelty: next(),
            sensational_language: next(),
        }
    };
    let out: Vec<FindingOut> = findings
        .iter()
        .enumerate()
        .map(|(n, f)| FindingOut {
            id: format!("F{}", n + 1),
            code: f.code.as_str(),
            name: name_of(f.code),
            question: f.question,
            severity: f.severity,
            span: span_out(doc, f.span),
            excerpt: excerpt(doc, f.span),
            message: {
                let args: Vec<(&str, String)> = f
                    .args
                    .iter()
                    .map(|(k, v)| match v {
                        Arg::Text(t) => (*k, t.clone()),
                        Arg::Entry(e) => (*k, a.entry(*e).display_name(lang).to_string()),
                        Arg::Message(id) => (*k, catalog.format(id, &[])),
                        Arg::ApprovedUses(uses) => (*k, approved_uses_text(a, uses, catalog)),
                    })
                    .collect();
                catalog.format(f.message, &args)
            },
            cues: f
                .cues
                .iter()
                .map(|&i| {
                    let m = &a.mentions[i];
                    CueOut {
                        kind: m.kind.as_str(),
                        text: doc.slice(m.span).to_string(),
                        start: m.span.start,
                        end: m.span.end,
                    }
                })
                .collect(),
            context: f.context.clone(),
            sources: f.facts.iter().map(|&fact| sources.get(a.kb, fact, catalog)).collect(),
        })
        .collect();
    let mut verdicts = Vec::new();
    let solid = solid_evidence(&findings);
    let mut question_out = |q: Question| {
        let mine = of_question(&findings, q);
        let (verdict, decided) = verdict_for(q, &mine, solid);
        verdicts.push(verdict);
        let count = |s: Severity| mine.iter().filter(|(_, f)| f.severity == s).count();
        QuestionOut {
            title: catalog.format(&format!("question-{}", q.as_str()), &[]),
            verdict,
            summary: question_summary(q, verdict, &mine, &decided, catalog),
            decided_by: decided.iter().map(|i| format!("F{}", i + 1)).collect(),
            positives: count(Severity::Positive),
            concerns: count(Severity::Concern),
            fails: count(Severity::Fail),
        }
    };
    let questions = Questions {
        evidence: question_out(Question::Evidence),
        approval: question_out(Question::Approval),
        risks: question_out(Question::Risks),
        language: question_out(Question::Language),
    };
    let compliance_ids: Vec<String> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.question == Question::Compliance)
        .map(|(i, _)| format!("F{}", i + 1))
        .collect();
    let found = compliance_found(&findings);
    let compliance = Compliance {
        found,
        editorial_rule,
        summary: catalog.format(
            match (found, editorial_rule) {
                (true, true) => "compliance-breaks-rule",
                (true, false) => "compliance-found",
                (false, _) => "compliance-none",
            },
            &[],
        ),
        findings: compliance_ids,
    };
    let kb = a.kb;
    let claims_omitted = a.claims.len().saturating_sub(MAX_REPORTED_CLAIMS);
    let claims = a
        .claims
        .iter()
        .zip(claim_tiers)
        .take(MAX_REPORTED_CLAIMS)
        .map(|(c, tier)| ClaimOut {
            span: span_out(doc, c.span),
            excerpt: excerpt(doc, c.span),
            kinds: c.kinds.clone(),
            interventions: c.interventions.iter().map(|&e| a.entry(e).id.clone()).collect(),
            conditions: c.conditions.iter().map(|&e| a.entry(e).id.clone()).collect(),
            strength: c.strength,
            method: tier,
            hedged: c.hedged,
            asserted: c.asserted,
        })
        .collect();
    let interventions = a
        .interventions()
        .iter()
        .map(|&e| {
            let entry = a.entry(e);
            InterventionOut {
                id: entry.id.clone(),
                name: entry.display_name(lang).to_string(),
                mentions: a.mentions.iter().filter(|m| m.entry == Some(e)).count(),
                status: kb
                    .lineage(&entry.id)
                    .iter()
                    .find(|x| !x.status.is_empty())
                    .map(|x| {
                        x.status
                            .iter()
                            .map(|s| StatusOut {
                                jurisdiction: s.jurisdiction.clone(),
                                status: s.status.as_str(),
                                note: s.note.get(lang).to_string(),
                                as_of: s.provenance.as_of.clone(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "hypecheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        disclaimer: catalog.format("disclaimer", &[]),
        input: InputInfo {
            format,
            source_bytes,
            text_bytes: doc.text.len(),
            span_basis,
            source_map,
            warnings: warnings
                .iter()
                .map(|w| warning_text(w, catalog))
                .chain(
                    method
                        .deep_failed
                        .iter()
                        .map(|e| catalog.format("warning-deep-failed", &[("error", e.clone())])),
                )
                .chain(omitted.iter().map(|o| {
                    catalog.format(
                        "warning-findings-omitted",
                        &[("count", o.count.to_string()), ("code", o.code.as_str().to_string())],
                    )
                }))
                .chain((claims_omitted > 0).then(|| {
                    catalog.format(
                        "warning-claims-omitted",
                        &[
                            ("count", claims_omitted.to_string()),
                            ("shown", MAX_REPORTED_CLAIMS.to_string()),
                        ],
                    )
                }))
                .collect(),
        },
        text_language,
        text_languages,
        report_language: lang.parse().unwrap_or(Language::En),
        grade: grade(&verdicts, catalog),
        questions,
        compliance,
        criteria,
        method: method_out(&method, catalog, &disabled_checks),
        omitted: OmittedOut {
            findings: omitted
                .iter()
                .map(|o| OmittedFindingsOut {
                    code: o.code.as_str(),
                    count: o.count,
                })
                .collect(),
            claims: claims_omitted,
        },
        findings: out,
        claims,
        interventions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risks(findings: &[Finding]) -> (Verdict, Vec<Code>) {
        let indexed: Vec<(usize, &Finding)> = findings.iter().enumerate().collect();
        let (verdict, decided) = verdict_for(Question::Risks, &indexed, false);
        (verdict, decided.iter().map(|&i| findings[i].code).collect())
    }

    fn finding(code: Code, severity: Severity) -> Finding {
        Finding::new(code, Question::Risks, severity, Span::new(0, 4), "test")
    }

    #[test]
    fn an_absence_the_reviewers_do_not_fault_does_not_decide_the_risks_verdict() {
        let silent = [finding(Code::HC302, Severity::Concern)];
        assert_eq!(risks(&silent), (Verdict::Concern, vec![Code::HC302]));
        let excused = [
            finding(Code::HC302, Severity::Concern),
            finding(Code::HC306, Severity::Info),
        ];
        assert_eq!(risks(&excused), (Verdict::NotApplicable, vec![Code::HC306]));
        let named_in_general = [
            finding(Code::HC303, Severity::Positive),
            finding(Code::HC304, Severity::Concern),
            finding(Code::HC306, Severity::Info),
        ];
        assert_eq!(risks(&named_in_general), (Verdict::Pass, vec![Code::HC303]));
        // A safety promise is the text's own words: nothing excuses it.
        let promise = [
            finding(Code::HC301, Severity::Concern),
            finding(Code::HC302, Severity::Concern),
            finding(Code::HC306, Severity::Info),
        ];
        assert_eq!(risks(&promise), (Verdict::Concern, vec![Code::HC301]));
    }
}
