//! What a citation must be: a link to the original publisher's own page or to a resolver (the
//! hosts allowed per kind of publisher are data, `[citation_hosts]` in the knowledge base), the
//! identifier its kind of document has, an ISO 8601 date. A copy, a bare IP address, a blog or an
//! aggregator is never a citation; where a fact was read in one, the copy is kept as `checked_in`.

use std::collections::HashMap;

use serde::Deserialize;

use crate::model::{Identifiers, SourceKind};

/// The `[citation_hosts]` table: `any` (resolvers every kind may link to) and one list per kind.
#[derive(Debug, Deserialize)]
pub(crate) struct RawHosts(HashMap<String, Vec<String>>);

/// The hosts a citation may link to. A listed host admits its subdomains (`fda.gov` admits
/// `www.fda.gov`).
#[derive(Debug, Default, Clone)]
pub struct CitationHosts {
    any: Vec<String>,
    by_kind: HashMap<SourceKind, Vec<String>>,
}

impl CitationHosts {
    pub(crate) fn from_raw(raw: RawHosts) -> Result<CitationHosts, String> {
        let mut hosts = CitationHosts::default();
        for (key, list) in raw.0 {
            let list: Vec<String> = list.into_iter().map(|h| h.to_ascii_lowercase()).collect();
            if key == "any" {
                hosts.any = list;
                continue;
            }
            let Some(kind) = SourceKind::ALL.into_iter().find(|k| k.as_str() == key) else {
                return Err(format!(
                    "citation_hosts has an unknown kind {key:?} (kinds: any, {})",
                    SourceKind::ALL.map(|k| k.as_str()).join(", ")
                ));
            };
            hosts.by_kind.insert(kind, list);
        }
        Ok(hosts)
    }

    /// Whether a citation of `kind` may link to `host`.
    pub fn allows(&self, kind: SourceKind, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let admits = |allowed: &String| host == *allowed || host.ends_with(&format!(".{allowed}"));
        self.any.iter().any(admits) || self.by_kind.get(&kind).is_some_and(|l| l.iter().any(admits))
    }
}

/// The host of an http(s) URL, or why the URL is malformed.
pub fn host_of(url: &str) -> Result<&str, String> {
    if url.chars().any(char::is_whitespace) {
        return Err("contains white space".into());
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("is not an http(s) URL")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    if host.is_empty() {
        return Err("has no host".into());
    }
    if host.ends_with('.') {
        return Err(format!("has a trailing dot in its host {host:?}"));
    }
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') || host.starts_with('[') {
        return Err(format!("points at a bare IP address ({host}), not a publisher"));
    }
    if !host.contains('.') {
        return Err(format!("has no domain ({host:?})"));
    }
    Ok(host)
}

/// An ISO 8601 date of a document (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or `unknown`.
pub fn is_document_date(s: &str) -> bool {
    if s == "unknown" {
        return true;
    }
    let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && ("01"..="12").contains(m),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && digits(d, 2) && ("01"..="12").contains(m) && ("01"..="31").contains(d)
        }
        _ => false,
    }
}

/// A ClinicalTrials.gov number: NCT and 8 digits.
pub fn is_nct(s: &str) -> bool {
    s.len() == 11 && s.starts_with("NCT") && s[3..].bytes().all(|b| b.is_ascii_digit())
}

/// What is wrong with a source's identifiers: a malformed one, or a missing one its kind of
/// document has (only checked where the original was found: `url`; a PubMed Central link is the
/// article's own identifier).
pub fn identifier_problems(kind: SourceKind, title: &str, ids: &Identifiers, url: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(doi) = &ids.doi {
        if !(doi.starts_with("10.") && doi.contains('/')) {
            out.push(format!("doi {doi:?} is not a DOI (10.xxxx/...)"));
        }
    }
    if let Some(pmid) = &ids.pmid {
        if pmid.is_empty() || !pmid.bytes().all(|b| b.is_ascii_digit()) {
            out.push(format!("pmid {pmid:?} is not a PubMed id (digits)"));
        }
    }
    if let Some(nct) = &ids.nct {
        if !is_nct(nct) {
            out.push(format!("nct {nct:?} is not an NCT number (NCT + 8 digits)"));
        }
    }
    if let Some(letter) = &ids.letter {
        let number = letter.strip_prefix("MARCS-CMS ").unwrap_or(letter);
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            out.push(format!(
                "letter {letter:?} is not an FDA letter number (MARCS-CMS 123456)"
            ));
        }
    }
    let Some(url) = url else { return out };
    let in_pmc = host_of(url).is_ok_and(|h| h == "pmc.ncbi.nlm.nih.gov");
    let lower = title.to_lowercase();
    match kind {
        SourceKind::Journal if ids.doi.is_none() && ids.pmid.is_none() && !in_pmc => {
            out.push("a journal article needs its doi or pmid".into())
        }
        SourceKind::Registry if ids.nct.is_none() => out.push("a registry record needs its nct".into()),
        SourceKind::Legislation | SourceKind::Court if ids.citation.is_none() => out.push(format!(
            "a {} document needs its citation (CFR, Federal Register, EU regulation or case number)",
            kind.as_str()
        )),
        SourceKind::Regulator
            if (lower.contains("warning letter") || lower.contains("untitled letter")) && ids.letter.is_none() =>
        {
            out.push("an FDA letter needs its letter number (letter = \"MARCS-CMS ...\")".into())
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_malformed_and_copy_urls_are_refused_with_the_reason() {
        assert_eq!(host_of("https://www.fda.gov/x").unwrap(), "www.fda.gov");
        assert_eq!(host_of("https://doi.org/10.1/x?y#z").unwrap(), "doi.org");
        assert!(host_of("https://wz.de./nrw/x").unwrap_err().contains("trailing dot"));
        assert!(host_of("http://34.80.245.248/content")
            .unwrap_err()
            .contains("IP address"));
        assert!(host_of("http://120.26.44.124:3004/x")
            .unwrap_err()
            .contains("IP address"));
        assert!(host_of("ftp://fda.gov/x").unwrap_err().contains("http"));
        assert!(host_of("https://www.fda.gov/a b").unwrap_err().contains("white space"));
    }

    #[test]
    fn allowed_hosts_admit_subdomains_and_resolvers_but_not_lookalikes() {
        let raw: RawHosts = toml::from_str("any = [\"doi.org\"]\nregulator = [\"fda.gov\"]\n").unwrap();
        let hosts = CitationHosts::from_raw(raw).unwrap();
        assert!(hosts.allows(SourceKind::Regulator, "www.fda.gov"));
        assert!(hosts.allows(SourceKind::News, "doi.org"));
        assert!(!hosts.allows(SourceKind::Regulator, "notfda.gov"));
        assert!(!hosts.allows(SourceKind::News, "www.fda.gov"));
        let raw: RawHosts = toml::from_str("aggregator = [\"x.com\"]\n").unwrap();
        assert!(CitationHosts::from_raw(raw).unwrap_err().contains("unknown kind"));
    }

    #[test]
    fn document_dates_are_iso_or_unknown() {
        for good in ["2019", "2019-12", "2019-12-06", "unknown"] {
            assert!(is_document_date(good), "{good}");
        }
        for bad in ["2020-03 (from the URL)", "12/06/2019", "2019-13", "2019-12-6", ""] {
            assert!(!is_document_date(bad), "{bad}");
        }
    }

    #[test]
    fn documents_need_the_identifier_their_kind_has() {
        let none = Identifiers::default();
        let page = Some("https://journal.example.org/article");
        assert_eq!(
            identifier_problems(SourceKind::Journal, "A trial", &none, page).len(),
            1
        );
        assert!(identifier_problems(SourceKind::Journal, "A trial", &none, None).is_empty());
        let pmc = Some("https://pmc.ncbi.nlm.nih.gov/articles/PMC9650027/");
        assert!(identifier_problems(SourceKind::Journal, "A trial", &none, pmc).is_empty());
        let doi = Identifiers {
            doi: Some("10.1002/jev2.12510".into()),
            ..Identifiers::default()
        };
        assert!(identifier_problems(SourceKind::Journal, "A trial", &doi, page).is_empty());
        assert_eq!(
            identifier_problems(SourceKind::Regulator, "Warning Letter: X", &none, page).len(),
            1
        );
        assert!(identifier_problems(SourceKind::Regulator, "Consumer alert", &none, page).is_empty());
        let bad = Identifiers {
            nct: Some("NCT123".into()),
            ..Identifiers::default()
        };
        assert_eq!(identifier_problems(SourceKind::Registry, "x", &bad, page).len(), 1);
        assert_eq!(
            identifier_problems(SourceKind::Legislation, "Regulation", &none, page).len(),
            1
        );
    }
}
