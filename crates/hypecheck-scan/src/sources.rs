//! What `hypecheck scan` reads: the inputs named on the command line become an ordered list of
//! sources (files, directories walked in name order, JSONL, WARC/WET, standard input), and each
//! source is read into items, one per document, in a stable order. An item that cannot be read
//! still is an item, carrying the reason, so that it becomes an error record.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use anyhow::{Context as _, Result};
use hypecheck_core::InputFormat;

use crate::warc;

/// One document to analyse, or the reason it could not be read.
pub struct Item {
    /// The document's own id where its container gives one (a JSONL id field, a WARC record id),
    /// else where it came from.
    pub id: String,
    /// Where it came from: a path, `path:line` for JSONL, `path@offset` for WARC.
    pub source: String,
    pub url: Option<String>,
    pub content: Result<Content, Unreadable>,
}

pub struct Content {
    pub bytes: Vec<u8>,
    pub format: Option<InputFormat>,
}

/// Why a document could not be read.
pub struct Unreadable {
    /// Stable, for counting and filtering: `io`, `too_large`, `jsonl_line`, `warc`, ...
    pub kind: &'static str,
    pub message: String,
}

impl Unreadable {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Unreadable {
        Unreadable {
            kind,
            message: message.into(),
        }
    }
}

/// What a source hands on as it reads.
pub enum Event {
    Item(Item),
    /// A WARC record that is not a document (request, metadata, warcinfo, revisit): counted in
    /// the summary, not analysed.
    NotADocument {
        record_type: String,
    },
}

/// How to read a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One document per file.
    File(PathBuf),
    /// One document per line: a JSON object with a text field.
    Jsonl(PathBuf),
    /// Common Crawl's archives: HTML responses (WARC) or extracted text (WET), gzip or not.
    Warc(PathBuf),
    /// Standard input: WARC, JSONL or one document, told apart by their first bytes.
    Stdin,
}

/// Field names of JSONL input.
#[derive(Debug, Clone)]
pub struct JsonlFields {
    pub text: String,
    pub id: String,
    pub url: String,
}

/// The sources of the inputs, in order: a directory contributes its files (ignore files such as
/// `.gitignore` respected, hidden files skipped, names sorted), filtered by `globs` when given.
pub fn list(inputs: &[String], globs: &[String]) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).with_context(|| format!("cannot read {input}"))?;
        if !meta.is_dir() {
            sources.push(classify(path.to_path_buf()));
            continue;
        }
        let mut overrides = ignore::overrides::OverrideBuilder::new(path);
        for glob in globs {
            overrides.add(glob).with_context(|| format!("--glob {glob:?}"))?;
        }
        let walker = ignore::WalkBuilder::new(path)
            .overrides(overrides.build()?)
            // Ignore files count outside a git repository too, as ripgrep's --no-require-git.
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let entry = entry.with_context(|| format!("cannot walk {input}"))?;
            if entry.file_type().is_some_and(|t| t.is_file()) {
                sources.push(classify(entry.into_path()));
            }
        }
    }
    Ok(sources)
}

/// A file's kind by its name.
fn classify(path: PathBuf) -> Source {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Source::Jsonl(path)
    } else if name.ends_with(".warc") || name.ends_with(".wet") {
        Source::Warc(path)
    } else {
        Source::File(path)
    }
}

/// The size on disk of the file sources (for progress; standard input counts nothing).
pub fn total_bytes(sources: &[Source]) -> u64 {
    sources
        .iter()
        .filter_map(|s| match s {
            Source::File(p) | Source::Jsonl(p) | Source::Warc(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum()
}

/// A reader that counts what it reads into a shared total (progress in bytes of the inputs as
/// stored, compressed or not).
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A buffered reader of `raw`, decompressed when it starts with gzip's magic bytes.
fn maybe_gunzip<'a>(raw: impl Read + 'a) -> std::io::Result<Box<dyn BufRead + 'a>> {
    let mut raw = BufReader::with_capacity(256 * 1024, raw);
    Ok(if raw.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        // Common Crawl's files are one gzip member per record, concatenated.
        Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::bufread::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    })
}

/// The format of a file by its extension; `None` lets the checker detect it.
fn format_of(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "md" | "markdown" => Some(InputFormat::Markdown),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

/// Reads `source` and hands each event to `emit` in order; `emit` returning false stops early.
/// A source that cannot be opened yields one error item.
pub fn read(
    source: &Source,
    fields: &JsonlFields,
    max_bytes: usize,
    progress: &Arc<AtomicU64>,
    emit: &mut dyn FnMut(Event) -> bool,
) {
    let open = |path: &Path| -> std::io::Result<Counted<std::fs::File>> {
        Ok(Counted {
            inner: std::fs::File::open(path)?,
            read: progress.clone(),
        })
    };
    let name = |path: &Path| path.display().to_string();
    let open_error = |path: &Path, e: std::io::Error| Item {
        id: name(path),
        source: name(path),
        url: None,
        content: Err(Unreadable::new("io", format!("cannot read {}: {e}", path.display()))),
    };
    match source {
        Source::File(path) => {
            let item = match open(path).and_then(|f| read_capped(f, max_bytes)) {
                Ok(Capped::Whole(bytes)) => Item {
                    id: name(path),
                    source: name(path),
                    url: None,
                    content: Ok(Content {
                        bytes,
                        format: format_of(path),
                    }),
                },
                Ok(Capped::TooLarge(size)) => Item {
                    id: name(path),
                    source: name(path),
                    url: None,
                    content: Err(too_large(size, max_bytes)),
                },
                Err(e) => open_error(path, e),
            };
            emit(Event::Item(item));
        }
        Source::Jsonl(path) => match open(path).and_then(maybe_gunzip) {
            Ok(reader) => read_jsonl(reader, &name(path), fields, max_bytes, emit),
            Err(e) => {
                emit(Event::Item(open_error(path, e)));
            }
        },
        Source::Warc(path) => match open(path).and_then(maybe_gunzip) {
            Ok(reader) => warc::read(reader, &name(path), max_bytes, emit),
            Err(e) => {
                emit(Event::Item(open_error(path, e)));
            }
        },
        Source::Stdin => {
            let stdin = Counted {
                inner: std::io::stdin().lock(),
                read: progress.clone(),
            };
            let sniffed = maybe_gunzip(stdin).and_then(|mut reader| {
                let head = reader.fill_buf()?;
                let first = head.iter().find(|b| !b.is_ascii_whitespace()).copied();
                let is_warc = head.starts_with(b"WARC/");
                Ok((reader, is_warc, first == Some(b'{')))
            });
            match sniffed {
                Ok((reader, true, _)) => warc::read(reader, "-", max_bytes, emit),
                Ok((reader, false, true)) => read_jsonl(reader, "-", fields, max_bytes, emit),
                Ok((reader, false, false)) => {
                    let content = match read_capped(reader, max_bytes) {
                        Ok(Capped::Whole(bytes)) => Ok(Content { bytes, format: None }),
                        Ok(Capped::TooLarge(size)) => Err(too_large(size, max_bytes)),
                        Err(e) => Err(Unreadable::new("io", format!("cannot read standard input: {e}"))),
                    };
                    emit(Event::Item(Item {
                        id: "-".into(),
                        source: "-".into(),
                        url: None,
                        content,
                    }));
                }
                Err(e) => {
                    emit(Event::Item(Item {
                        id: "-".into(),
                        source: "-".into(),
                        url: None,
                        content: Err(Unreadable::new("io", format!("cannot read standard input: {e}"))),
                    }));
                }
            }
        }
    }
}

pub fn too_large(size: u64, max: usize) -> Unreadable {
    Unreadable::new(
        "too_large",
        format!("the document has {size} bytes, more than the limit of {max} bytes (raise it with --max-bytes)"),
    )
}

pub enum Capped {
    Whole(Vec<u8>),
    /// Larger than the limit: how many bytes it has (read through, not kept).
    TooLarge(u64),
}

/// Reads all of `reader`, keeping at most `max` bytes in memory.
pub fn read_capped(mut reader: impl Read, max: usize) -> std::io::Result<Capped> {
    let mut bytes = Vec::new();
    (&mut reader).take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() <= max {
        return Ok(Capped::Whole(bytes));
    }
    let rest = std::io::copy(&mut reader, &mut std::io::sink())?;
    Ok(Capped::TooLarge(bytes.len() as u64 + rest))
}

/// Reads one line (without its line break) into `line`, keeping at most `max` bytes; `None` at
/// the end of the input, else the line's full length.
pub fn read_line_capped(reader: &mut dyn BufRead, line: &mut Vec<u8>, max: usize) -> std::io::Result<Option<u64>> {
    line.clear();
    let mut length = 0u64;
    let mut any = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr_newline(buf) {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = (max + 1).saturating_sub(line.len()).min(chunk.len());
        line.extend_from_slice(&chunk[..room]);
        length += chunk.len() as u64;
        let used = done.unwrap_or(buf.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if line.last() == Some(&b'\r') {
        line.pop();
        length -= 1;
    }
    Ok(any.then_some(length))
}

fn memchr_newline(buf: &[u8]) -> Option<usize> {
    buf.iter().position(|&b| b == b'\n')
}

/// One item per non-blank line of a JSONL stream.
fn read_jsonl(
    mut reader: Box<dyn BufRead + '_>,
    name: &str,
    fields: &JsonlFields,
    max_bytes: usize,
    emit: &mut dyn FnMut(Event) -> bool,
) {
    // A line holds its text escaped, which may be longer than the text: room for that.
    let max_line = max_bytes.saturating_mul(2).saturating_add(64 * 1024);
    let mut line = Vec::new();
    for number in 1u64.. {
        let source = format!("{name}:{number}");
        let item = match read_line_capped(&mut reader, &mut line, max_line) {
            Ok(None) => return,
            Ok(Some(_)) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Some(length)) if length > max_line as u64 => Item {
                id: source.clone(),
                source,
                url: None,
                content: Err(too_large(length, max_bytes)),
            },
            Ok(Some(_)) => jsonl_item(&line, source, fields, max_bytes),
            Err(e) => {
                // A read error (a truncated gzip stream) ends the file: say where.
                emit(Event::Item(Item {
                    id: source.clone(),
                    source,
                    url: None,
                    content: Err(Unreadable::new(
                        "io",
                        format!("cannot read {name} from line {number} on: {e}"),
                    )),
                }));
                return;
            }
        };
        if !emit(Event::Item(item)) {
            return;
        }
    }
}

fn jsonl_item(line: &[u8], source: String, fields: &JsonlFields, max_bytes: usize) -> Item {
    let bad = |source: String, message: String| Item {
        id: source.clone(),
        source,
        url: None,
        content: Err(Unreadable::new("jsonl_line", message)),
    };
    let value: serde_json::Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return bad(source, format!("the line is not JSON: {e}")),
    };
    let Some(object) = value.as_object() else {
        return bad(source, "the line is JSON but not an object".into());
    };
    let scalar = |key: &str| -> Option<String> {
        match object.get(key)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let id = scalar(&fields.id).unwrap_or_else(|| source.clone());
    let url = scalar(&fields.url);
    let content = match object.get(&fields.text) {
        Some(serde_json::Value::String(text)) if text.len() > max_bytes => Err(too_large(text.len() as u64, max_bytes)),
        Some(serde_json::Value::String(text)) => Ok(Content {
            bytes: text.clone().into_bytes(),
            format: None,
        }),
        Some(_) => Err(Unreadable::new(
            "jsonl_line",
            format!("the field {:?} is not a string", fields.text),
        )),
        None => Err(Unreadable::new(
            "jsonl_line",
            format!(
                "the line has no field {:?} (name the text field with --text-field)",
                fields.text
            ),
        )),
    };
    Item {
        id,
        source,
        url,
        content,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> JsonlFields {
        JsonlFields {
            text: "text".into(),
            id: "id".into(),
            url: "url".into(),
        }
    }

    fn items(input: &str) -> Vec<Item> {
        let mut out = Vec::new();
        read_jsonl(Box::new(input.as_bytes()), "x.jsonl", &fields(), 100, &mut |e| {
            if let Event::Item(i) = e {
                out.push(i);
            }
            true
        });
        out
    }

    #[test]
    fn every_jsonl_line_is_a_document_or_an_error_with_its_line() {
        let got =
            items("{\"id\": 7, \"text\": \"Stem cells cure.\"}\n\nnot json\n{\"body\": \"x\"}\r\n{\"text\": 3}\n");
        assert_eq!(got.len(), 4, "the blank line is no document");
        assert_eq!(got[0].id, "7");
        assert_eq!(got[0].content.as_ref().ok().unwrap().bytes, b"Stem cells cure.");
        assert_eq!(got[1].source, "x.jsonl:3");
        assert!(got[1].content.as_ref().err().unwrap().message.contains("not JSON"));
        assert!(got[2].content.as_ref().err().unwrap().message.contains("--text-field"));
        assert!(got[3].content.as_ref().err().unwrap().message.contains("not a string"));
    }

    #[test]
    fn a_line_longer_than_the_limit_is_an_error_and_the_next_line_is_read() {
        let long = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n", "a".repeat(70_000));
        let got = items(&long);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].content.as_ref().err().unwrap().kind, "too_large");
        assert!(got[1].content.is_ok());
    }

    #[test]
    fn files_are_told_apart_by_name() {
        assert_eq!(
            classify("a/CC-MAIN-1.warc.gz".into()),
            Source::Warc("a/CC-MAIN-1.warc.gz".into())
        );
        assert_eq!(classify("b.wet".into()), Source::Warc("b.wet".into()));
        assert_eq!(classify("c.jsonl.gz".into()), Source::Jsonl("c.jsonl.gz".into()));
        assert_eq!(classify("d.html".into()), Source::File("d.html".into()));
    }
}
