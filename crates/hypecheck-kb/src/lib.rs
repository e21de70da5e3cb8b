//! hypecheck's knowledge base: interventions and conditions with their regulatory status per
//! jurisdiction, the evidence behind each promoted use, documented harms and trials. Every fact
//! carries its sources, an as-of date and how well it was verified.
//!
//! The data lives in `data/kb/*.toml`, embedded at build time; [`load_dir`] reads a user's override.

pub mod citation;
mod load;
mod model;

pub use citation::CitationHosts;
pub use load::{KnowledgeBase, ValidationError};
pub use model::*;

use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The knowledge base compiled into the binary.
pub fn embedded() -> KnowledgeBase {
    KnowledgeBase::from_files(embedded::EMBEDDED.iter().copied())
        .expect("embedded knowledge base is validated by the test suite")
}

/// Reads and validates every `*.toml` file in `dir` (sorted by name).
pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, Vec<ValidationError>> {
    from_dir_and(dir, &[])
}

/// The embedded knowledge base with a team's own entries from `dir` beside it (a team's
/// products, their status and sources): validated together, so an entry there may name the
/// embedded conditions and sources, and an id already taken is an error.
pub fn embedded_and_dir(dir: &Path) -> Result<KnowledgeBase, Vec<ValidationError>> {
    from_dir_and(dir, embedded::EMBEDDED)
}

fn from_dir_and(dir: &Path, before: &[(&str, &str)]) -> Result<KnowledgeBase, Vec<ValidationError>> {
    let io_error = |message: String| {
        vec![ValidationError {
            file: dir.display().to_string(),
            line: 0,
            message,
        }]
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io_error(format!("cannot read directory: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(io_error("no *.toml files found".into()));
    }
    let mut files: Vec<(String, String)> = before.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    for p in &paths {
        let text = std::fs::read_to_string(p).map_err(|e| io_error(format!("{}: {e}", p.display())))?;
        files.push((p.display().to_string(), text));
    }
    KnowledgeBase::from_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_knowledge_base_is_valid() {
        if let Err(errors) = crate::KnowledgeBase::from_files(crate::embedded::EMBEDDED.iter().copied()) {
            panic!(
                "{}",
                errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
            );
        }
    }

    /// Every link a user is shown goes to an original publisher or a resolver: the hosts of the
    /// shipped citations, listed, with none that is a copy, an IP address, a blog or an
    /// aggregator of the kind the knowledge base was first built from; every fact has an original
    /// citation or says it is secondary.
    #[test]
    fn shipped_citations_point_at_originals_and_every_fact_has_one_or_says_secondary() {
        let kb = crate::embedded();
        let mut hosts: std::collections::BTreeMap<String, usize> = Default::default();
        for s in kb.sources() {
            if let Some(url) = &s.url {
                let host = crate::citation::host_of(url).unwrap_or_else(|e| panic!("{}: {url} {e}", s.id));
                assert!(kb.citation_hosts().allows(s.kind, host), "{}: {host}", s.id);
                *hosts.entry(host.to_string()).or_default() += 1;
            }
            assert!(
                s.kind != crate::SourceKind::Blog || s.url.is_none(),
                "{} is a blog",
                s.id
            );
        }
        let copies = [
            "blogg.se",
            "cyberparse.co.uk",
            "webull",
            "library.kab.ac.ug",
            "multibriefs",
            "einpresswire",
            "prnewswire",
            "studylibde",
            "pdfslide",
            "ouci.dntb.gov.ua",
            "researcher.life",
            "promenu365",
            "blogspot",
            "ipscell.com",
            "readkong",
            "issuu",
            "casetext",
            "lexisnexis",
        ];
        for host in hosts.keys() {
            assert!(!copies.iter().any(|c| host.contains(c)), "a copy is cited: {host}");
            assert!(!host.ends_with('.'), "{host}");
        }
        eprintln!("citation hosts: {hosts:?}");
        for e in kb.entries() {
            for (p, what) in e.provenances() {
                let original = p
                    .sources
                    .iter()
                    .filter_map(|id| kb.source(id))
                    .any(|s| s.has_original());
                assert!(
                    original
                        || matches!(
                            p.verification,
                            crate::Verification::Secondary
                                | crate::Verification::Unverified
                                | crate::Verification::Derived
                        ),
                    "{}: {what} has no original citation and is not marked secondary",
                    e.id
                );
            }
        }
    }
}
