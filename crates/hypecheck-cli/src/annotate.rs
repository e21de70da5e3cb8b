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

/// Where a finding is in the source the report was made from.
pub fn place(source: &[u8], report: &Report, finding: &FindingOut) -> Place {
    let shift = match report.input.span_basis {
        "input_after_bom" => 3,
        // Decoded UTF-16: the text's own lines are the source's.
        "decoded_text" => return from_span(finding),
        _ => 0,
    };
    let map = &report.input.source_map;
    match (
        map.source_offset(finding.span.start),
        map.source_offset(finding.span.end),
    ) {
        (Some(start), Some(end)) => {
            let (line, column) = line_column(source, start + shift);
            let (end_line, end_column) = line_column(source, end.max(start) + shift);
            Place {
                line,
                column,
                end_line,
                end_column,
            }
        }
        _ => from_span(finding),
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
fn annotated(report: &Report) -> impl Iterator<Item = &FindingOut> {
    report.findings.iter().filter(|f| f.severity != Severity::Positive)
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Fail => "error",
        Severity::Concern => "warning",
        Severity::Info | Severity::Positive => "note",
    }
}

/// `path:line:col: HCnnn severity: message`, one finding per line.
pub fn concise(path: &str, source: &[u8], report: &Report) -> String {
    let mut out = String::new();
    for f in annotated(report) {
        let p = place(source, report, f);
        out.push_str(&format!(
            "{path}:{}:{}: {} {}: {}\n",
            p.line,
            p.column,
            f.code,
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
    fn github_commands_escape_what_would_end_them() {
        assert_eq!(escape_data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
