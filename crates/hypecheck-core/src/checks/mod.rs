//! Checks: one file per check, each with a stable code (`HC1xx` evidence, `HC2xx` approval,
//! `HC3xx` risks, `HC4xx` language, `HC5xx` compliance). A check reads the [`Analysis`] and pushes
//! [`Finding`]s; it never prints, never reads files, never mutates shared state.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::context::Modifier;
use crate::document::Span;

mod hc101_preclinical_as_benefit;
mod hc102_proven_without_human_trial;
mod hc103_anecdotal_evidence;
mod hc104_evidence_limits_named;
mod hc105_controlled_human_evidence;
mod hc106_claim_beyond_kb_evidence;
mod hc107_claims_without_evidence;
mod hc108_study_size_stated;
mod hc109_evidence_strength_not_conveyed;
mod hc110_causal_claim_on_weak_design;
mod hc111_evidence_through_approval;
mod hc112_relative_numbers_only;
mod hc201_false_approval_claim;
mod hc202_approval_for_other_use;
mod hc203_pseudo_approval;
mod hc204_status_not_stated;
mod hc205_status_stated;
mod hc206_approved_use;
mod hc301_safety_reassurance;
mod hc302_risks_not_discussed;
mod hc303_risks_disclosed;
mod hc304_harms_not_specified;
mod hc305_harms_short_of_reviewers;
mod hc306_harms_not_at_issue;
pub use hc306_harms_not_at_issue::ABSENCES as HARM_ABSENCES;
mod hc401_hype_term;
mod hc402_absolute_promise;
mod hc403_unhedged_causal_claim;
mod hc404_cautious_language;
mod hc405_measured_language;
mod hc406_headline_overclaim;
mod hc501_dosing_usage;
mod hc502_price;
mod hc503_sourcing;

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn every_check_is_registered_once_documented_and_named_after_its_file() {
        let mut codes: Vec<Code> = REGISTRY.iter().map(|c| c.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), REGISTRY.len(), "duplicate check codes");
        assert_eq!(
            SOURCES.len(),
            REGISTRY.len(),
            "a check file is missing from the registry or SOURCES"
        );
        for check in REGISTRY {
            let doc = documentation(check.code()).unwrap();
            assert!(doc.starts_with(&format!("{} {}", check.code(), check.name())), "{doc}");
            for part in ["## What it does", "## Why", "## Example"] {
                assert!(doc.contains(part), "{} lacks {part}", check.code());
            }
        }
    }
}

/// Declares the check codes once: the enum, the list of all codes and their names.
macro_rules! codes {
    ($($code:ident),* $(,)?) => {
        /// The stable code of a check (`HC1xx` evidence, `HC2xx` approval, `HC3xx` risks, `HC4xx`
        /// language, `HC5xx` compliance); never reused. Shown and serialised as its name ("HC401").
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[allow(clippy::upper_case_acronyms)]
        pub enum Code {
            $($code),*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),*
                }
            }
        }
    };
}

codes! {
    HC101,
    HC102,
    HC103,
    HC104,
    HC105,
    HC106,
    HC107,
    HC108,
    HC109,
    HC110,
    HC111,
    HC112,
    HC201,
    HC202,
    HC203,
    HC204,
    HC205,
    HC206,
    HC301,
    HC302,
    HC303,
    HC304,
    HC305,
    HC306,
    HC401,
    HC402,
    HC403,
    HC404,
    HC405,
    HC406,
    HC501,
    HC502,
    HC503,
}

impl Code {
    /// The code a user typed ("hc401" or "HC401").
    pub fn parse(code: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(code))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The four questions of the origin article, plus the editorial rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Question {
    Evidence,
    Approval,
    Risks,
    Language,
    Compliance,
}

impl Question {
    pub const FOUR: [Question; 4] = [
        Question::Evidence,
        Question::Approval,
        Question::Risks,
        Question::Language,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Question::Evidence => "evidence",
            Question::Approval => "approval",
            Question::Risks => "risks",
            Question::Language => "language",
            Question::Compliance => "compliance",
        }
    }
}

/// How a finding weighs on its question's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Good practice the text shows (supports `pass`).
    Positive,
    /// Worth knowing; does not move the verdict.
    Info,
    /// A real shortcoming.
    Concern,
    /// A false or misleading statement, or a benefit resting on animal/cell data or anecdote.
    Fail,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Positive => "positive",
            Severity::Info => "info",
            Severity::Concern => "concern",
            Severity::Fail => "fail",
        }
    }
}

/// A knowledge-base fact a finding rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    Status { entry: u32, index: usize },
    ApprovedUse { entry: u32, index: usize },
    PromotedUse { entry: u32, index: usize },
    Harm { entry: u32, index: usize },
}

/// A message argument: text from the document, or a knowledge-base entry named in the report language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Entry(u32),
    /// Approved uses of knowledge-base products, `(entry, index)`: shown as "Ryoncil (FDA,
    /// 2024-12-18): steroid-refractory acute GVHD ..." in the report's language.
    ApprovedUses(Vec<(u32, usize)>),
    /// Another catalog message, shown in the report language.
    Message(String),
}

/// One observation about the text, with its exact span and the reason.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: Code,
    pub question: Question,
    pub severity: Severity,
    pub span: Span,
    /// Message id in the catalogs and its arguments.
    pub message: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    /// Mention indices of the cues that fired.
    pub cues: Vec<usize>,
    /// Contexts that applied to the deciding cue.
    pub context: Vec<Modifier>,
    pub facts: Vec<Fact>,
}

impl Finding {
    pub fn new(code: Code, question: Question, severity: Severity, span: Span, message: &'static str) -> Finding {
        Finding {
            code,
            question,
            severity,
            span,
            message,
            args: Vec::new(),
            cues: Vec::new(),
            context: Vec::new(),
            facts: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Finding {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// An argument that is itself a catalog message (an evidence level, say).
    pub fn message_arg(mut self, name: &'static str, id: impl Into<String>) -> Finding {
        self.args.push((name, Arg::Message(id.into())));
        self
    }

    /// An argument listing approved uses of knowledge-base products (see [`Arg::ApprovedUses`]).
    pub fn approved_uses_arg(mut self, name: &'static str, uses: Vec<(u32, usize)>) -> Finding {
        self.args.push((name, Arg::ApprovedUses(uses)));
        self
    }

    /// An argument naming a knowledge-base entry, shown in the report's language.
    pub fn entry_arg(mut self, name: &'static str, entry: u32) -> Finding {
        self.args.push((name, Arg::Entry(entry)));
        self
    }

    /// Records the cue that fired and the context it stood in.
    pub fn cue(mut self, a: &Analysis, mention: usize) -> Finding {
        self.cues.push(mention);
        for m in a.context[mention].modifiers() {
            if !self.context.contains(&m) {
                self.context.push(m);
            }
        }
        self
    }

    pub fn facts(mut self, facts: impl IntoIterator<Item = Fact>) -> Finding {
        for f in facts {
            if !self.facts.contains(&f) {
                self.facts.push(f);
            }
        }
        self
    }
}

/// A rule over the analysis.
pub trait Check: Sync {
    /// Stable code, never reused.
    fn code(&self) -> Code;
    /// Short kebab-case name.
    fn name(&self) -> &'static str;
    fn question(&self) -> Question;
    /// One line saying what it checks, for `hypecheck rules`.
    fn summary(&self) -> &'static str;
    fn run(&self, a: &Analysis, out: &mut FindingSink);
    /// The second phase, after the expert criteria are answered: a check that weighs the
    /// reviewers' standard (as the learned model reads it) with what the other checks found.
    /// Most checks have none.
    fn run_on_reading(
        &self,
        _a: &Analysis,
        _findings: &[Finding],
        _reading: &ReviewersReading,
        _out: &mut FindingSink,
    ) {
    }
}

/// What the model trained on health-news reviewers' ratings reads in a text, as the checks'
/// second phase sees it: per question, the probability it gives that the reviewers' matching
/// criterion is not met (risks: harms explained and quantified), whichever class it chose. Empty
/// where no model read the text (German texts, the rules tier). The checker fills it in from the criteria, which come after the checks.
#[derive(Debug, Clone, Default)]
pub struct ReviewersReading {
    pub short_of: Vec<(Question, f64)>,
}

impl ReviewersReading {
    pub fn short_of(&self, question: Question) -> Option<f64> {
        self.short_of.iter().find(|(q, _)| *q == question).map(|&(_, p)| p)
    }
}

/// Every check, in code order.
pub static REGISTRY: &[&dyn Check] = &[
    &hc101_preclinical_as_benefit::PreclinicalAsBenefit,
    &hc102_proven_without_human_trial::ProvenWithoutHumanTrial,
    &hc103_anecdotal_evidence::AnecdotalEvidence,
    &hc104_evidence_limits_named::EvidenceLimitsNamed,
    &hc105_controlled_human_evidence::ControlledHumanEvidence,
    &hc106_claim_beyond_kb_evidence::ClaimBeyondKbEvidence,
    &hc107_claims_without_evidence::ClaimsWithoutEvidence,
    &hc108_study_size_stated::StudySizeStated,
    &hc109_evidence_strength_not_conveyed::EvidenceStrengthNotConveyed,
    &hc110_causal_claim_on_weak_design::CausalClaimOnWeakDesign,
    &hc111_evidence_through_approval::EvidenceThroughApproval,
    &hc112_relative_numbers_only::RelativeNumbersOnly,
    &hc201_false_approval_claim::FalseApprovalClaim,
    &hc202_approval_for_other_use::ApprovalForOtherUse,
    &hc203_pseudo_approval::PseudoApproval,
    &hc204_status_not_stated::StatusNotStated,
    &hc205_status_stated::StatusStated,
    &hc206_approved_use::ApprovedUse,
    &hc301_safety_reassurance::SafetyReassurance,
    &hc302_risks_not_discussed::RisksNotDiscussed,
    &hc303_risks_disclosed::RisksDisclosed,
    &hc304_harms_not_specified::HarmsNotSpecified,
    &hc305_harms_short_of_reviewers::HarmsShortOfReviewers,
    &hc306_harms_not_at_issue::HarmsNotAtIssue,
    &hc401_hype_term::HypeTerm,
    &hc402_absolute_promise::AbsolutePromise,
    &hc403_unhedged_causal_claim::UnhedgedCausalClaim,
    &hc404_cautious_language::CautiousLanguage,
    &hc405_measured_language::MeasuredLanguage,
    &hc406_headline_overclaim::HeadlineOverclaim,
    &hc501_dosing_usage::DosingUsage,
    &hc502_price::Price,
    &hc503_sourcing::Sourcing,
];

/// The source of every check file, for its documentation (the `//!` comment at the top).
static SOURCES: &[(Code, &str)] = &[
    (Code::HC101, include_str!("hc101_preclinical_as_benefit.rs")),
    (Code::HC102, include_str!("hc102_proven_without_human_trial.rs")),
    (Code::HC103, include_str!("hc103_anecdotal_evidence.rs")),
    (Code::HC104, include_str!("hc104_evidence_limits_named.rs")),
    (Code::HC105, include_str!("hc105_controlled_human_evidence.rs")),
    (Code::HC106, include_str!("hc106_claim_beyond_kb_evidence.rs")),
    (Code::HC107, include_str!("hc107_claims_without_evidence.rs")),
    (Code::HC108, include_str!("hc108_study_size_stated.rs")),
    (Code::HC109, include_str!("hc109_evidence_strength_not_conveyed.rs")),
    (Code::HC110, include_str!("hc110_causal_claim_on_weak_design.rs")),
    (Code::HC111, include_str!("hc111_evidence_through_approval.rs")),
    (Code::HC112, include_str!("hc112_relative_numbers_only.rs")),
    (Code::HC201, include_str!("hc201_false_approval_claim.rs")),
    (Code::HC202, include_str!("hc202_approval_for_other_use.rs")),
    (Code::HC203, include_str!("hc203_pseudo_approval.rs")),
    (Code::HC204, include_str!("hc204_status_not_stated.rs")),
    (Code::HC205, include_str!("hc205_status_stated.rs")),
    (Code::HC206, include_str!("hc206_approved_use.rs")),
    (Code::HC301, include_str!("hc301_safety_reassurance.rs")),
    (Code::HC302, include_str!("hc302_risks_not_discussed.rs")),
    (Code::HC303, include_str!("hc303_risks_disclosed.rs")),
    (Code::HC304, include_str!("hc304_harms_not_specified.rs")),
    (Code::HC305, include_str!("hc305_harms_short_of_reviewers.rs")),
    (Code::HC306, include_str!("hc306_harms_not_at_issue.rs")),
    (Code::HC401, include_str!("hc401_hype_term.rs")),
    (Code::HC402, include_str!("hc402_absolute_promise.rs")),
    (Code::HC403, include_str!("hc403_unhedged_causal_claim.rs")),
    (Code::HC404, include_str!("hc404_cautious_language.rs")),
    (Code::HC405, include_str!("hc405_measured_language.rs")),
    (Code::HC406, include_str!("hc406_headline_overclaim.rs")),
    (Code::HC501, include_str!("hc501_dosing_usage.rs")),
    (Code::HC502, include_str!("hc502_price.rs")),
    (Code::HC503, include_str!("hc503_sourcing.rs")),
];

/// The documentation of a check: what it does, why it matters, an example (from its doc comment).
pub fn documentation(code: Code) -> Option<String> {
    let (_, source) = SOURCES.iter().find(|(c, _)| *c == code)?;
    let doc: Vec<&str> = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| {
            l.trim_start_matches("//!")
                .strip_prefix(' ')
                .unwrap_or(l.trim_start_matches("//!"))
        })
        .collect();
    Some(doc.join("\n"))
}

/// The lexicon kinds a check's own code names (`CueKind::Hype`, tests aside), in the order they
/// first appear: what its documentation page lists as the lexicon entries it reads.
pub fn cue_kinds_read(code: Code) -> Vec<crate::lexicon::CueKind> {
    let Some((_, source)) = SOURCES.iter().find(|(c, _)| *c == code) else {
        return Vec::new();
    };
    let code_part = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut kinds = Vec::new();
    for piece in code_part.split("CueKind::").skip(1) {
        let ident: String = piece.chars().take_while(char::is_ascii_alphanumeric).collect();
        // CamelCase to the lexicon's snake_case name, read back through serde: only real kinds.
        let mut snake = String::new();
        for (i, ch) in ident.chars().enumerate() {
            if ch.is_ascii_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.push(ch.to_ascii_lowercase());
        }
        if let Ok(kind) = serde_json::from_value::<crate::lexicon::CueKind>(serde_json::Value::String(snake)) {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    kinds
}

/// Runs every check; findings come out sorted by position, then code.
/// Findings one check may report on one text; more of the same kind say nothing new, and a text
/// of 3 million "cure"s must not cost gigabytes. The rest are counted ([`Omitted`]).
pub const MAX_FINDINGS_PER_CHECK: usize = 500;

/// Where a check puts its findings: the first [`MAX_FINDINGS_PER_CHECK`] are kept, the rest only
/// counted.
pub struct FindingSink {
    kept: Vec<Finding>,
    cap: usize,
    omitted: usize,
}

impl FindingSink {
    pub fn new(cap: usize) -> FindingSink {
        FindingSink {
            kept: Vec::new(),
            cap,
            omitted: 0,
        }
    }

    pub fn push(&mut self, finding: Finding) {
        if self.kept.len() < self.cap {
            self.kept.push(finding);
        } else {
            self.omitted += 1;
        }
    }

    /// The findings kept so far.
    pub fn kept(&self) -> &[Finding] {
        &self.kept
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.kept
    }
}

/// Findings of one check left out of a report beyond [`MAX_FINDINGS_PER_CHECK`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Omitted {
    pub code: Code,
    pub count: usize,
}

/// Every check over the analysis but the `disabled` ones: the findings in text order, and what
/// each check left out. Stops
/// between checks once `cancelled` says so (the caller then discards the result).
pub fn run_all(a: &Analysis, cancelled: &dyn Fn() -> bool, disabled: &[Code]) -> (Vec<Finding>, Vec<Omitted>) {
    let mut out = Vec::new();
    let mut omitted = Vec::new();
    for check in REGISTRY {
        if cancelled() {
            break;
        }
        if disabled.contains(&check.code()) {
            continue;
        }
        let mut sink = FindingSink::new(MAX_FINDINGS_PER_CHECK);
        check.run(a, &mut sink);
        if sink.omitted > 0 {
            omitted.push(Omitted {
                code: check.code(),
                count: sink.omitted,
            });
        }
        out.extend(sink.kept);
    }
    out.sort_by_key(|f| (f.span.start, f.code));
    (out, omitted)
}

/// The second phase of every check but the `disabled` ones, after the criteria: the findings it
/// adds to those of the first.
pub fn run_on_reading(
    a: &Analysis,
    findings: &[Finding],
    reading: &ReviewersReading,
    disabled: &[Code],
) -> Vec<Finding> {
    let mut added = Vec::new();
    for check in REGISTRY {
        if disabled.contains(&check.code()) {
            continue;
        }
        let mut sink = FindingSink::new(MAX_FINDINGS_PER_CHECK);
        check.run_on_reading(a, findings, reading, &mut sink);
        added.extend(sink.kept);
    }
    added
}

/// Helpers shared by several checks.
pub(crate) mod util {
    use super::*;
    use crate::lexicon::CueKind;
    use hypecheck_kb::ApprovalStatus;

    /// The most relevant regulatory status of an entry (US FDA first, then EU), walking up its parents.
    pub fn unapproved_status(a: &Analysis, entry: u32) -> Option<Fact> {
        let e = a.entry(entry);
        for jurisdiction in ["us_fda", "eu"] {
            if let Some(index) = e.status.iter().position(|s| s.jurisdiction == jurisdiction) {
                let s = &e.status[index];
                return s.status.is_unapproved().then_some(Fact::Status { entry, index });
            }
        }
        // No own status: inherit the parent's.
        for parent in &e.parents {
            if let Some(p) = a.kb.index_of(parent) {
                return unapproved_status(a, p as u32);
            }
        }
        None
    }

    /// The approved uses of products that belong to an entry (Ryoncil under stem cells, through
    /// mesenchymal stem cells), as `(product, use index)`, in knowledge-base order.
    pub fn approved_descendant_uses(a: &Analysis, entry: u32) -> Vec<(u32, usize)> {
        let id = &a.entry(entry).id;
        let mut out = Vec::new();
        for (product, e) in a.kb.entries().iter().enumerate() {
            if e.approved_uses.is_empty() || e.id == *id {
                continue;
            }
            if a.kb.lineage(&e.id).iter().any(|ancestor| ancestor.id == *id) {
                out.extend((0..e.approved_uses.len()).map(|index| (product as u32, index)));
            }
        }
        out
    }

    pub fn is_approved_product(a: &Analysis, entry: u32) -> bool {
        a.entry(entry)
            .status
            .iter()
            .any(|s| s.status == ApprovalStatus::Approved)
    }

    /// Whether a product is approved for a condition or for a broader condition it belongs to
    /// (aplastic anemia is one of the disorders of the blood-forming system).
    pub fn approved_for(a: &Analysis, product: u32, condition: u32) -> bool {
        !approved_use_facts(a, product, condition).is_empty()
    }

    /// The approved uses of a product that cover a condition: its own, or a broader one it
    /// belongs to.
    pub fn approved_use_facts(a: &Analysis, product: u32, condition: u32) -> Vec<Fact> {
        let lineage = a.kb.lineage(&a.entry(condition).id);
        a.entry(product)
            .approved_uses
            .iter()
            .enumerate()
            .filter(|(_, u)| lineage.iter().any(|c| c.id == u.condition))
            .map(|(index, _)| Fact::ApprovedUse { entry: product, index })
            .collect()
    }

    /// An approved product named with a condition it is approved for.
    pub struct ApprovedUseStated {
        pub product: u32,
        pub product_mention: usize,
        pub condition: u32,
        pub condition_mention: usize,
    }

    /// Each approved product the text names together with a condition it is approved for: the
    /// first such condition, at the product's first mention.
    pub fn approved_uses_stated(a: &Analysis) -> Vec<ApprovedUseStated> {
        let conditions: Vec<(usize, u32)> = a
            .cues(CueKind::Condition)
            .filter_map(|(i, m, _)| m.entry.map(|e| (i, e)))
            .collect();
        let mut out = Vec::new();
        for &iv in a.interventions() {
            if !is_approved_product(a, iv) {
                continue;
            }
            let Some(&(ci, cond)) = conditions.iter().find(|&&(_, c)| approved_for(a, iv, c)) else {
                continue;
            };
            let Some((i, _, _)) = a.cues(CueKind::Intervention).find(|(_, m, _)| m.entry == Some(iv)) else {
                continue;
            };
            out.push(ApprovedUseStated {
                product: iv,
                product_mention: i,
                condition: cond,
                condition_mention: ci,
            });
        }
        out
    }

    /// Whether the text promises benefits with nothing but weak support: it asserts efficacy, cites
    /// no controlled human study and names no limit of the evidence.
    pub fn unsupported_promotion(a: &Analysis) -> bool {
        a.claims.iter().any(|c| c.asserts(crate::claims::ClaimKind::Efficacy))
            && !a.any_asserted(CueKind::HumanControlled)
            && !a.any_asserted(CueKind::Limitation)
    }

    /// Whether sentence `s` names a study design or model ("in mice", "randomized", "a trial of"):
    /// such a sentence reports a finding together with its evidence.
    pub fn names_design(a: &Analysis, s: usize) -> bool {
        a.in_sentence(s).any(|(_, m, _)| DESIGN_KINDS.contains(&m.kind))
    }

    /// The cue kinds that name a study design or model: animals and cells, controlled, early and
    /// observational studies in people.
    pub const DESIGN_KINDS: [CueKind; 4] = [
        CueKind::Preclinical,
        CueKind::HumanControlled,
        CueKind::HumanEarly,
        CueKind::HumanObservational,
    ];

    /// The first cue of `kind` the text does not deny or refute ("in mice" counts, "not in mice"
    /// does not).
    pub fn first_affirmed<'a>(
        a: &'a Analysis,
        kind: CueKind,
    ) -> Option<(usize, &'a crate::lexicon::Mention, &'a crate::context::Context)> {
        a.cues(kind)
            .find(|(_, _, c)| !c.has(Modifier::Negated) && !c.has(Modifier::Refuted))
    }

    /// Whether sentence `s` reports a quantified outcome ("41%", "30 in 100", "12 of 50"): a
    /// measured result, not a promise.
    pub fn quantified(a: &Analysis, s: usize) -> bool {
        let text = a.doc.slice(a.sentence_span(s));
        let b = text.as_bytes();
        (0..b.len()).any(|i| {
            b[i].is_ascii_digit()
                && (i + 1 == b.len() || !b[i + 1].is_ascii_digit())
                && [
                    &b"%"[..],
                    b" %",
                    b" in 100",
                    b" out of",
                    b" of ",
                    b" percent",
                    b" von ",
                    b" prozent",
                    b" pro 100",
                ]
                .iter()
                .any(|suffix| b[i + 1..].starts_with(suffix))
        })
    }

    /// Whether the text states an approval status as absent ("not approved", "isn't FDA approved").
    pub fn states_unapproved(a: &Analysis) -> Option<usize> {
        a.cues(CueKind::UnapprovedStatus)
            .find(|(_, _, c)| !c.has(Modifier::Negated))
            .or_else(|| {
                a.cues(CueKind::ApprovalClaim)
                    .find(|(_, _, c)| c.has(Modifier::Negated))
            })
            .or_else(|| a.cues(CueKind::RegulatorWarning).next())
            .map(|(i, _, _)| i)
    }

    /// The interventions an approval cue speaks about: those named in its sentence, else the
    /// subject the sentence's claim inherited, else every intervention in the text.
    pub fn approval_subjects(a: &Analysis, mention: usize) -> Vec<u32> {
        let s = a.sentence_of(mention);
        let named: Vec<u32> = a
            .in_sentence(s)
            .filter(|(_, m, _)| m.kind == CueKind::Intervention)
            .filter_map(|(_, m, _)| m.entry)
            .collect();
        if !named.is_empty() {
            return named;
        }
        if let Some(c) = a.claim_in(s) {
            return c.interventions.clone();
        }
        a.interventions().to_vec()
    }

    /// The cue kinds that say something about the evidence behind a claim.
    pub const EVIDENCE_KINDS: [CueKind; 9] = [
        CueKind::Preclinical,
        CueKind::HumanControlled,
        CueKind::HumanEarly,
        CueKind::HumanObservational,
        CueKind::Anecdote,
        CueKind::VagueEvidence,
        CueKind::ProvenClaim,
        CueKind::Limitation,
        CueKind::Population,
    ];

    /// Whether the text says anything at all about evidence.
    pub fn speaks_of_evidence(a: &Analysis) -> bool {
        EVIDENCE_KINDS.iter().any(|&k| a.cues(k).next().is_some())
    }

    /// Whether the text reports one study ("the study", "a trial", "researchers found") rather
    /// than research in general ("studies", "controlled trials").
    pub fn reports_a_study(a: &Analysis) -> bool {
        DESIGN_KINDS.iter().flat_map(|&k| a.cues(k)).any(|(_, m, _)| {
            let t = a.doc.slice(m.span).to_ascii_lowercase();
            t.ends_with("study") || t.ends_with("trial") || t.ends_with("studie") || t.ends_with("analysis")
        })
    }

    /// The first number of people studied the text states as fact ("1,045 patients").
    pub fn study_size<'a>(
        a: &'a Analysis,
    ) -> Option<(usize, &'a crate::lexicon::Mention, &'a crate::context::Context)> {
        a.cues(CueKind::Population)
            .find(|(_, _, c)| !c.has(Modifier::Negated) && !c.has(Modifier::Hypothetical))
    }

    /// The largest number of people the text says were studied ("7,400 patients"), if any.
    pub fn people_studied(a: &Analysis) -> Option<u64> {
        a.cues(CueKind::Population)
            .filter(|(_, _, c)| !c.has(Modifier::Negated) && !c.has(Modifier::Hypothetical))
            .filter_map(|(_, m, _)| m.count.map(|c| c.people))
            .max()
    }

    /// A mention of people with its count ("14 advanced-stage cancer patients").
    pub fn with_count(m: &crate::lexicon::Mention) -> Span {
        m.count.map_or(m.span, |c| Span::new(c.start, m.span.end))
    }

    pub use crate::analysis::HarmTalk;

    /// How many words before a harm a decrease may stand and still make it an outcome
    /// ("lowers the risk of wound infection").
    const OUTCOME_REACH: usize = 4;

    /// Whether a harm cue is an outcome the intervention is meant to lower ("fewer infections",
    /// "prevents bleeding"), not a harm it may cause.
    fn is_outcome(a: &Analysis, mention: usize) -> bool {
        let m = &a.mentions[mention];
        let s = a.sentence_of(mention);
        a.in_sentence(s).any(|(_, d, _)| {
            matches!(d.kind, CueKind::Reduction | CueKind::Decrease)
                && d.span.end <= m.span.start
                && crate::context::words_between(&a.doc.text, d.span.end, m.span.start) <= OUTCOME_REACH
        })
    }

    /// The sentences that discuss harms of the intervention: harm words not denied ("no side
    /// effects" is a promise, not a disclosure, unless the author distances it), not outcomes, and
    /// "natural does not mean harmless". Risk of the disease ("lowers the risk of dementia") is not
    /// a harm: the word "risk" alone is no cue.
    pub fn harm_talk<'a>(a: &'a Analysis) -> &'a [HarmTalk] {
        // Four risk checks read it: found once per text.
        a.harm_talk.get_or_init(|| find_harm_talk(a))
    }

    fn find_harm_talk(a: &Analysis) -> Vec<HarmTalk> {
        let mut out: Vec<HarmTalk> = Vec::new();
        for (i, m) in a.mentions.iter().enumerate() {
            let c = &a.context[i];
            let counts = match m.kind {
                // "Fewer side effects" still speaks of the treatment's harms; "fewer infections"
                // may be the outcome it is meant to lower.
                // A trial's "no serious adverse events were reported" reports on harms too.
                CueKind::Risk => !c.has(Modifier::Negated) || c.distanced() || reported_result(a, i),
                CueKind::NamedHarm => {
                    (!c.has(Modifier::Negated) || c.distanced() || reported_result(a, i))
                        && !is_outcome(a, i)
                        && !in_a_proper_name(a, i)
                }
                CueKind::Reassurance => c.has(Modifier::Negated) || c.has(Modifier::Refuted),
                // A condition the treated had more of, or reported, is a harm of the treatment
                // ("higher rates of erectile dysfunction (28 percent vs 20 percent)").
                CueKind::Condition => !c.has(Modifier::Negated) && condition_as_harm(a, i),
                _ => false,
            };
            if !counts {
                continue;
            }
            let s = a.sentence_of(i);
            // A named harm on its own may be the disease itself ("HIV infection", "patients with
            // fatigue"); it is a harm of the treatment where the sentence speaks of harm in general
            // words too ("side effects included nausea") or ties it to the treatment ("infections
            // have been reported", "stop using it if you notice redness").
            // So is a named harm right after a sentence about harms ("Complications were not rare.
            // Numbness occurred in 7 patients.").
            let follows_harm_talk = out
                .last()
                .is_some_and(|t| t.sentence < s && s - t.sentence <= HARM_TALK_CARRY);
            if m.kind == CueKind::NamedHarm
                && !follows_harm_talk
                && !a.in_sentence(s).any(|(j, x, xc)| {
                    (x.kind == CueKind::Risk && !xc.has(Modifier::Negated) && !is_outcome(a, j))
                        || matches!(x.kind, CueKind::HarmContext | CueKind::HarmReport)
                        || (x.kind == CueKind::HarmComparison && names_a_treatment(a, s))
                        || (x.kind == CueKind::HarmLead && leads_to(a, x.span, m.span))
                        || (x.kind == CueKind::Causal && treatment_causes(a, s, j, m.span))
                })
            {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.sentence == s => {
                    if m.kind == CueKind::NamedHarm
                        && last.specific
                        && a.mentions[last.mention].kind != CueKind::NamedHarm
                    {
                        // Point at the named harm itself.
                        last.mention = i;
                    }
                }
                _ => out.push(HarmTalk {
                    mention: i,
                    sentence: s,
                    // Once per sentence: it names a harm or gives a number for it (a number
                    // near the harm words; "a 29% reduction ... and what the side effects were"
                    // counts nothing).
                    specific: m.kind == CueKind::Condition
                        || a.in_sentence(s)
                            .any(|(j, x, _)| x.kind == CueKind::NamedHarm && !is_outcome(a, j))
                        || number_near(a, i, HARM_NUMBER_REACH),
                    counted: a.in_sentence(s).any(|(j, x, _)| {
                        (j == i || (x.kind == CueKind::NamedHarm && !is_outcome(a, j)))
                            && number_near(a, j, HARM_NUMBER_REACH)
                    }),
                }),
            }
        }
        out
    }

    /// Whether the sentence of a mention reports what a study saw ("were reported", "occurred
    /// in"): a harm denied there is a result, not a promise.
    pub fn reported_result(a: &Analysis, mention: usize) -> bool {
        a.in_sentence(a.sentence_of(mention))
            .any(|(_, x, _)| x.kind == CueKind::HarmReport)
    }

    /// How many words a harm lead ("reported", "complained of") reaches: "reported mild stomach
    /// upset and nausea".
    const LEAD_REACH: usize = 4;

    /// Whether the harm at `harm` follows the lead at `lead` closely, and is not a condition the
    /// people have ("patients reported ... people with hearing loss").
    fn leads_to(a: &Analysis, lead: Span, harm: Span) -> bool {
        if lead.end > harm.start || crate::context::words_between(&a.doc.text, lead.end, harm.start) > LEAD_REACH {
            return false;
        }
        !a.doc.text[lead.end..harm.start]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("with") || w.eq_ignore_ascii_case("mit"))
    }

    /// Whether the causal cue at `mention` ("can cause", "may lead to") has the treatment right
    /// before it, as its subject, and the harm at `harm` right after it: "Coffee can cause sleep
    /// problems" names a harm of coffee. What causes a harm is often the disease ("smoking can
    /// cause cancer", "the damage progresses, causing blindness"), so the treatment must be the
    /// subject, within a few words before the verb ("The supplement may lead to nausea").
    fn treatment_causes(a: &Analysis, s: usize, mention: usize, harm: Span) -> bool {
        let cue = a.mentions[mention].span;
        let verb = &a.doc.text[cue.start..cue.end];
        // "strokes caused by blood clots": in the passive the harm is the cause; "the leading
        // cause of blindness" is the noun.
        let next_word = a.doc.text[cue.end..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty());
        let passive_or_noun = next_word.is_some_and(|w| w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("of"));
        crate::claims::is_cause_verb(verb)
            && !passive_or_noun
            && leads_to(a, cue, harm)
            && a.in_sentence(s).any(|(_, t, _)| {
                t.span.end <= cue.start
                    && crate::context::words_between(&a.doc.text, t.span.end, cue.start) <= SUBJECT_REACH
                    // The subject's clause: no comma or semicolon between it and its verb.
                    && !a.doc.text[t.span.end..cue.start].contains([',', ';', ':'])
                    && names_treatment(t.kind)
            })
    }

    /// How many words may stand between the treatment and the verb it is the subject of ("can",
    /// "may also", "in rare cases can").
    const SUBJECT_REACH: usize = 4;

    /// Whether the condition at `mention` is what the treated had more of ("had higher rates of
    /// erectile dysfunction") or reported ("reported erectile problems"): then it is a harm.
    fn condition_as_harm(a: &Analysis, mention: usize) -> bool {
        let m = &a.mentions[mention];
        let s = a.sentence_of(mention);
        a.in_sentence(s).any(|(_, x, _)| {
            ((x.kind == CueKind::HarmComparison && names_a_treatment(a, s)) || x.kind == CueKind::HarmLead)
                && leads_to(a, x.span, m.span)
        })
    }

    /// Whether a mention is part of a capitalised name ("Division of Pediatric Allergy", "the
    /// Heart and Stroke Foundation"): a department or society, not a harm.
    fn in_a_proper_name(a: &Analysis, mention: usize) -> bool {
        let span = a.mentions[mention].span;
        let text = &a.doc.text;
        if !text[span.start..].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        let before = &text[..span.start];
        let Some(prefix) = before.strip_suffix(' ') else {
            return false;
        };
        let previous = prefix.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        previous.starts_with(|c: char| c.is_uppercase())
            && prefix.len() > previous.len()
            && !prefix[..prefix.len() - previous.len()]
                .trim_end()
                .ends_with(['.', '!', '?', ':'])
    }

    /// Whether sentence `s` names a treatment, by the knowledge base or in general words.
    fn names_a_treatment(a: &Analysis, s: usize) -> bool {
        a.in_sentence(s).any(|(_, m, _)| names_treatment(m.kind))
    }

    /// Whether a cue of this kind names a treatment (one the knowledge base knows, or one in
    /// general words: "the drug", "this supplement").
    fn names_treatment(kind: CueKind) -> bool {
        matches!(
            kind,
            CueKind::Intervention | CueKind::GenericIntervention | CueKind::GenericProduct
        )
    }

    /// Sentences after a sentence about harms in which a named harm is still one of the treatment's.
    const HARM_TALK_CARRY: usize = 2;

    /// How many words a number may stand from the harm it counts ("4.2% stopped because of side
    /// effects", "side effects ... in 25 people").
    const HARM_NUMBER_REACH: usize = 8;

    /// Whether a number written in digits stands within `reach` words of a mention, in its sentence.
    pub fn number_near(a: &Analysis, mention: usize, reach: usize) -> bool {
        let m = a.mentions[mention].span;
        let sentence = a.sentence_span(a.sentence_of(mention));
        let text = &a.doc.text;
        text[sentence.start..sentence.end]
            .bytes()
            .enumerate()
            .filter(|(_, b)| b.is_ascii_digit())
            .map(|(k, _)| sentence.start + k)
            .any(|d| {
                let (from, to) = if d < m.start { (d, m.start) } else { (m.end, d) };
                crate::context::words_between(text, from, to) <= reach
            })
    }

    /// The subject of a claim for messages: its knowledge-base entry, else its words in the text.
    pub fn subject_arg(a: &Analysis, claim: &crate::claims::Claim, finding: Finding, name: &'static str) -> Finding {
        match (claim.interventions.first(), claim.generic_subject) {
            (Some(&e), _) => finding.entry_arg(name, e),
            (None, Some(span)) => finding.arg(name, quote(a, span)),
            (None, None) => finding.message_arg(name, "subject-this-treatment"),
        }
    }

    /// Knowledge-base harms of an entry and its parents.
    pub fn harms(a: &Analysis, entry: u32) -> Vec<Fact> {
        let id = &a.entry(entry).id;
        let mut out = Vec::new();
        for e in a.kb.lineage(id) {
            let Some(idx) = a.kb.index_of(&e.id) else { continue };
            out.extend((0..e.harms.len()).map(|index| Fact::Harm {
                entry: idx as u32,
                index,
            }));
        }
        out
    }

    /// Extends a unit's span back over the number before it ("10 billion", "250mcg").
    pub fn with_number_before(a: &Analysis, span: Span) -> Span {
        crate::lexicon::number_before(&a.doc.text, span.start).map_or(span, |n| Span::new(n.start, span.end))
    }

    /// Extends a currency sign's span over the amount after it ("$4,900").
    pub fn with_number_after(a: &Analysis, span: Span) -> Span {
        let b = a.doc.text.as_bytes();
        let mut e = span.end;
        while e < b.len() && b[e] == b' ' && e - span.end < 2 {
            e += 1;
        }
        while e < b.len()
            && (b[e].is_ascii_digit() || (matches!(b[e], b',' | b'.') && e + 1 < b.len() && b[e + 1].is_ascii_digit()))
        {
            e += 1;
        }
        Span::new(span.start, e)
    }

    /// The text's quoted excerpt of a span, for messages.
    pub fn quote(a: &Analysis, span: Span) -> String {
        a.doc.slice(span).to_string()
    }
}
