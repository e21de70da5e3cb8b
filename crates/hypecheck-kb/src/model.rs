//! The knowledge base as the checks see it: validated, read-only values.

use serde::Serialize;

/// How far a fact was checked against its source (see `shared/kb-facts.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Read in the issuing body's own page, the abstract or the registry record.
    Verified,
    /// Read in a faithful copy or a secondary report whose original is identified; re-check before
    /// quoting.
    VerifiedSecondary,
    /// Read only in a secondary report or a copy whose original was not found: the report says
    /// "according to a secondary report" where it uses the fact.
    Secondary,
    /// Not found in any source read; never presented as fact.
    Unverified,
    /// Reasoning from cited facts, not a fact from a source.
    Derived,
}

impl Verification {
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::VerifiedSecondary => "verified_secondary",
            Verification::Secondary => "secondary",
            Verification::Unverified => "unverified",
            Verification::Derived => "derived",
        }
    }
}

/// What an entry names: something sold or studied, or a condition it is promoted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryClass {
    Intervention,
    Condition,
}

/// Regulatory status of an intervention in one jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    /// Approved or licensed, but only for the uses listed in `approved_uses`.
    Approved,
    /// No approval for any use.
    NotApproved,
    /// Only the device that prepares it is cleared; the treatment itself is not approved.
    DeviceClearedOnly,
    /// Restricted or flagged by the regulator (for example FDA Category 2 bulk substances).
    Restricted,
    /// Sold as a cosmetic; a drug claim turns it into an unapproved drug.
    CosmeticOnly,
    /// Not established from the sources read.
    Unknown,
}

impl ApprovalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalStatus::Approved => "approved",
            ApprovalStatus::NotApproved => "not_approved",
            ApprovalStatus::DeviceClearedOnly => "device_cleared_only",
            ApprovalStatus::Restricted => "restricted",
            ApprovalStatus::CosmeticOnly => "cosmetic_only",
            ApprovalStatus::Unknown => "unknown",
        }
    }

    /// Whether a plain "approved" claim about the intervention is false for every use.
    pub fn is_unapproved(self) -> bool {
        !matches!(self, ApprovalStatus::Approved | ApprovalStatus::Unknown)
    }
}

/// The best human evidence behind a use, from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceLevel {
    None,
    Preclinical,
    EarlyHuman,
    Phase3,
    Approved,
}

impl EvidenceLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceLevel::None => "none",
            EvidenceLevel::Preclinical => "preclinical",
            EvidenceLevel::EarlyHuman => "early_human",
            EvidenceLevel::Phase3 => "phase3",
            EvidenceLevel::Approved => "approved",
        }
    }
}

/// Who published a source, which decides where its link may point (`citation_hosts`) and which
/// identifier it must carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Regulator,
    Journal,
    Registry,
    Court,
    Legislation,
    Ministry,
    Society,
    Company,
    News,
    /// Commentary on a blog: kept as where a fact was read, never shown as a citation.
    Blog,
}

impl SourceKind {
    pub const ALL: [SourceKind; 10] = [
        SourceKind::Regulator,
        SourceKind::Journal,
        SourceKind::Registry,
        SourceKind::Court,
        SourceKind::Legislation,
        SourceKind::Ministry,
        SourceKind::Society,
        SourceKind::Company,
        SourceKind::News,
        SourceKind::Blog,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Regulator => "regulator",
            SourceKind::Journal => "journal",
            SourceKind::Registry => "registry",
            SourceKind::Court => "court",
            SourceKind::Legislation => "legislation",
            SourceKind::Ministry => "ministry",
            SourceKind::Society => "society",
            SourceKind::Company => "company",
            SourceKind::News => "news",
            SourceKind::Blog => "blog",
        }
    }
}

/// The stable identifiers of a document, where it has them.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Identifiers {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nct: Option<String>,
    /// An FDA warning or untitled letter's MARCS-CMS number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter: Option<String>,
    /// A CFR, Federal Register, EU regulation or court case citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// Where a fact comes from: the original document (its publisher of record, title, date,
/// identifiers and link), and the copy it was read in where that is not the original.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub title: String,
    pub publisher: String,
    /// ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or `unknown`.
    pub date: String,
    /// The original's own page or a resolver; `None` when the original was not found.
    pub url: Option<String>,
    /// False when the link was built from the identifiers rather than seen.
    pub url_checked: bool,
    pub identifiers: Identifiers,
    /// The copy in which the fact was read, when that is not the original (provenance only).
    pub checked_in: Option<String>,
    pub note: Option<String>,
}

impl Source {
    /// Whether the original document was found (a source without one is a copy or a blog).
    pub fn has_original(&self) -> bool {
        self.url.is_some()
    }
}

/// The provenance every fact carries: its sources, the date they were read and how well.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provenance {
    pub sources: Vec<String>,
    pub as_of: String,
    pub verification: Verification,
}

/// Text in English and German.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    pub en: String,
    pub de: String,
}

impl Localized {
    /// The text in `lang` ("de" or anything else for English), falling back to English.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "de" && !self.de.is_empty() {
            &self.de
        } else {
            &self.en
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Status {
    /// `us_fda`, `eu`, `de`, ...
    pub jurisdiction: String,
    pub status: ApprovalStatus,
    pub note: Localized,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A use the intervention is approved for, exactly as approved.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovedUse {
    pub jurisdiction: String,
    pub condition: String,
    pub indication: Localized,
    pub date: String,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A use the intervention is promoted for, with the evidence behind it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PromotedUse {
    pub condition: String,
    pub evidence: EvidenceLevel,
    pub note: Localized,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Harm {
    pub id: String,
    pub description: Localized,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trial {
    pub nct: String,
    pub description: Localized,
    pub phase: String,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// One knowledge-base entry: an intervention or a condition.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entry {
    pub id: String,
    pub class: EntryClass,
    /// Free grouping such as `extracellular_vesicle`, `cell_therapy`, `peptide`.
    pub kind: String,
    pub names_en: Vec<String>,
    pub names_de: Vec<String>,
    pub summary: Localized,
    /// Broader entries this one belongs to (a named exosome product belongs to `exosomes`).
    pub parents: Vec<String>,
    pub status: Vec<Status>,
    pub approved_uses: Vec<ApprovedUse>,
    pub promoted_for: Vec<PromotedUse>,
    pub harms: Vec<Harm>,
    pub trials: Vec<Trial>,
    /// Data file and line the entry starts on, for messages.
    pub file: String,
    pub line: usize,
}

impl Entry {
    /// Every fact's provenance, with what the fact is (for messages).
    pub fn provenances(&self) -> Vec<(&Provenance, String)> {
        let mut out: Vec<(&Provenance, String)> = Vec::new();
        out.extend(
            self.status
                .iter()
                .map(|s| (&s.provenance, format!("status in {}", s.jurisdiction))),
        );
        out.extend(
            self.approved_uses
                .iter()
                .map(|u| (&u.provenance, format!("approved use for {}", u.condition))),
        );
        out.extend(
            self.promoted_for
                .iter()
                .map(|p| (&p.provenance, format!("promoted use for {}", p.condition))),
        );
        out.extend(self.harms.iter().map(|h| (&h.provenance, format!("harm {}", h.id))));
        out.extend(self.trials.iter().map(|t| (&t.provenance, format!("trial {}", t.nct))));
        out
    }

    pub fn status_in(&self, jurisdiction: &str) -> Option<&Status> {
        self.status.iter().find(|s| s.jurisdiction == jurisdiction)
    }

    pub fn is_approved_for(&self, condition: &str) -> bool {
        self.approved_uses.iter().any(|u| u.condition == condition)
    }

    pub fn names(&self, lang: &str) -> &[String] {
        if lang == "de" {
            &self.names_de
        } else {
            &self.names_en
        }
    }

    /// The name to show a reader.
    pub fn display_name(&self, lang: &str) -> &str {
        self.names(lang)
            .first()
            .or_else(|| self.names_en.first())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }
}
