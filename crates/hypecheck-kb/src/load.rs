//! Parsing and validating knowledge-base data files.
//!
//! A file holds `[[source]]` tables (where facts come from) and `[[entry]]` tables (interventions and
//! conditions). Every fact inside an entry must name at least one known source and an `as_of` date;
//! the validator reports each violation with file and line so an editor can fix it.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::citation::{self, CitationHosts, RawHosts};
use crate::model::*;

/// A problem in a data file, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ValidationError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// Where citations may link, per kind of publisher (one file of the knowledge base has it).
    citation_hosts: Option<Spanned<RawHosts>>,
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    kind: Option<SourceKind>,
    title: Option<String>,
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    date: String,
    url: Option<String>,
    url_checked: Option<bool>,
    /// `"not found"` where no original could be found (then there is no `url`).
    original: Option<String>,
    doi: Option<String>,
    pmid: Option<String>,
    nct: Option<String>,
    letter: Option<String>,
    citation: Option<String>,
    checked_in: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLocalized {
    #[serde(default)]
    en: String,
    #[serde(default)]
    de: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawNames {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    de: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    class: EntryClass,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    names: RawNames,
    #[serde(default)]
    summary: RawLocalized,
    #[serde(default)]
    parents: Vec<String>,
    #[serde(default)]
    status: Vec<Spanned<RawStatus>>,
    #[serde(default)]
    approved_use: Vec<Spanned<RawApprovedUse>>,
    #[serde(default)]
    promoted_for: Vec<Spanned<RawPromoted>>,
    #[serde(default)]
    harm: Vec<Spanned<RawHarm>>,
    #[serde(default)]
    trial: Vec<Spanned<RawTrial>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvenance {
    #[serde(default)]
    sources: Vec<String>,
    as_of: Option<String>,
    verification: Option<Verification>,
}

#[derive(Deserialize)]
struct RawStatus {
    jurisdiction: String,
    status: ApprovalStatus,
    #[serde(default)]
    note: RawLocalized,
    #[serde(flatten)]
    provenance: RawProvenance,
}

#[derive(Deserialize)]
struct RawApprovedUse {
    jurisdiction: String,
    condition: String,
    #[serde(default)]
    indication: RawLocalized,
    #[serde(default)]
    date: String,
    #[serde(flatten)]
    provenance: RawProvenance,
}

#[derive(Deserialize)]
struct RawPromoted {
    condition: String,
    evidence: EvidenceLevel,
    #[serde(default)]
    note: RawLocalized,
    #[serde(flatten)]
    provenance: RawProvenance,
}

#[derive(Deserialize)]
struct RawHarm {
    id: String,
    description: RawLocalized,
    #[serde(flatten)]
    provenance: RawProvenance,
}

#[derive(Deserialize)]
struct RawTrial {
    nct: String,
    #[serde(default)]
    description: RawLocalized,
    #[serde(default)]
    phase: String,
    #[serde(flatten)]
    provenance: RawProvenance,
}

/// Validated knowledge base.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    entries: Vec<Entry>,
    sources: Vec<Source>,
    entry_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
    citation_hosts: CitationHosts,
}

/// Turns a byte offset into a 1-based line number.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn localized(raw: RawLocalized) -> Localized {
    Localized { en: raw.en, de: raw.de }
}

struct Validator<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<ValidationError>,
}

impl Validator<'_> {
    fn error(&mut self, offset: usize, message: String) {
        self.errors.push(ValidationError {
            file: self.file.to_string(),
            line: line_of(self.text, offset),
            message,
        });
    }

    /// Checks that a fact names a source and a date; `what` says which fact for the message.
    fn provenance(&mut self, raw: RawProvenance, offset: usize, what: &str) -> Provenance {
        if raw.sources.is_empty() {
            self.error(offset, format!("{what} has no source (add `sources = [\"...\"]`)"));
        }
        let as_of = match raw.as_of {
            Some(d) if is_iso_date(&d) => d,
            Some(d) => {
                self.error(offset, format!("{what} has as_of = {d:?}, expected YYYY-MM-DD"));
                d
            }
            None => {
                self.error(
                    offset,
                    format!("{what} has no as-of date (add `as_of = \"YYYY-MM-DD\"`)"),
                );
                String::new()
            }
        };
        let verification = raw.verification.unwrap_or_else(|| {
            self.error(
                offset,
                format!("{what} does not say how it was verified (add `verification = \"verified\" | \"verified_secondary\" | \"secondary\" | \"unverified\" | \"derived\"`)"),
            );
            Verification::Unverified
        });
        Provenance {
            sources: raw.sources,
            as_of,
            verification,
        }
    }
}

/// References to check once all files are read: (file, line, source or entry id, what refers).
struct Reference {
    file: String,
    line: usize,
    target: String,
    what: String,
}

impl KnowledgeBase {
    /// Parses and validates the given files (`(name, contents)`), returning every problem found.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<KnowledgeBase, Vec<ValidationError>> {
        let mut kb = KnowledgeBase::default();
        let mut errors = Vec::new();
        let mut source_refs: Vec<Reference> = Vec::new();
        let mut entry_refs: Vec<Reference> = Vec::new();
        let mut hosts_defined_in: Option<String> = None;
        // (file, line) of each source, in `kb.sources` order, for the checks that need every file.
        let mut source_lines: Vec<(String, usize)> = Vec::new();
        for (file, text) in files {
            let raw: RawFile = match toml::from_str(text) {
                Ok(raw) => raw,
                Err(e) => {
                    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
                    errors.push(ValidationError {
                        file: file.to_string(),
                        line,
                        // Some parse errors carry no message of their own; the full text always says.
                        message: if e.message().trim().is_empty() {
                            e.to_string().trim().to_string()
                        } else {
                            e.message().to_string()
                        },
                    });
                    continue;
                }
            };
            let mut v = Validator {
                file,
                text,
                errors: Vec::new(),
            };
            if let Some(hosts) = raw.citation_hosts {
                let offset = hosts.span().start;
                if hosts_defined_in.is_some() {
                    v.error(offset, "citation_hosts is defined twice".into());
                }
                hosts_defined_in = Some(file.to_string());
                match CitationHosts::from_raw(hosts.into_inner()) {
                    Ok(hosts) => kb.citation_hosts = hosts,
                    Err(e) => v.error(offset, e),
                }
            }
            for spanned in raw.source {
                let offset = spanned.span().start;
                let s = spanned.into_inner();
                if kb.source_index.contains_key(&s.id) {
                    v.error(offset, format!("source {:?} is defined twice", s.id));
                    continue;
                }
                let title = s.title.unwrap_or_default();
                if title.is_empty() {
                    v.error(offset, format!("source {:?} has no title", s.id));
                }
                let kind = s.kind.unwrap_or_else(|| {
                    v.error(
                        offset,
                        format!(
                            "source {:?} has no kind (one of {})",
                            s.id,
                            SourceKind::ALL.map(|k| k.as_str()).join(", ")
                        ),
                    );
                    SourceKind::News
                });
                match (&s.url, s.original.as_deref()) {
                    (Some(_), Some(_)) => v.error(
                        offset,
                        format!("source {:?} has a url and says its original was not found", s.id),
                    ),
                    (None, None) => v.error(
                        offset,
                        format!(
                            "source {:?} has no url: link its original (the publisher's own page, or doi.org, PubMed, ClinicalTrials.gov, EUR-Lex), or say original = \"not found\"",
                            s.id
                        ),
                    ),
                    (None, Some(o)) if o != "not found" => {
                        v.error(offset, format!("source {:?}: original = {o:?}, expected \"not found\"", s.id))
                    }
                    _ => {}
                }
                if !citation::is_document_date(&s.date) {
                    v.error(
                        offset,
                        format!(
                            "source {:?} has date {:?}, expected YYYY, YYYY-MM, YYYY-MM-DD or \"unknown\"",
                            s.id, s.date
                        ),
                    );
                }
                if let Some(url) = &s.url {
                    if kind == SourceKind::Blog {
                        v.error(
                            offset,
                            format!("source {:?} is a blog, which is never a citation: move its link to checked_in and cite the document it discusses", s.id),
                        );
                    }
                    if let Err(problem) = citation::host_of(url) {
                        v.error(offset, format!("source {:?}: url {url:?} {problem}", s.id));
                    }
                }
                if let Some(copy) = &s.checked_in {
                    // A copy may live anywhere, but it must still be a link a reader can follow.
                    if let Err(problem) = citation::host_of(copy) {
                        if !problem.contains("IP address") {
                            v.error(offset, format!("source {:?}: checked_in {copy:?} {problem}", s.id));
                        }
                    }
                }
                let identifiers = Identifiers {
                    doi: s.doi,
                    pmid: s.pmid,
                    nct: s.nct,
                    letter: s.letter,
                    citation: s.citation,
                };
                for problem in citation::identifier_problems(kind, &title, &identifiers, s.url.as_deref()) {
                    v.error(offset, format!("source {:?}: {problem}", s.id));
                }
                kb.source_index.insert(s.id.clone(), kb.sources.len());
                source_lines.push((file.to_string(), line_of(text, offset)));
                kb.sources.push(Source {
                    id: s.id,
                    kind,
                    title,
                    publisher: s.publisher,
                    date: s.date,
                    url: s.url,
                    url_checked: s.url_checked.unwrap_or(true),
                    identifiers,
                    checked_in: s.checked_in,
                    note: s.note,
                });
            }
            for spanned in raw.entry {
                let entry_offset = spanned.span().start;
                let e = spanned.into_inner();
                let id = e.id.clone();
                if kb.entry_index.contains_key(&id) {
                    v.error(entry_offset, format!("entry {id:?} is defined twice"));
                    continue;
                }
                if e.names.en.is_empty() {
                    v.error(entry_offset, format!("entry {id:?} has no English name (names.en)"));
                }
                if e.names.de.is_empty() {
                    v.error(entry_offset, format!("entry {id:?} has no German name (names.de)"));
                }
                let refer = |list: &mut Vec<Reference>, offset: usize, target: &str, what: String| {
                    list.push(Reference {
                        file: file.to_string(),
                        line: line_of(text, offset),
                        target: target.to_string(),
                        what,
                    })
                };
                let mut status = Vec::new();
                for s in e.status {
                    let offset = s.span().start;
                    let s = s.into_inner();
                    let what = format!("entry {id:?}: status in {}", s.jurisdiction);
                    for src in &s.provenance.sources {
                        refer(&mut source_refs, offset, src, what.clone());
                    }
                    status.push(Status {
                        jurisdiction: s.jurisdiction,
                        status: s.status,
                        note: localized(s.note),
                        provenance: v.provenance(s.provenance, offset, &what),
                    });
                }
                if e.class == EntryClass::Intervention && status.is_empty() {
                    v.error(entry_offset, format!("intervention {id:?} has no [[entry.status]]"));
                }
                let mut approved_uses = Vec::new();
                for u in e.approved_use {
                    let offset = u.span().start;
                    let u = u.into_inner();
                    let what = format!("entry {id:?}: approved use for {}", u.condition);
                    for src in &u.provenance.sources {
                        refer(&mut source_refs, offset, src, what.clone());
                    }
                    refer(&mut entry_refs, offset, &u.condition, what.clone());
                    approved_uses.push(ApprovedUse {
                        jurisdiction: u.jurisdiction,
                        condition: u.condition,
                        indication: localized(u.indication),
                        date: u.date,
                        provenance: v.provenance(u.provenance, offset, &what),
                    });
                }
                let mut promoted_for = Vec::new();
                for p in e.promoted_for {
                    let offset = p.span().start;
                    let p = p.into_inner();
                    let what = format!("entry {id:?}: promoted use for {}", p.condition);
                    for src in &p.provenance.sources {
                        refer(&mut source_refs, offset, src, what.clone());
                    }
                    refer(&mut entry_refs, offset, &p.condition, what.clone());
                    promoted_for.push(PromotedUse {
                        condition: p.condition,
                        evidence: p.evidence,
                        note: localized(p.note),
                        provenance: v.provenance(p.provenance, offset, &what),
                    });
                }
                let mut harms = Vec::new();
                for h in e.harm {
                    let offset = h.span().start;
                    let h = h.into_inner();
                    let what = format!("entry {id:?}: harm {}", h.id);
                    for src in &h.provenance.sources {
                        refer(&mut source_refs, offset, src, what.clone());
                    }
                    harms.push(Harm {
                        id: h.id,
                        description: localized(h.description),
                        provenance: v.provenance(h.provenance, offset, &what),
                    });
                }
                let mut trials = Vec::new();
                for t in e.trial {
                    let offset = t.span().start;
                    let t = t.into_inner();
                    let what = format!("entry {id:?}: trial {}", t.nct);
                    if !citation::is_nct(&t.nct) {
                        v.error(
                            offset,
                            format!("{what}: {:?} is not an NCT number (NCT + 8 digits)", t.nct),
                        );
                    }
                    for src in &t.provenance.sources {
                        refer(&mut source_refs, offset, src, what.clone());
                    }
                    trials.push(Trial {
                        nct: t.nct,
                        description: localized(t.description),
                        phase: t.phase,
                        provenance: v.provenance(t.provenance, offset, &what),
                    });
                }
                for parent in &e.parents {
                    refer(&mut entry_refs, entry_offset, parent, format!("entry {id:?}: parent"));
                }
                kb.entry_index.insert(id.clone(), kb.entries.len());
                kb.entries.push(Entry {
                    id,
                    class: e.class,
                    kind: e.kind,
                    names_en: e.names.en,
                    names_de: e.names.de,
                    summary: localized(e.summary),
                    parents: e.parents,
                    status,
                    approved_uses,
                    promoted_for,
                    harms,
                    trials,
                    file: file.to_string(),
                    line: line_of(text, entry_offset),
                });
            }
            errors.extend(v.errors);
        }
        let mut seen = HashSet::new();
        for r in source_refs {
            if !kb.source_index.contains_key(&r.target) && seen.insert((r.file.clone(), r.line, r.target.clone())) {
                errors.push(ValidationError {
                    file: r.file,
                    line: r.line,
                    message: format!("{} cites unknown source {:?}", r.what, r.target),
                });
            }
        }
        errors.extend(kb.citation_errors(hosts_defined_in.is_some(), &source_lines));
        for r in entry_refs {
            if !kb.entry_index.contains_key(&r.target) {
                errors.push(ValidationError {
                    file: r.file,
                    line: r.line,
                    message: format!("{} names unknown entry {:?}", r.what, r.target),
                });
            }
        }
        if errors.is_empty() {
            Ok(kb)
        } else {
            Err(errors)
        }
    }

    /// What needs every file read: each citation's host against `citation_hosts`, and each fact
    /// whose sources are all without an original must say it is secondary.
    fn citation_errors(&self, hosts_defined: bool, source_lines: &[(String, usize)]) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        for (s, (file, line)) in self.sources.iter().zip(source_lines) {
            let Some(url) = &s.url else { continue };
            let Ok(host) = citation::host_of(url) else { continue };
            if !hosts_defined {
                errors.push(ValidationError {
                    file: file.clone(),
                    line: *line,
                    message: "no [citation_hosts] table in the knowledge base: links cannot be checked".into(),
                });
                break;
            }
            if !self.citation_hosts.allows(s.kind, host) {
                errors.push(ValidationError {
                    file: file.clone(),
                    line: *line,
                    message: format!(
                        "source {:?}: {host} is not a {} publisher's host nor a resolver (citation_hosts); if it is a copy, move the link to checked_in and link the original",
                        s.id,
                        s.kind.as_str()
                    ),
                });
            }
        }
        for e in &self.entries {
            for (provenance, what) in e.provenances() {
                let all_copies = !provenance.sources.is_empty()
                    && provenance
                        .sources
                        .iter()
                        .filter_map(|id| self.source(id))
                        .all(|s| !s.has_original());
                // Reasoning from copies alone is no firmer than the copies: it is secondary too.
                let marked = matches!(
                    provenance.verification,
                    Verification::Secondary | Verification::Unverified
                );
                if all_copies && !marked {
                    errors.push(ValidationError {
                        file: e.file.clone(),
                        line: e.line,
                        message: format!(
                            "entry {:?}: {what} rests only on sources whose original was not found, yet says verification = {:?}; mark it \"secondary\" (or \"unverified\")",
                            e.id,
                            provenance.verification.as_str()
                        ),
                    });
                }
            }
        }
        errors
    }

    /// Where citations may link, per kind of publisher.
    pub fn citation_hosts(&self) -> &CitationHosts {
        &self.citation_hosts
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entry_index.get(id).map(|&i| &self.entries[i])
    }

    /// The position of entry `id` in [`KnowledgeBase::entries`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.entry_index.get(id).copied()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// The entry and all its ancestors (`parents`), nearest first, each once.
    pub fn lineage<'a>(&'a self, id: &str) -> Vec<&'a Entry> {
        let mut out: Vec<&Entry> = Vec::new();
        let mut queue = vec![id.to_string()];
        while let Some(next) = queue.pop() {
            if let Some(e) = self.entry(&next) {
                if out.iter().any(|o| o.id == e.id) {
                    continue;
                }
                out.push(e);
                queue.extend(e.parents.iter().rev().cloned());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTS: &str =
        "[citation_hosts]\nany = [\"doi.org\"]\nregulator = [\"fda.gov\"]\nnews = [\"medpagetoday.com\"]\n";

    const GOOD: &str = r#"
[[source]]
id = "fda-2019"
kind = "regulator"
title = "Public Safety Notification on Exosome Products"
publisher = "U.S. FDA"
date = "2019-12-06"
url = "https://www.fda.gov/exosomes"

[[entry]]
id = "exosomes"
class = "intervention"
names.en = ["exosomes"]
names.de = ["Exosomen"]

[[entry.status]]
jurisdiction = "us_fda"
status = "not_approved"
sources = ["fda-2019"]
as_of = "2026-11-25"
verification = "verified"
"#;

    #[test]
    fn accepts_a_cited_entry() {
        let kb = KnowledgeBase::from_files([("hosts.toml", HOSTS), ("a.toml", GOOD)]).unwrap();
        let e = kb.entry("exosomes").unwrap();
        assert_eq!(e.status_in("us_fda").unwrap().status, ApprovalStatus::NotApproved);
        assert_eq!(e.line, 10);
    }

    #[test]
    fn rejects_a_fact_without_source_or_date_naming_file_and_line() {
        let bad = GOOD
            .replace("sources = [\"fda-2019\"]\n", "")
            .replace("as_of = \"2026-11-25\"\n", "");
        let errs = KnowledgeBase::from_files([("hosts.toml", HOSTS), ("kb/exo.toml", bad.as_str())]).unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(
            text.iter()
                .any(|t| t.starts_with("kb/exo.toml:16:") && t.contains("no source")),
            "{text:?}"
        );
        assert!(text.iter().any(|t| t.contains("no as-of date")), "{text:?}");
    }

    #[test]
    fn rejects_unknown_source_and_bad_nct() {
        let bad = GOOD.replace("sources = [\"fda-2019\"]", "sources = [\"nope\"]")
            + "\n[[entry.trial]]\nnct = \"NCT123\"\nsources = [\"fda-2019\"]\nas_of = \"2026-11-25\"\nverification = \"verified\"\n";
        let errs = KnowledgeBase::from_files([("hosts.toml", HOSTS), ("x.toml", bad.as_str())]).unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("unknown source \"nope\"")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("not an NCT number")), "{text:?}");
    }

    /// The problems `GOOD` has with its source's lines replaced.
    fn source_problems(replace: &str, with: &str) -> Vec<String> {
        let bad = GOOD.replace(replace, with);
        assert_ne!(bad, GOOD, "{replace:?} is not in GOOD");
        match KnowledgeBase::from_files([("hosts.toml", HOSTS), ("x.toml", bad.as_str())]) {
            Ok(_) => Vec::new(),
            Err(errs) => errs.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn refuses_citations_that_point_at_copies_ips_or_malformed_urls() {
        let url = "url = \"https://www.fda.gov/exosomes\"";
        let copy = source_problems(url, "url = \"https://oreoclick.blogg.se/2022/fda.html\"");
        assert!(
            copy.iter()
                .any(|t| t.contains("oreoclick.blogg.se is not a regulator publisher's host")),
            "{copy:?}"
        );
        let ip = source_problems(url, "url = \"http://34.80.245.248/content_html/x.html\"");
        assert!(ip.iter().any(|t| t.contains("bare IP address")), "{ip:?}");
        let dot = source_problems(url, "url = \"https://wz.de./nrw/x\"");
        assert!(dot.iter().any(|t| t.contains("trailing dot")), "{dot:?}");
        let date = source_problems("date = \"2019-12-06\"", "date = \"2020-03 (from the URL)\"");
        assert!(date.iter().any(|t| t.contains("expected YYYY")), "{date:?}");
        let blog = source_problems("kind = \"regulator\"", "kind = \"blog\"");
        assert!(blog.iter().any(|t| t.contains("never a citation")), "{blog:?}");
        let missing = source_problems(url, "");
        assert!(
            missing.iter().any(|t| t.contains("original = \"not found\"")),
            "{missing:?}"
        );
        // A resolver is a citation for every kind.
        assert!(source_problems(url, "url = \"https://doi.org/10.1/x\"").is_empty());
        // Without the hosts table no link can be checked.
        let errs = KnowledgeBase::from_files([("x.toml", GOOD)]).unwrap_err();
        assert!(errs[0].message.contains("citation_hosts"), "{errs:?}");
    }

    #[test]
    fn a_fact_known_only_from_copies_must_say_it_is_secondary() {
        let url = "url = \"https://www.fda.gov/exosomes\"";
        let copy_only = "original = \"not found\"\nchecked_in = \"http://promenu365.com/x\"".to_string();
        let problems = source_problems(url, &copy_only);
        assert!(
            problems
                .iter()
                .any(|t| t.contains("rests only on sources whose original was not found")),
            "{problems:?}"
        );
        let marked = GOOD
            .replace(url, &copy_only)
            .replace("verification = \"verified\"", "verification = \"secondary\"");
        let kb = KnowledgeBase::from_files([("hosts.toml", HOSTS), ("x.toml", marked.as_str())]).unwrap();
        let source = kb.source("fda-2019").unwrap();
        assert!(!source.has_original());
        assert_eq!(source.checked_in.as_deref(), Some("http://promenu365.com/x"));
    }

    #[test]
    fn reports_syntax_errors_with_line() {
        let errs = KnowledgeBase::from_files([("y.toml", "[[entry]]\nid = \n")]).unwrap_err();
        assert_eq!(errs[0].file, "y.toml");
        assert_eq!(errs[0].line, 2);
    }
}
