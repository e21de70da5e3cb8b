//! Findings as lines for editors and CI: `concise` (`path:line:col: HCnnn severity: message`, one
//! per line, for grep and an editor's quickfix list) and `github` (workflow commands that GitHub
//! Actions shows as annotations on the pull request's lines). Positions point into the source
//! file, also for HTML and Markdown, whose spans count in the extracted text.

use hypecheck_core::checks::Severity;
use hypecheck_core::report::FindingOut;
use hypecheck_core::Report;

/// A finding's place in the source: 1-based line and column (in characters), start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The 1-based line and column of a byte offset in `source`.
fn line_column(source: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Characters, not bytes: continuation bytes of UTF-8 do not count.
    let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (line, column)
}

/// The byte range of a finding in the source the report was made from; `None` where the
/// source's positions are not the text's bytes (decoded UTF-16) or were not kept.
pub fn source_range(source: &[u8], report: &Report, finding: &FindingOut) -> Option<(usize, usize)> {
    let shift = match report.input.span_basis {
        "input_after_bom" => 3,
        "decoded_text" => return None,
        _ => 0,
    };
    let map = &report.input.source_map;
    let start = map.source_offset(finding.span.start)? + shift;
    let end = map.source_offset(finding.span.end)?.max(start - shift) + shift;
    Some((start.min(source.len()), end.min(source.len())))
}

/// Where a finding is in the source the report was made from.
pub fn place(source: &[u8], report: &Report, finding: &FindingOut) -> Place {
    match source_range(source, report, finding) {
        Some((start, end)) => {
            let (line, column) = line_column(source, start);
            let (end_line, end_column) = line_column(source, end);
            Place {
                line,
                column,
                end_line,
                end_column,
            }
        }
        // Decoded UTF-16: the text's own lines are the source's.
        None => from_span(finding),
    }
}

fn from_span(f: &FindingOut) -> Place {
    Place {
        line: f.span.line,
        column: f.span.column,
        end_line: f.span.end_line,
        end_column: f.span.end_column,
    }
}

/// The findings worth annotating: shortcomings and notes, not the positive ones.
pub fn annotated(report: &Report) -> impl Iterator<Item = &FindingOut> {
    report.findings.iter().filter(|f| f.severity != Severity::Positive)
}

/// A finding's severity as editors and SARIF name levels.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Fail => "error",
        Severity::Concern => "warning",
        Severity::Info | Severity::Positive => "note",
    }
}

/// `path:line:col: HCnnn`: where a finding is and what it is, as grep and editors read it.
fn located(path: &str, source: &[u8], report: &Report, f: &FindingOut) -> String {
    let p = place(source, report, f);
    format!("{path}:{}:{}: {}", p.line, p.column, f.code)
}

/// `path:line:col: HCnnn severity: message`, one finding per line.
pub fn concise(path: &str, source: &[u8], report: &Report) -> String {
    let mut out = String::new();
    for f in annotated(report) {
        out.push_str(&format!(
            "{} {}: {}\n",
            located(path, source, report, f),
            severity_word(f.severity),
            one_line(&f.message)
        ));
    }
    out
}

/// GitHub Actions workflow commands (`::error file=...,line=...::message`).
pub fn github(path: &str, source: &[u8], report: &Report) -> String {
    let mut out = String::new();
    for f in annotated(report) {
        let p = place(source, report, f);
        let level = match f.severity {
            Severity::Fail => "error",
            Severity::Concern => "warning",
            _ => "notice",
        };
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            escape_property(&format!("{} {}", f.code, f.name)),
            escape_data(&f.message)
        ));
    }
    out
}

/// A JUnit XML test suite for one file: one test case per question (a failure when its verdict is
/// `fail`, or at least `concern` with `strict`; skipped when the text gives it nothing to judge),
/// and one for the editorial rule when it is applied. CI systems show these as test results.
pub fn junit_suite(path: &str, source: &[u8], report: &Report, strict: bool) -> String {
    use hypecheck_core::Verdict;
    let mut cases = String::new();
    let (mut failures, mut skipped, mut tests) = (0, 0, 0);
    for (question, q) in report.questions.iter() {
        tests += 1;
        let name = xml(question.as_str());
        let failed = q.verdict == Verdict::Fail || (strict && q.verdict == Verdict::Concern);
        if failed {
            failures += 1;
            let mut details = String::new();
            for f in annotated(report).filter(|f| f.question == question) {
                details.push_str(&format!(
                    "{} {}\n",
                    located(path, source, report, f),
                    one_line(&f.message)
                ));
            }
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{name}\"><failure type=\"{}\" message=\"{}\">{}</failure></testcase>\n",
                xml(path),
                q.verdict.as_str(),
                xml(&q.summary),
                xml(&details)
            ));
        } else if q.verdict == Verdict::NotApplicable {
            skipped += 1;
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{name}\"><skipped message=\"{}\"/></testcase>\n",
                xml(path),
                xml(&q.summary)
            ));
        } else {
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{name}\"/>\n",
                xml(path)
            ));
        }
    }
    if report.compliance.editorial_rule {
        tests += 1;
        if report.compliance.found {
            failures += 1;
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"editorial-rule\"><failure type=\"editorial-rule\" message=\"{}\"/></testcase>\n",
                xml(path),
                xml(&report.compliance.summary)
            ));
        } else {
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"editorial-rule\"/>\n",
                xml(path)
            ));
        }
    }
    format!(
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n",
        xml(path)
    )
}

/// The JUnit XML document around test suites.
pub fn junit(suites: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"hypecheck\">\n{}</testsuites>\n",
        suites.concat()
    )
}

/// Text as XML character data or an attribute value.
fn xml(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// GitHub's escaping of a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// GitHub's escaping of a command's property values.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_start_at_one() {
        let source = "ab\ncafé cure\n".as_bytes();
        assert_eq!(line_column(source, 0), (1, 1));
        assert_eq!(line_column(source, 3), (2, 1));
        let cure = "ab\ncafé ".len();
        assert_eq!(line_column(source, cure), (2, 6));
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn github_commands_escape_what_would_end_them() {
        assert_eq!(escape_data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
