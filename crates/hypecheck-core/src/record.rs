//! A report as one flat record: the columns a researcher counts (grade, the four verdicts,
//! compliance, the ten criteria, findings per check), the same for every document so that Spark
//! and pandas read them as a table; a document that could not be read or analysed has an error
//! record with the same columns, null. What `hypecheck scan` writes per document, and what the
//! Python package's `Checker.scan` returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::checks::Question;
use crate::report::{Report, Tally};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Analysed: the verdict columns are filled.
    Ok,
    /// Not read or not analysed: `error_kind` and `error` say why.
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanRecord {
    /// The document's place in the scan, from 0: records are written in this order.
    pub seq: u64,
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    /// The URL's host, lowercased, without "www." (grouping by site).
    pub domain: Option<String>,
    pub status: Status,
    pub error_kind: Option<String>,
    pub error: Option<String>,
    /// Bytes of the document as read (after decompression and charset conversion).
    pub bytes: u64,
    pub format: Option<String>,
    pub text_language: Option<String>,
    pub grade: Option<String>,
    pub score: Option<u32>,
    pub evidence: Option<String>,
    pub approval: Option<String>,
    pub risks: Option<String>,
    pub language: Option<String>,
    /// Whether the text gives dosing, usage or sourcing information (the editorial rule).
    pub compliance_found: Option<bool>,
    /// The ten expert criteria: satisfactory, not_satisfactory or not_applicable.
    pub criteria: Option<BTreeMap<String, String>>,
    /// How many findings of each check code (omitted ones included).
    pub findings: Option<BTreeMap<String, u64>>,
    pub warnings: Option<u64>,
    /// The whole report, with `--full`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<serde_json::Value>,
}

/// Where a document is: its id, source and URL.
pub struct Origin {
    pub id: String,
    pub source: String,
    pub url: Option<String>,
}

impl ScanRecord {
    fn empty(seq: u64, origin: Origin, status: Status, bytes: u64) -> ScanRecord {
        let domain = origin.url.as_deref().and_then(domain_of);
        ScanRecord {
            seq,
            id: origin.id,
            source: origin.source,
            url: origin.url,
            domain,
            status,
            error_kind: None,
            error: None,
            bytes,
            format: None,
            text_language: None,
            grade: None,
            score: None,
            evidence: None,
            approval: None,
            risks: None,
            language: None,
            compliance_found: None,
            criteria: None,
            findings: None,
            warnings: None,
            report: None,
        }
    }

    pub fn error(seq: u64, origin: Origin, bytes: u64, kind: &str, message: String) -> ScanRecord {
        ScanRecord {
            error_kind: Some(kind.to_string()),
            error: Some(message),
            ..ScanRecord::empty(seq, origin, Status::Error, bytes)
        }
    }

    /// The record of a full report, the report itself included (`--full`); without it, a scan
    /// writes [`ScanRecord::from_tally`].
    pub fn from_report(seq: u64, origin: Origin, bytes: u64, report: &Report) -> ScanRecord {
        ScanRecord {
            report: Some(serde_json::to_value(report).expect("a report serialises")),
            ..ScanRecord::from_tally(seq, origin, bytes, &Tally::of_report(report))
        }
    }

    /// The record of a report's tally (no `report` column).
    pub fn from_tally(seq: u64, origin: Origin, bytes: u64, tally: &Tally) -> ScanRecord {
        let verdict = |q: Question| {
            tally
                .questions
                .iter()
                .find(|(question, _)| *question == q)
                .map(|(_, v)| v.as_str().to_string())
        };
        ScanRecord {
            format: Some(tally.format.as_str().to_string()),
            text_language: Some(tally.text_language.as_str().to_string()),
            grade: tally.letter.map(String::from),
            score: tally.score,
            evidence: verdict(Question::Evidence),
            approval: verdict(Question::Approval),
            risks: verdict(Question::Risks),
            language: verdict(Question::Language),
            compliance_found: Some(tally.compliance_found),
            criteria: Some(
                tally
                    .criteria
                    .iter()
                    .map(|(k, v)| (k.as_str().to_string(), v.as_str().to_string()))
                    .collect(),
            ),
            findings: Some(tally.findings.iter().map(|(k, n)| (k.to_string(), *n)).collect()),
            warnings: Some(tally.warnings as u64),
            ..ScanRecord::empty(seq, origin, Status::Ok, bytes)
        }
    }
}

/// The site of a URL: its host, lowercased, without a leading "www."; for a page archived by the
/// Wayback Machine (`web.archive.org/web/<time>/<url>`), the site of the archived URL.
pub fn domain_of(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    if let Some(archived) = rest.strip_prefix("web.archive.org/web/") {
        if let Some((_, inner)) = archived.split_once('/') {
            if inner.contains("://") {
                return domain_of(inner);
            }
        }
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    // An IPv6 literal keeps its brackets; otherwise a port is cut.
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    (!host.is_empty() && !host.contains(char::is_whitespace)).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::domain_of;

    #[test]
    fn a_urls_domain_is_its_host_without_www() {
        assert_eq!(
            domain_of("https://www.Clinic.example/a?b").as_deref(),
            Some("clinic.example")
        );
        assert_eq!(
            domain_of("http://user@news.example:8080/x").as_deref(),
            Some("news.example")
        );
        assert_eq!(domain_of("http://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(domain_of("not a url"), None);
        assert_eq!(domain_of("https:///path"), None);
        let archived = "https://web.archive.org/web/20181217203805/https://www.eurekalert.org/pub_releases/x.php";
        assert_eq!(domain_of(archived).as_deref(), Some("eurekalert.org"));
    }
}
