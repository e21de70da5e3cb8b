//! Parsing and validating knowledge-base data files.
//!
//! A file holds `[[source]]` tables (where facts come from) and `[[entry]]` tables (interventions and
//! conditions). Every fact inside an entry must name at least one known source and an `as_of` date;
//! the validator reports each violation with file and line so an editor can fix it.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

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
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: Option<String>,
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    date: String,
    url: Option<String>,
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
                format!("{what} does not say how it was verified (add `verification = \"verified\" | \"verified_secondary\" | \"unverified\" | \"derived\"`)"),
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
        for (file, text) in files {
            let raw: RawFile = match toml::from_str(text) {
                Ok(raw) => raw,
                Err(e) => {
                    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
                    errors.push(ValidationError {
                        file: file.to_string(),
                        line,
                        message: e.message().to_string(),
                    });
                    continue;
                }
            };
            let mut v = Validator {
                file,
                text,
                errors: Vec::new(),
            };
            for spanned in raw.source {
                let offset = spanned.span().start;
                let s = spanned.into_inner();
                if kb.source_index.contains_key(&s.id) {
                    v.error(offset, format!("source {:?} is defined twice", s.id));
                    continue;
                }
                let url = s.url.unwrap_or_default();
                if url.is_empty() {
                    v.error(offset, format!("source {:?} has no url", s.id));
                }
                let title = s.title.unwrap_or_default();
                if title.is_empty() {
                    v.error(offset, format!("source {:?} has no title", s.id));
                }
                kb.source_index.insert(s.id.clone(), kb.sources.len());
                kb.sources.push(Source {
                    id: s.id,
                    title,
                    publisher: s.publisher,
                    date: s.date,
                    url,
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
                    if !(t.nct.starts_with("NCT")
                        && t.nct.len() == 11
                        && t.nct[3..].bytes().all(|b| b.is_ascii_digit()))
                    {
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

    const GOOD: &str = r#"
[[source]]
id = "fda-2019"
title = "Public Safety Notification on Exosome Products"
publisher = "U.S. FDA"
url = "https://example.org/fda"

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
        let kb = KnowledgeBase::from_files([("a.toml", GOOD)]).unwrap();
        let e = kb.entry("exosomes").unwrap();
        assert_eq!(e.status_in("us_fda").unwrap().status, ApprovalStatus::NotApproved);
        assert_eq!(e.line, 8);
    }

    #[test]
    fn rejects_a_fact_without_source_or_date_naming_file_and_line() {
        let bad = GOOD
            .replace("sources = [\"fda-2019\"]\n", "")
            .replace("as_of = \"2026-11-25\"\n", "");
        let errs = KnowledgeBase::from_files([("kb/exo.toml", bad.as_str())]).unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(
            text.iter()
                .any(|t| t.starts_with("kb/exo.toml:14:") && t.contains("no source")),
            "{text:?}"
        );
        assert!(text.iter().any(|t| t.contains("no as-of date")), "{text:?}");
    }

    #[test]
    fn rejects_unknown_source_and_bad_nct() {
        let bad = GOOD.replace("sources = [\"fda-2019\"]", "sources = [\"nope\"]")
            + "\n[[entry.trial]]\nnct = \"NCT123\"\nsources = [\"fda-2019\"]\nas_of = \"2026-11-25\"\nverification = \"verified\"\n";
        let errs = KnowledgeBase::from_files([("x.toml", bad.as_str())]).unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("unknown source \"nope\"")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("not an NCT number")), "{text:?}");
    }

    #[test]
    fn reports_syntax_errors_with_line() {
        let errs = KnowledgeBase::from_files([("y.toml", "[[entry]]\nid = \n")]).unwrap_err();
        assert_eq!(errs[0].file, "y.toml");
        assert_eq!(errs[0].line, 2);
    }
}
