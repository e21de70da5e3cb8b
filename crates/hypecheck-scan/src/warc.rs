//! WARC and WET files as Common Crawl publishes them (ISO 28500, WARC/1.0 and 1.1): a `response`
//! record's HTTP payload (HTML or text) and a `conversion` record's extracted text are documents;
//! requests, metadata, warcinfo and revisits are not, and are counted. Records are read one at a
//! time, so a file of any size is read in bounded memory.

use std::io::{BufRead, Read};

use hypecheck_core::InputFormat;

use crate::sources::{read_capped, read_line_capped, too_large, Capped, Content, Event, Item, Unreadable};

/// The longest header line read (longer ones are cut: no header needs more).
const MAX_HEADER_LINE: usize = 16 * 1024;
/// The most header lines one record may have.
const MAX_HEADERS: usize = 512;

/// A record's WARC headers (names lowercased).
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Reads the records of a WARC stream (already decompressed) in order.
pub fn read(mut reader: Box<dyn BufRead + '_>, name: &str, max_bytes: usize, emit: &mut dyn FnMut(Event) -> bool) {
    let mut line = Vec::new();
    // HTTP headers come with the payload: room for them above the document limit.
    let max_record = max_bytes.saturating_add(256 * 1024);
    for number in 1u64.. {
        let source = format!("{name}#{number}");
        let failed = |message: String| {
            Event::Item(Item {
                id: source.clone(),
                source: source.clone(),
                url: None,
                content: Err(Unreadable::new("warc", message)),
            })
        };
        // The version line, after the blank lines that end the previous record; anything else
        // before it is skipped up to the next version line, and reported once.
        let mut skipped = 0u64;
        let found = loop {
            match read_line_capped(&mut reader, &mut line, MAX_HEADER_LINE) {
                Ok(None) => break Ok(false),
                Ok(Some(_)) if line.starts_with(b"WARC/") => break Ok(true),
                Ok(Some(_)) if line.is_empty() => {}
                Ok(Some(_)) => skipped += 1,
                Err(e) => break Err(e),
            }
        };
        if skipped > 0 {
            let message =
                format!("{skipped} lines that are not a WARC record before record {number}; skipped to the next");
            if !emit(failed(message)) {
                return;
            }
        }
        match found {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => {
                emit(failed(format!("cannot read record {number}: {e}")));
                return;
            }
        }
        let headers = match read_headers(&mut reader, &mut line) {
            Ok(h) => h,
            Err(message) => {
                emit(failed(format!("record {number}: {message}")));
                return;
            }
        };
        let Some(length) = headers.get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            emit(failed(format!(
                "record {number} has no valid Content-Length; the rest of the file cannot be read"
            )));
            return;
        };
        let record_type = headers.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let mut block = (&mut reader).take(length);
        let is_document = matches!(record_type.as_str(), "response" | "conversion" | "resource");
        if !is_document {
            if let Err(e) = std::io::copy(&mut block, &mut std::io::sink()) {
                emit(failed(format!("cannot read record {number}: {e}")));
                return;
            }
            if !emit(Event::NotADocument { record_type }) {
                return;
            }
            continue;
        }
        let body = match read_capped(&mut block, max_record) {
            Ok(Capped::Whole(body)) if (body.len() as u64) < length => {
                emit(failed(format!(
                    "record {number} is cut short: {} of its {length} bytes",
                    body.len()
                )));
                return;
            }
            Ok(Capped::Whole(body)) => Ok(body),
            Ok(Capped::TooLarge(size)) => Err(too_large(size, max_bytes)),
            Err(e) => {
                emit(failed(format!("cannot read record {number}: {e}")));
                return;
            }
        };
        let content = body.and_then(|body| match record_type.as_str() {
            "response" => http_payload(&body, max_bytes),
            _ => typed_content(body, headers.get("content-type")),
        });
        let item = Item {
            id: headers
                .get("warc-record-id")
                .map_or_else(|| source.clone(), str::to_string),
            source: source.clone(),
            url: headers.get("warc-target-uri").map(str::to_string),
            content,
        };
        if !emit(Event::Item(item)) {
            return;
        }
    }
}

fn read_headers(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> Result<Headers, String> {
    let mut headers = Vec::new();
    loop {
        match read_line_capped(reader, line, MAX_HEADER_LINE) {
            Ok(None) => return Err("the file ends inside the record's headers".into()),
            Ok(Some(_)) if line.is_empty() => return Ok(Headers(headers)),
            Ok(Some(_)) => {}
            Err(e) => return Err(e.to_string()),
        }
        if headers.len() >= MAX_HEADERS {
            return Err(format!("more than {MAX_HEADERS} header lines"));
        }
        let text = String::from_utf8_lossy(line);
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
}

/// A content type's format: HTML, text, Markdown; `Err` for what is not text.
fn format_for(content_type: Option<&str>) -> Result<Option<InputFormat>, Unreadable> {
    let Some(content_type) = content_type else {
        return Ok(None);
    };
    let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match media.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(Some(InputFormat::Html)),
        "text/plain" => Ok(Some(InputFormat::Text)),
        "text/markdown" | "text/x-markdown" => Ok(Some(InputFormat::Markdown)),
        "" => Ok(None),
        other => Err(Unreadable::new(
            "not_text",
            format!("not a text page (content type {other})"),
        )),
    }
}

/// The charset a content type declares, when it is not UTF-8 (or its subset ASCII).
fn declared_charset(content_type: Option<&str>) -> Option<&'static encoding_rs::Encoding> {
    let label = content_type?
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))?
        .1
        .trim()
        .trim_matches('"');
    encoding_rs::Encoding::for_label(label.as_bytes()).filter(|e| *e != encoding_rs::UTF_8)
}

/// Bytes of a declared charset as UTF-8 (a page in windows-1252 is read, not refused).
fn to_utf8(bytes: Vec<u8>, content_type: Option<&str>) -> Vec<u8> {
    match declared_charset(content_type) {
        Some(encoding) if !bytes.is_ascii() => encoding.decode_without_bom_handling(&bytes).0.into_owned().into_bytes(),
        _ => bytes,
    }
}

fn typed_content(body: Vec<u8>, content_type: Option<&str>) -> Result<Content, Unreadable> {
    let format = format_for(content_type)?;
    Ok(Content {
        bytes: to_utf8(body, content_type),
        format,
    })
}

/// The payload of an HTTP response record: status line and headers parsed, body de-chunked and
/// gunzipped where the headers say so.
fn http_payload(record: &[u8], max_bytes: usize) -> Result<Content, Unreadable> {
    let (head, body) = match find(record, b"\r\n\r\n") {
        Some(i) => (&record[..i], &record[i + 4..]),
        None => match find(record, b"\n\n") {
            Some(i) => (&record[..i], &record[i + 2..]),
            None => return Err(Unreadable::new("http", "the HTTP response has no end of headers")),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok());
    match status {
        Some(200..=299) => {}
        Some(code) => {
            return Err(Unreadable::new(
                "http_status",
                format!("HTTP status {code}: not a page's content"),
            ))
        }
        None => {
            return Err(Unreadable::new(
                "http",
                format!(
                    "not an HTTP status line: {:?}",
                    status_line.chars().take(80).collect::<String>()
                ),
            ))
        }
    }
    let header = |name: &str| {
        lines.clone().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    };
    let content_type = header("content-type");
    let format = format_for(content_type.as_deref())?;
    let mut body = body.to_vec();
    if header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or_else(|| Unreadable::new("http", "the chunked body is malformed"))?;
    }
    match header("content-encoding").map(|v| v.to_ascii_lowercase()) {
        None => {}
        Some(e) if e == "identity" => {}
        Some(e) if (e == "gzip" || e == "x-gzip") && body.starts_with(&[0x1f, 0x8b]) => {
            body = match read_capped(flate2::read::MultiGzDecoder::new(body.as_slice()), max_bytes) {
                Ok(Capped::Whole(b)) => b,
                Ok(Capped::TooLarge(size)) => return Err(too_large(size, max_bytes)),
                Err(e) => return Err(Unreadable::new("http", format!("the gzip body cannot be read: {e}"))),
            }
        }
        // Common Crawl stores bodies decoded and keeps the original header; a body that is not
        // gzip despite the header is taken as it is.
        Some(e) if e == "gzip" || e == "x-gzip" => {}
        Some(other) => {
            return Err(Unreadable::new(
                "http",
                format!("content encoding {other} is not supported"),
            ))
        }
    }
    if body.len() > max_bytes {
        return Err(too_large(body.len() as u64, max_bytes));
    }
    Ok(Content {
        bytes: to_utf8(body, content_type.as_deref()),
        format,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A body in HTTP/1.1 chunked transfer coding, joined.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn events(input: &[u8]) -> (Vec<Item>, Vec<String>) {
        let (mut items, mut others) = (Vec::new(), Vec::new());
        read(Box::new(input), "t.warc", 1 << 20, &mut |e| {
            match e {
                Event::Item(i) => items.push(i),
                Event::NotADocument { record_type } => others.push(record_type),
            }
            true
        });
        (items, others)
    }

    #[test]
    fn html_responses_and_text_conversions_are_documents_and_requests_are_counted() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Exosomes cure.</p>";
        let input = [
            record("warcinfo", "info", "application/warc-fields", "software: x"),
            record(
                "request",
                "http://a.example/",
                "application/http; msgtype=request",
                "GET / HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "http://a.example/",
                "application/http; msgtype=response",
                page,
            ),
            record(
                "conversion",
                "http://b.example/",
                "text/plain",
                "Stem cells regrow cartilage.",
            ),
        ]
        .concat();
        let (items, others) = events(input.as_bytes());
        assert_eq!(others, ["warcinfo", "request"]);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].url.as_deref(), Some("http://a.example/"));
        let html = items[0].content.as_ref().ok().unwrap();
        assert_eq!(
            (html.bytes.as_slice(), html.format),
            (&b"<p>Exosomes cure.</p>"[..], Some(InputFormat::Html))
        );
        assert_eq!(
            items[1].content.as_ref().ok().unwrap().bytes,
            b"Stem cells regrow cartilage."
        );
        assert_eq!(items[1].source, "t.warc#4");
    }

    #[test]
    fn an_image_a_redirect_and_a_truncated_record_are_error_items() {
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{1}PNG";
        let moved = "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        let mut input = [
            record("response", "http://a/", "application/http", image),
            record("response", "http://b/", "application/http", moved),
        ]
        .concat();
        input.push_str("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 500\r\n\r\nshort");
        let (items, _) = events(input.as_bytes());
        let kinds: Vec<&str> = items.iter().map(|i| i.content.as_ref().err().unwrap().kind).collect();
        assert_eq!(kinds, ["not_text", "http_status", "warc"]);
        assert!(items[2].content.as_ref().err().unwrap().message.contains("cut short"));
    }

    #[test]
    fn a_declared_latin_charset_and_a_chunked_body_are_read() {
        let body = b"4\r\ncaf\xe9\r\n0\r\n\r\n";
        let mut page =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=windows-1252\r\nTransfer-Encoding: chunked\r\n\r\n"
                .to_vec();
        page.extend_from_slice(body);
        let content = http_payload(&page, 1000).ok().unwrap();
        assert_eq!(String::from_utf8(content.bytes).unwrap(), "café");
    }

    #[test]
    fn garbage_between_records_is_reported_once_and_reading_goes_on() {
        let input = format!(
            "junk line\r\nmore junk\r\n{}",
            record("conversion", "http://c/", "text/plain", "Text.")
        );
        let (items, _) = events(input.as_bytes());
        assert_eq!(items.len(), 2);
        assert!(items[0].content.as_ref().err().unwrap().message.contains("2 lines"));
        assert!(items[1].content.is_ok());
    }
}
