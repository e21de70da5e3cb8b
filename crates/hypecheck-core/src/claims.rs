//! Claims: sentences that assert something about an intervention (efficacy, safety, approval or
//! evidence), each with a strength on the scale of Yu et al. (EMNLP 2019) and its hedging.

use serde::Serialize;

use crate::context::{Context, Modifier};
use crate::document::{Document, Span};
use crate::lexicon::{CueKind, Mention};

/// How strongly a sentence states a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimStrength {
    NoRelationship,
    Correlational,
    ConditionalCausal,
    DirectCausal,
}

impl ClaimStrength {
    /// The classes in the numbering of the claim-strength dataset (Yu et al., EMNLP 2019).
    pub const DATASET_ORDER: [ClaimStrength; 4] = [
        ClaimStrength::NoRelationship,
        ClaimStrength::DirectCausal,
        ClaimStrength::ConditionalCausal,
        ClaimStrength::Correlational,
    ];

    pub fn parse(class: &str) -> Option<ClaimStrength> {
        ClaimStrength::DATASET_ORDER.into_iter().find(|c| c.as_str() == class)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimStrength::NoRelationship => "no_relationship",
            ClaimStrength::Correlational => "correlational",
            ClaimStrength::ConditionalCausal => "conditional_causal",
            ClaimStrength::DirectCausal => "direct_causal",
        }
    }
}

/// What a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Efficacy,
    Safety,
    Approval,
    Evidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub sentence: usize,
    pub span: Span,
    /// What the sentence claims, most specific first (approval, safety, efficacy, evidence).
    pub kinds: Vec<ClaimKind>,
    /// The kinds the author asserts as their own.
    #[serde(skip)]
    pub asserted_kinds: Vec<ClaimKind>,
    /// Knowledge-base entry indices of the interventions the claim is about (empty when the
    /// subject is outside the knowledge base).
    pub interventions: Vec<u32>,
    /// The words naming the subject when it is not in the knowledge base ("this supplement",
    /// "the compound"), as a span of the sentence or the one it was carried over from.
    pub generic_subject: Option<Span>,
    pub conditions: Vec<u32>,
    pub strength: ClaimStrength,
    pub hedged: bool,
    /// Some kind is stated by the author as their own (not reported, refuted or hypothetical).
    pub asserted: bool,
    /// Whether the intervention was named in the sentence or carried over from nearby text.
    pub inherited_subject: bool,
    /// The claim names no intervention or condition hypecheck knows, only a state of health it
    /// changes ("curcumin improves memory"): its subject is a word hypecheck does not know.
    #[serde(skip)]
    pub only_health_state: bool,
}

impl ClaimKind {
    /// The cues that make a sentence a claim of this kind.
    pub fn deciding_cues(self) -> &'static [CueKind] {
        match self {
            ClaimKind::Approval => &[CueKind::ApprovalClaim, CueKind::PseudoApproval],
            ClaimKind::Safety => &[CueKind::Reassurance],
            ClaimKind::Efficacy => &[
                CueKind::Causal,
                CueKind::Reduction,
                CueKind::Absolute,
                CueKind::DiagnosticClaim,
            ],
            ClaimKind::Evidence => &[CueKind::ProvenClaim, CueKind::VagueEvidence],
        }
    }
}

impl Claim {
    /// Whether the claim asserts `kind` as the author's own statement.
    pub fn asserts(&self, kind: ClaimKind) -> bool {
        self.asserted_kinds.contains(&kind)
    }

    /// Whether the claim credits a treatment with a benefit, so that its harms are owed: any
    /// claim of efficacy about an intervention or condition hypecheck knows, and one about a
    /// subject it does not know when stated outright ("curcumin boosts memory"), not hedged
    /// ("alcohol may help you fall asleep" may be advice or a caution).
    pub fn credits_benefit(&self) -> bool {
        self.kinds.contains(&ClaimKind::Efficacy)
            && (!self.only_health_state || self.strength == ClaimStrength::DirectCausal)
    }
}

/// The strength of one sentence from its cues (used for claims and for `eval claim-strength`).
pub fn sentence_strength(mentions: &[Mention], ctx: &[Context]) -> (ClaimStrength, bool) {
    // A relationship the sentence only supposes ("trials are needed to determine if X reduces Y")
    // is no claim; a denied one ("X did not improve Y") is still a statement about cause.
    let stated = |k: CueKind| {
        mentions
            .iter()
            .zip(ctx)
            .any(|(m, c)| m.kind == k && !c.has(Modifier::Hypothetical))
    };
    let hedged = mentions
        .iter()
        .zip(ctx)
        .any(|(m, c)| m.kind == CueKind::Hedge && !c.has(Modifier::Negated));
    let strength = if stated(CueKind::Correlational) {
        ClaimStrength::Correlational
    } else if stated(CueKind::Causal) || stated(CueKind::Reduction) || stated(CueKind::Absolute) {
        if hedged {
            ClaimStrength::ConditionalCausal
        } else {
            ClaimStrength::DirectCausal
        }
    } else {
        ClaimStrength::NoRelationship
    };
    (strength, hedged)
}

/// Whether the sentences promise an effect outright: a strong absolute cue ("cures", "regrows",
/// "guaranteed") stated by the author, unhedged. Such a promise is cause and effect whatever else
/// the sentence says ("Stem cells regrow cartilage, everyone knows it").
pub fn promises(mentions: &[Mention], ctx: &[Context]) -> bool {
    let hedged = mentions
        .iter()
        .zip(ctx)
        .any(|(m, c)| m.kind == CueKind::Hedge && !c.has(Modifier::Negated));
    !hedged
        && mentions
            .iter()
            .zip(ctx)
            .any(|(m, c)| m.kind == CueKind::Absolute && m.strong && c.asserted())
}

/// The causal verbs whose subject causes what follows them, good or bad ("can cause sleep
/// problems", "may lead to depression"), unlike the verbs of benefit ("improves", "restores"). Not
/// "causing", whose subject is often a whole clause, nor "trigger", also a noun ("trigger sites").
const CAUSE_VERBS: [&str; 12] = [
    "cause",
    "causes",
    "caused",
    "lead to",
    "leads to",
    "led to",
    "induce",
    "induces",
    "induced",
    "führt zu",
    "führen zu",
    "führte zu",
];

/// Whether a causal cue's words are a verb of causing rather than of benefit.
pub fn is_cause_verb(words: &str) -> bool {
    CAUSE_VERBS.iter().any(|v| words.eq_ignore_ascii_case(v))
}

/// How many sentences back a claim may inherit its subject ("It heals..." after "Our exosomes...").
const SUBJECT_CARRY: usize = 3;

pub fn extract(
    doc: &Document,
    mentions: &[Mention],
    ctx: &[Context],
    by_sentence: &[std::ops::Range<usize>],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    // The text's main intervention: the one named most often.
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == CueKind::Intervention) {
        let e = m.entry.unwrap_or(0);
        match counts.iter_mut().find(|(id, _)| *id == e) {
            Some(c) => c.1 += 1,
            None => counts.push((e, 1)),
        }
    }
    let main = counts.iter().max_by_key(|c| c.1).map(|c| c.0);
    let mut last_subject: Option<(Vec<u32>, usize)> = None;
    let mut last_generic: Option<(Span, usize)> = None;
    for (si, range) in by_sentence.iter().enumerate() {
        let ms = &mentions[range.clone()];
        let cs = &ctx[range.clone()];
        let mut interventions: Vec<u32> = Vec::new();
        let mut conditions: Vec<u32> = Vec::new();
        for m in ms {
            let Some(e) = m.entry else { continue };
            let list = if m.kind == CueKind::Intervention {
                &mut interventions
            } else {
                &mut conditions
            };
            if !list.contains(&e) {
                list.push(e);
            }
        }
        let mut generic_subject = ms
            .iter()
            .find(|m| matches!(m.kind, CueKind::GenericIntervention | CueKind::GenericProduct))
            .map(|m| m.span);
        let has = |kinds: &[CueKind]| ms.iter().any(|m| kinds.contains(&m.kind));
        let mut kinds: Vec<ClaimKind> = Vec::new();
        if has(&[
            CueKind::ApprovalClaim,
            CueKind::PseudoApproval,
            CueKind::UnapprovedStatus,
        ]) {
            kinds.push(ClaimKind::Approval);
        }
        if has(&[CueKind::Reassurance]) {
            kinds.push(ClaimKind::Safety);
        }
        // "Studies prove that ozone improves circulation": the evidence claim makes the effect a claim.
        let evidence_claim = has(&[CueKind::ProvenClaim, CueKind::VagueEvidence]);
        // A state of health in general words ("curcumin improves memory", "magnesium fixes
        // insomnia"): what the claim is about when neither product nor condition is known.
        // It is what the claim is about where it follows a verb of benefit, as its object:
        // "small habits that help" after "Sleep basics" claims nothing about sleep, and what a
        // verb of causing leads to ("can lead to severe infections") is a harm, not a benefit. A
        // harm is the object of a benefit only after a verb of decrease ("eases nausea").
        let benefit_verb = ms
            .iter()
            .find(|m| ClaimKind::Efficacy.deciding_cues().contains(&m.kind) && !is_cause_verb(doc.slice(m.span)));
        // Nor is a state of health itself the cause ("short sleep is the cause of ..."): that
        // claims a risk, not a treatment's benefit.
        let is_state = |m: &&Mention| matches!(m.kind, CueKind::HealthState | CueKind::NamedHarm | CueKind::Condition);
        let health_state = benefit_verb.is_some_and(|verb| {
            ms.iter().filter(is_state).any(|m| {
                m.span.start > verb.span.start && (m.kind != CueKind::NamedHarm || verb.kind == CueKind::Reduction)
            }) && !ms.iter().filter(is_state).any(|m| m.span.start < verb.span.start)
        });
        // Cause and effect about something: a named intervention or condition, a state of health,
        // a treatment in general words ("this supplement repairs your joints"), wrapped in hype,
        // or told as one's own story ("my knee pain vanished"); or what a test is said to do.
        if has(ClaimKind::Efficacy.deciding_cues())
            && (!conditions.is_empty()
                || health_state
                || !interventions.is_empty()
                || generic_subject.is_some()
                || has(&[CueKind::Hype, CueKind::Anecdote])
                || evidence_claim
                || !kinds.is_empty())
        {
            kinds.push(ClaimKind::Efficacy);
        }
        if evidence_claim {
            kinds.push(ClaimKind::Evidence);
        }
        let mut inherited = false;
        if !interventions.is_empty() {
            last_subject = Some((interventions.clone(), si));
        } else if let Some((subject, at)) = &last_subject {
            if si - at <= SUBJECT_CARRY {
                interventions = subject.clone();
                inherited = true;
            }
        }
        match generic_subject {
            Some(span) => last_generic = Some((span, si)),
            None if interventions.is_empty() => {
                if let Some((span, at)) = last_generic {
                    if si - at <= SUBJECT_CARRY {
                        generic_subject = Some(span);
                        inherited = true;
                    }
                }
            }
            None => {}
        }
        if interventions.is_empty() && generic_subject.is_none() {
            if let Some(main) = main {
                interventions.push(main);
                inherited = true;
            }
        }
        // A claim needs something it is about; a sentence of pure cause and effect about a
        // condition ("stress raises blood pressure") is about the condition, and a story about
        // one's own body ("my knee pain vanished") about the teller's health.
        let about_something = !interventions.is_empty()
            || generic_subject.is_some()
            || !conditions.is_empty()
            || health_state
            || has(&[CueKind::Anecdote]);
        if kinds.is_empty() || !about_something {
            continue;
        }
        let (strength, hedged) = sentence_strength(ms, cs);
        // A claim of a kind is asserted when one of its deciding cues is; a reported or refuted cue
        // elsewhere in the sentence does not distance what the sentence also asserts.
        let asserted_kinds: Vec<ClaimKind> = kinds
            .iter()
            .copied()
            .filter(|k| {
                ms.iter()
                    .zip(cs)
                    .any(|(m, c)| k.deciding_cues().contains(&m.kind) && c.asserted())
            })
            .collect();
        let only_health_state = interventions.is_empty()
            && generic_subject.is_none()
            && conditions.is_empty()
            && !has(&[CueKind::Anecdote]);
        claims.push(Claim {
            sentence: si,
            span: doc.sentences[si].span,
            asserted: !asserted_kinds.is_empty(),
            kinds,
            asserted_kinds,
            interventions,
            generic_subject,
            conditions,
            strength,
            hedged,
            inherited_subject: inherited,
            only_health_state,
        });
    }
    claims
}
