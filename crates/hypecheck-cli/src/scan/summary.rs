//! The distribution tables of a scan: documents and errors, grades, verdicts per question, the
//! editorial rule, overall or per site. Built from the records alone, so that a finished scan's
//! file gives the same tables (`hypecheck scan --summary results.jsonl`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use hypecheck_core::record::{ScanRecord, Status};

const GRADES: [&str; 6] = ["A", "B", "C", "D", "F", "none"];
const QUESTIONS: [&str; 4] = ["evidence", "approval", "risks", "language"];
const VERDICTS: [&str; 4] = ["pass", "concern", "fail", "not_applicable"];

#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub documents: u64,
    pub analysed: u64,
    pub errors: u64,
    pub errors_by_kind: BTreeMap<String, u64>,
    /// WARC records that are not documents (requests, metadata, ...), by type.
    pub not_documents: BTreeMap<String, u64>,
    pub grades: BTreeMap<String, u64>,
    /// Per question, per verdict.
    pub verdicts: BTreeMap<String, BTreeMap<String, u64>>,
    pub compliance_found: u64,
    pub bytes: u64,
    score_sum: u64,
    scored: u64,
}

impl Summary {
    pub fn add(&mut self, record: &ScanRecord) {
        self.documents += 1;
        self.bytes += record.bytes;
        match record.status {
            Status::Error => {
                self.errors += 1;
                let kind = record.error_kind.clone().unwrap_or_else(|| "unknown".into());
                *self.errors_by_kind.entry(kind).or_default() += 1;
            }
            Status::Ok => {
                self.analysed += 1;
                let grade = record.grade.clone().unwrap_or_else(|| "none".into());
                *self.grades.entry(grade).or_default() += 1;
                if let Some(score) = record.score {
                    self.score_sum += u64::from(score);
                    self.scored += 1;
                }
                for (question, verdict) in
                    QUESTIONS
                        .iter()
                        .zip([&record.evidence, &record.approval, &record.risks, &record.language])
                {
                    if let Some(v) = verdict {
                        *self
                            .verdicts
                            .entry(question.to_string())
                            .or_default()
                            .entry(v.clone())
                            .or_default() += 1;
                    }
                }
                self.compliance_found += u64::from(record.compliance_found == Some(true));
            }
        }
    }

    pub fn not_a_document(&mut self, record_type: &str) {
        *self.not_documents.entry(record_type.to_string()).or_default() += 1;
    }

    fn mean_score(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.score_sum as f64 / self.scored as f64)
    }

    /// The tables, for a terminal or a paper.
    pub fn render(&self, seconds: Option<f64>) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "documents: {} (analysed: {}, errors: {})",
            self.documents, self.analysed, self.errors
        );
        if let Some(seconds) = seconds {
            let mb = self.bytes as f64 / 1e6;
            let _ = writeln!(
                out,
                "read: {mb:.1} MB in {seconds:.1} s ({:.1} MB/s, {:.0} documents/s)",
                mb / seconds.max(1e-9),
                self.documents as f64 / seconds.max(1e-9)
            );
        }
        if !self.errors_by_kind.is_empty() {
            let kinds: Vec<String> = self.errors_by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let _ = writeln!(out, "errors by kind: {}", kinds.join(", "));
        }
        if !self.not_documents.is_empty() {
            let kinds: Vec<String> = self.not_documents.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let _ = writeln!(
                out,
                "WARC records that are not documents (not analysed): {}",
                kinds.join(", ")
            );
        }
        if self.analysed == 0 {
            return out;
        }
        let pct = |n: u64| 100.0 * n as f64 / self.analysed as f64;
        let _ = writeln!(out, "\ngrade      documents   share");
        for g in GRADES {
            let n = self.grades.get(g).copied().unwrap_or(0);
            let _ = writeln!(out, "{g:<10} {n:>9}  {:>5.1} %", pct(n));
        }
        if let Some(mean) = self.mean_score() {
            let _ = writeln!(out, "mean score {mean:.1} (of {} graded)", self.scored);
        }
        let _ = writeln!(out, "\nquestion        pass   concern      fail       n/a");
        for q in QUESTIONS {
            let row = self.verdicts.get(q);
            let cell = |v: &str| pct(row.and_then(|r| r.get(v)).copied().unwrap_or(0));
            let _ = writeln!(
                out,
                "{q:<10} {:>7.1} % {:>7.1} % {:>7.1} % {:>7.1} %",
                cell(VERDICTS[0]),
                cell(VERDICTS[1]),
                cell(VERDICTS[2]),
                cell(VERDICTS[3])
            );
        }
        let _ = writeln!(
            out,
            "\ndosing, usage or sourcing information: {} documents ({:.1} %)",
            self.compliance_found,
            pct(self.compliance_found)
        );
        out
    }
}

/// One summary per site (records without a URL under "(no URL)"), largest first.
pub fn by_domain<'a>(records: impl IntoIterator<Item = &'a ScanRecord>) -> Vec<(String, Summary)> {
    let mut groups: BTreeMap<String, Summary> = BTreeMap::new();
    for r in records {
        let key = r.domain.clone().unwrap_or_else(|| "(no URL)".into());
        groups.entry(key).or_default().add(r);
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then_with(|| a.0.cmp(&b.0)));
    groups
}

/// The per-site table: documents, errors, grade shares, mean score, and the share of analysed
/// documents with a failed question.
pub fn render_by_domain(groups: &[(String, Summary)]) -> String {
    let width = groups.iter().map(|(d, _)| d.len()).max().unwrap_or(6).clamp(6, 40);
    let mut out = format!(
        "{:<width$} {:>6} {:>6}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>5}  {:>6}\n",
        "domain", "docs", "errors", "A", "B", "C", "D", "F", "none", "score", "% fail"
    );
    for (domain, s) in groups {
        let grade = |g: &str| s.grades.get(g).copied().unwrap_or(0);
        let failed = s
            .verdicts
            .values()
            .map(|v| v.get("fail").copied().unwrap_or(0))
            .max()
            .unwrap_or(0);
        let _ = writeln!(
            out,
            "{:<width$} {:>6} {:>6}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>5}  {:>6}",
            truncate(domain, width),
            s.documents,
            s.errors,
            grade("A"),
            grade("B"),
            grade("C"),
            grade("D"),
            grade("F"),
            grade("none"),
            s.mean_score().map_or("-".into(), |m| format!("{m:.0}")),
            if s.analysed == 0 {
                "-".into()
            } else {
                format!("{:.0}", 100.0 * failed as f64 / s.analysed as f64)
            },
        );
    }
    out
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hypecheck_core::record::Origin;

    fn record(seq: u64, url: &str, grade: Option<&str>, evidence: &str) -> ScanRecord {
        let mut r = ScanRecord::error(
            seq,
            Origin {
                id: seq.to_string(),
                source: "s".into(),
                url: Some(url.into()),
            },
            10,
            "x",
            "y".into(),
        );
        if let Some(g) = grade {
            r.status = Status::Ok;
            r.error_kind = None;
            r.grade = Some(g.into());
            r.score = Some(if g == "A" { 100 } else { 25 });
            r.evidence = Some(evidence.into());
        }
        r
    }

    #[test]
    fn the_tables_count_grades_verdicts_and_errors_per_site() {
        let records = [
            record(0, "https://clinic.example/a", Some("F"), "fail"),
            record(1, "https://www.clinic.example/b", Some("A"), "pass"),
            record(2, "https://news.example/c", None, ""),
        ];
        let mut all = Summary::default();
        records.iter().for_each(|r| all.add(r));
        let text = all.render(None);
        assert!(text.contains("documents: 3 (analysed: 2, errors: 1)"), "{text}");
        assert!(text.contains("errors by kind: x 1"), "{text}");
        assert!(text.contains("A                  1   50.0 %"), "{text}");
        let groups = by_domain(&records);
        assert_eq!(groups[0].0, "clinic.example");
        assert_eq!(groups[0].1.documents, 2);
        let table = render_by_domain(&groups);
        let clinic = table.lines().find(|l| l.starts_with("clinic.example")).unwrap();
        assert!(clinic.ends_with("50"), "half its documents fail a question: {clinic}");
        assert!(
            table.lines().any(|l| l.starts_with("news.example") && l.ends_with('-')),
            "{table}"
        );
    }
}
