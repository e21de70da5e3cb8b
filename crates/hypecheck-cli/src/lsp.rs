//! `hypecheck lsp`: a language server on standard input and output, so that an editor shows the
//! findings as the writer types. It publishes diagnostics when a Markdown, HTML or text document
//! is opened or changed, explains a finding and its sources on hover, and offers quick fixes:
//! ignore a finding on its line, replace a false approval claim by the status the knowledge base
//! gives, add a sentence on risks or on approval to fill in. Settings come from the same
//! configuration file as `hypecheck check` (found from the document's folder up); the tier, the
//! vocabulary and the knowledge base from the one found where the server starts.
//!
//! Positions are in UTF-16 code units, the protocol's default; the server reads the whole text on
//! every change (a 50 KB page is analysed in a few milliseconds).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use hypecheck_core::checks::{Code, Severity};
use hypecheck_core::report::FindingOut;
use hypecheck_core::{Checker, InputFormat, Options, Report};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::{json, Value};

use crate::annotate::{annotated, source_range};
use crate::config;

/// Runs the server until the client asks it to shut down and exit.
pub fn run(checker: Checker, explicit_config: Option<PathBuf>) -> Result<()> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(lsp::TextDocumentSyncKind::FULL)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
            code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        ..Default::default()
    };
    let initialize = json!({
        "capabilities": capabilities,
        "serverInfo": {"name": "hypecheck", "version": env!("CARGO_PKG_VERSION")},
    });
    let id = match connection.initialize_start() {
        Ok((id, _params)) => id,
        Err(e) => anyhow::bail!("the client did not initialize the session: {e}"),
    };
    connection
        .initialize_finish(id, initialize)
        .map_err(|e| anyhow::anyhow!("the client did not finish initializing: {e}"))?;
    let mut server = Server {
        checker,
        explicit_config,
        documents: HashMap::new(),
        settings: HashMap::new(),
    };
    server.main_loop(&connection)?;
    drop(connection);
    io_threads.join().context("the server's input or output failed")?;
    Ok(())
}

struct Server {
    checker: Checker,
    explicit_config: Option<PathBuf>,
    documents: HashMap<lsp::Uri, Document>,
    /// The settings in force per file, read once (cleared when the client reports changed files).
    settings: HashMap<PathBuf, std::result::Result<Settings, String>>,
}

#[derive(Clone)]
struct Settings {
    disabled_checks: Vec<Code>,
    editorial_rule: bool,
    severity: Vec<(Code, Severity)>,
    report_language: Option<hypecheck_core::Language>,
    text_language: Option<hypecheck_core::Language>,
}

struct Document {
    text: String,
    version: i32,
    format: Option<InputFormat>,
    lines: LineIndex,
    /// The last analysis: the report and each annotated finding's range in the text.
    checked: Option<(Report, Vec<(FindingOut, lsp::Range)>)>,
}

impl Server {
    fn main_loop(&mut self, connection: &Connection) -> Result<()> {
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    let response = self.request(request);
                    connection.sender.send(Message::Response(response))?;
                }
                Message::Notification(n) => {
                    for out in self.notification(n) {
                        connection.sender.send(Message::Notification(out))?;
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            "textDocument/hover" => serde_json::from_value(request.params)
                .map(|p: lsp::HoverParams| serde_json::to_value(self.hover(&p)).unwrap_or(Value::Null)),
            "textDocument/codeAction" => serde_json::from_value(request.params)
                .map(|p: lsp::CodeActionParams| serde_json::to_value(self.code_actions(&p)).unwrap_or(Value::Null)),
            method => {
                return Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("unsupported request {method}"),
                );
            }
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(e) => invalid_params(id, e),
        }
    }

    /// Handles a notification; returns the notifications to send (diagnostics).
    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let doc = p.text_document;
                let format = format_of(&doc.language_id, &doc.uri);
                self.documents.insert(
                    doc.uri.clone(),
                    Document {
                        lines: LineIndex::new(&doc.text),
                        text: doc.text,
                        version: doc.version,
                        format,
                        checked: None,
                    },
                );
                self.analyse(&doc.uri).into_iter().collect()
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                // Full synchronisation: the last change holds the whole text.
                let (Some(doc), Some(change)) = (self.documents.get_mut(&uri), p.content_changes.into_iter().last())
                else {
                    return Vec::new();
                };
                doc.lines = LineIndex::new(&change.text);
                doc.text = change.text;
                doc.version = p.text_document.version;
                self.analyse(&uri).into_iter().collect()
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                self.documents.remove(&p.text_document.uri);
                vec![diagnostics(&p.text_document.uri, None, Vec::new())]
            }
            // A configuration file may have changed: read the settings again and recheck.
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" | "textDocument/didSave" => {
                self.settings.clear();
                let uris: Vec<lsp::Uri> = self.documents.keys().cloned().collect();
                uris.iter().filter_map(|u| self.analyse(u)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The settings for a document: its configuration file's select, ignore and editorial rule.
    fn settings_for(&mut self, path: Option<&Path>) -> std::result::Result<Settings, String> {
        // Per file: overrides may differ between files of one folder.
        let key = path.map(Path::to_path_buf).unwrap_or_default();
        let explicit = self.explicit_config.clone();
        self.settings
            .entry(key)
            .or_insert_with(|| {
                let config = config::load(explicit.as_deref(), path).map_err(|e| format!("{e:#}"))?;
                let settings = config.for_file(path).map_err(|e| format!("{e:#}"))?;
                let disabled_checks = config::disabled_checks(settings.select.as_deref(), &settings.ignore)
                    .map_err(|e| format!("{e:#}"))?;
                Ok(Settings {
                    disabled_checks,
                    editorial_rule: settings.editorial_rule,
                    severity: settings.severity,
                    report_language: config.lang,
                    text_language: config.text_lang.and_then(config::TextLangSetting::language),
                })
            })
            .clone()
    }

    /// Analyses a document and returns its diagnostics notification.
    fn analyse(&mut self, uri: &lsp::Uri) -> Option<Notification> {
        let path = file_path(uri);
        let settings = self.settings_for(path.as_deref());
        let doc = self.documents.get_mut(uri)?;
        let settings = match settings {
            Ok(s) => s,
            Err(e) => {
                doc.checked = None;
                return Some(diagnostics(uri, Some(doc.version), vec![whole_file_error(e)]));
            }
        };
        let options = Options {
            input_format: doc.format,
            editorial_rule: settings.editorial_rule,
            disabled_checks: settings.disabled_checks,
            severity_overrides: settings.severity,
            report_language: settings.report_language,
            text_language: settings.text_language,
            ..Options::default()
        };
        let report = match self.checker.check_bytes(doc.text.as_bytes(), &options) {
            Ok(r) => r,
            // A new, empty file has nothing to say yet.
            Err(hypecheck_core::InputError::Empty) => {
                doc.checked = None;
                return Some(diagnostics(uri, Some(doc.version), Vec::new()));
            }
            Err(e) => {
                doc.checked = None;
                let catalog = self.checker.catalog(hypecheck_core::Language::En);
                let message = catalog.format("lsp-cannot-check", &[("error", e.to_string())]);
                return Some(diagnostics(uri, Some(doc.version), vec![whole_file_error(message)]));
            }
        };
        let located: Vec<(FindingOut, lsp::Range)> = annotated(&report)
            .map(|f| {
                let range = match source_range(doc.text.as_bytes(), &report, f) {
                    Some((start, end)) => {
                        lsp::Range::new(doc.lines.position(&doc.text, start), doc.lines.position(&doc.text, end))
                    }
                    None => doc.lines.range_of_span(&doc.text, f),
                };
                (f.clone(), range)
            })
            .collect();
        let list = located
            .iter()
            .enumerate()
            .map(|(i, (f, range))| lsp::Diagnostic {
                range: *range,
                severity: Some(match f.severity {
                    Severity::Fail => lsp::DiagnosticSeverity::ERROR,
                    Severity::Concern => lsp::DiagnosticSeverity::WARNING,
                    Severity::Info | Severity::Positive => lsp::DiagnosticSeverity::INFORMATION,
                }),
                code: Some(lsp::NumberOrString::String(f.code.to_string())),
                source: Some("hypecheck".into()),
                message: f.message.clone(),
                data: Some(json!({"finding": i})),
                ..Default::default()
            })
            .collect();
        let version = doc.version;
        doc.checked = Some((report, located));
        Some(diagnostics(uri, Some(version), list))
    }

    /// The findings under the cursor: each with its message, its check and its sources.
    fn hover(&self, p: &lsp::HoverParams) -> Option<lsp::Hover> {
        let pos = p.text_document_position_params.position;
        let doc = self.documents.get(&p.text_document_position_params.text_document.uri)?;
        let (report, located) = doc.checked.as_ref()?;
        let catalog = self.checker.catalog(report.report_language);
        let here: Vec<&(FindingOut, lsp::Range)> = located.iter().filter(|(_, r)| contains(r, pos)).collect();
        let first = here.first()?;
        let mut text = String::new();
        for (f, _) in &here {
            text.push_str(&format!(
                "**{} {}** ({}, {})\n\n{}\n\n",
                f.code,
                f.name,
                f.question.as_str(),
                f.severity.as_str(),
                f.message
            ));
            if !f.sources.is_empty() {
                text.push_str(&format!("{}:\n", catalog.format("lsp-hover-sources", &[])));
                for s in &f.sources {
                    text.push_str(&format!(
                        "- {} ({})\n",
                        s.statement,
                        catalog.format("lsp-hover-as-of", &[("date", s.as_of.clone())])
                    ));
                    for c in &s.citations {
                        let title = match &c.url {
                            Some(url) => format!("[{}]({url})", c.title),
                            None => c.title.clone(),
                        };
                        text.push_str(&format!("  - {title}, {}, {}\n", c.publisher, c.date));
                    }
                }
                text.push('\n');
            }
        }
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: text.trim_end().to_string(),
            }),
            range: Some(first.1),
        })
    }

    /// Quick fixes for the findings in the requested range.
    fn code_actions(&self, p: &lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        let Some((report, located)) = doc.checked.as_ref() else {
            return Vec::new();
        };
        let catalog = self.checker.catalog(report.report_language);
        let markup = matches!(report.input.format, InputFormat::Markdown | InputFormat::Html);
        let mut actions = Vec::new();
        let mut add = |title: String, edit: lsp::TextEdit, diagnostic: lsp::Diagnostic| {
            actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title,
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..Default::default()
                }),
                ..Default::default()
            }));
        };
        let subject = report
            .interventions
            .first()
            .map(|i| i.name.clone())
            .unwrap_or_else(|| catalog.format("lsp-subject-fallback", &[]));
        let end = doc.lines.position(&doc.text, doc.text.len());
        for (f, range) in located.iter().filter(|(_, r)| overlaps(r, &p.range)) {
            let diagnostic = lsp::Diagnostic {
                range: *range,
                code: Some(lsp::NumberOrString::String(f.code.to_string())),
                source: Some("hypecheck".into()),
                message: f.message.clone(),
                ..Default::default()
            };
            match Code::parse(f.code) {
                Some(Code::HC201) => {
                    if let Some(status) = f.sources.iter().find(|s| s.id.contains("/status/")) {
                        let replacement = catalog.format("lsp-unapproved-word", &[]);
                        let title = catalog.format(
                            "lsp-fix-unapproved",
                            &[
                                ("cue", f.excerpt.clone()),
                                ("replacement", replacement.clone()),
                                (
                                    "statement",
                                    format!("{} ({})", first_sentence(&status.statement), status.as_of),
                                ),
                            ],
                        );
                        add(title, lsp::TextEdit::new(*range, replacement), diagnostic.clone());
                    }
                }
                // Silence on harms or on approval: a sentence to fill in, at the end.
                Some(code @ (Code::HC302 | Code::HC204)) => {
                    let (title, placeholder) = if code == Code::HC302 {
                        ("lsp-fix-risks", "lsp-risks-placeholder")
                    } else {
                        ("lsp-fix-status", "lsp-status-placeholder")
                    };
                    let sentence = catalog.format(placeholder, &[("subject", subject.clone())]);
                    add(
                        catalog.format(title, &[]),
                        lsp::TextEdit::new(lsp::Range::new(end, end), format!("\n\n{sentence}\n")),
                        diagnostic.clone(),
                    );
                }
                _ => {}
            }
            // Every finding: a suppression comment at the end of its line (ruff's noqa).
            let line_end = doc.lines.line_end(&doc.text, range.start.line);
            let comment = if markup {
                format!(" <!-- hypecheck: ignore[{}] -->", f.code)
            } else {
                format!("  hypecheck: ignore[{}]", f.code)
            };
            add(
                catalog.format("lsp-fix-ignore-line", &[("code", f.code.to_string())]),
                lsp::TextEdit::new(lsp::Range::new(line_end, line_end), comment),
                diagnostic,
            );
        }
        actions
    }
}

fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s,
    }
}

fn invalid_params(id: RequestId, e: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}

fn diagnostics(uri: &lsp::Uri, version: Option<i32>, list: Vec<lsp::Diagnostic>) -> Notification {
    Notification::new(
        "textDocument/publishDiagnostics".into(),
        lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: list,
            version,
        },
    )
}

/// A problem with the whole file (a bad configuration, an unreadable text), shown on its first line.
fn whole_file_error(message: String) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::new(lsp::Position::new(0, 0), lsp::Position::new(0, 0)),
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some("hypecheck".into()),
        message,
        ..Default::default()
    }
}

/// The input format from the client's language id, else from the file name, else detected.
fn format_of(language_id: &str, uri: &lsp::Uri) -> Option<InputFormat> {
    match language_id {
        "markdown" => return Some(InputFormat::Markdown),
        "html" => return Some(InputFormat::Html),
        _ => {}
    }
    let path = uri.path().as_str().to_ascii_lowercase();
    if path.ends_with(".md") || path.ends_with(".markdown") {
        Some(InputFormat::Markdown)
    } else if path.ends_with(".html") || path.ends_with(".htm") {
        Some(InputFormat::Html)
    } else if language_id == "plaintext" || path.ends_with(".txt") {
        Some(InputFormat::Text)
    } else {
        None
    }
}

/// The local path of a `file:` URI (percent-decoded), for finding the configuration.
fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    if !uri.scheme().is_some_and(|s| s.as_str().eq_ignore_ascii_case("file")) {
        return None;
    }
    let raw = uri.path().as_str();
    let mut bytes = Vec::with_capacity(raw.len());
    let mut it = raw.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex: Vec<u8> = it.by_ref().take(2).collect();
            let value = std::str::from_utf8(&hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())?;
            bytes.push(value);
        } else {
            bytes.push(b);
        }
    }
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

fn contains(r: &lsp::Range, p: lsp::Position) -> bool {
    (r.start.line, r.start.character) <= (p.line, p.character) && (p.line, p.character) <= (r.end.line, r.end.character)
}

fn overlaps(a: &lsp::Range, b: &lsp::Range) -> bool {
    let key = |p: lsp::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

/// Line starts of a text, for turning byte offsets into the protocol's positions (0-based line,
/// UTF-16 code units) and back.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn position(&self, text: &str, offset: usize) -> lsp::Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character = text[self.starts[line]..offset].encode_utf16().count();
        lsp::Position::new(line as u32, character as u32)
    }

    /// The end of a line, before its line break.
    fn line_end(&self, text: &str, line: u32) -> lsp::Position {
        let start = self.starts.get(line as usize).copied().unwrap_or(text.len());
        let end = self.starts.get(line as usize + 1).map_or(text.len(), |&next| next - 1);
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        self.position(text, end)
    }

    /// A finding's range from its span's own 1-based lines and character columns.
    fn range_of_span(&self, text: &str, f: &FindingOut) -> lsp::Range {
        let at = |line: usize, column: usize| {
            let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
            let offset = text[start..]
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| start + i);
            self.position(text, offset)
        };
        lsp::Range::new(at(f.span.line, f.span.column), at(f.span.end_line, f.span.end_column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_code_units_and_lines_from_zero() {
        let text = "ab\n😀 cure\r\nend";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(text, 0), lsp::Position::new(0, 0));
        let cure = text.find("cure").unwrap();
        assert_eq!(
            lines.position(text, cure),
            lsp::Position::new(1, 3),
            "the emoji is two code units"
        );
        assert_eq!(lines.line_end(text, 1), lsp::Position::new(1, 7), "before \\r\\n");
        assert_eq!(lines.line_end(text, 2), lsp::Position::new(2, 3));
    }

    #[test]
    fn file_uris_become_paths_and_formats_follow_the_language_id() {
        let uri: lsp::Uri = "file:///tmp/a%20b/page.md".parse().unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/a b/page.md")));
        assert_eq!(format_of("", &uri), Some(InputFormat::Markdown));
        let untitled: lsp::Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&untitled), None);
        assert_eq!(format_of("html", &untitled), Some(InputFormat::Html));
    }
}
