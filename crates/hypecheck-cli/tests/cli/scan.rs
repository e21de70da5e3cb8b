//! `hypecheck scan` as a researcher runs it: every input yields a record or an error record, in a
//! stable order whatever the number of jobs, and a killed scan resumes without losing or doubling
//! a document.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn scan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .arg("scan")
        .args(args)
        .output()
        .unwrap()
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{uri}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

/// Common Crawl's layout: each record its own gzip member.
fn gzip_members(records: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(r.as_bytes()).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

const HYPE: &str = "Turmeric capsules reverse arthritis. This miracle supplement repairs your joints within weeks, \
                    guaranteed and completely safe.";

#[test]
fn a_folder_of_mixed_inputs_gives_one_record_per_document_in_a_stable_order() {
    let dir = scratch("scan-mixed");
    let input = dir.join("in");
    write(&input.join("a.txt"), HYPE.as_bytes());
    write(
        &input.join("b.html"),
        format!("<html><body><p>{HYPE}</p></body></html>").as_bytes(),
    );
    write(&input.join("binary.bin"), b"\x00\x01\x02PNG");
    write(
        &input.join("c.jsonl"),
        format!(
            "{{\"id\": \"r1\", \"url\": \"https://www.clinic.example/x\", \"text\": \"{HYPE}\"}}\nnot json\n\
             {{\"text\": \"A trial in 400 patients found fewer migraines; side effects included nausea.\"}}\n"
        )
        .as_bytes(),
    );
    let page = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{HYPE}</p>");
    write(
        &input.join("crawl.warc.gz"),
        &gzip_members(&[
            warc_record("request", "http://shop.example/", "GET / HTTP/1.1\r\n\r\n"),
            warc_record("response", "http://shop.example/", &page),
            warc_record("conversion", "http://news.example/a", HYPE),
        ]),
    );
    write(&input.join("empty.txt"), b"");
    write(&input.join("nested/d.md"), format!("# Joints\n\n{HYPE}\n").as_bytes());
    write(&input.join(".gitignore"), b"ignored.txt\n");
    write(&input.join("ignored.txt"), HYPE.as_bytes());
    write(&input.join(".hidden.txt"), HYPE.as_bytes());

    let one = dir.join("one.jsonl");
    let out = scan(&[input.to_str().unwrap(), "-o", one.to_str().unwrap(), "--jobs", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = records(&one);
    let sources: Vec<String> = got
        .iter()
        .map(|r| {
            let s = r["source"].as_str().unwrap();
            s.strip_prefix(input.to_str().unwrap()).unwrap_or(s).to_string()
        })
        .collect();
    assert_eq!(
        sources,
        [
            "/a.txt",
            "/b.html",
            "/binary.bin",
            "/c.jsonl:1",
            "/c.jsonl:2",
            "/c.jsonl:3",
            "/crawl.warc.gz#2",
            "/crawl.warc.gz#3",
            "/empty.txt",
            "/nested/d.md"
        ],
        "ignored and hidden files are not read; the request record is no document"
    );
    let seqs: Vec<u64> = got.iter().map(|r| r["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs, (0..10).collect::<Vec<_>>());
    let kind = |i: usize| got[i]["error_kind"].as_str().unwrap_or("").to_string();
    assert_eq!(
        (kind(2), kind(4), kind(8)),
        ("binary".into(), "jsonl_line".into(), "empty".into())
    );
    assert_eq!(got[3]["id"], "r1");
    assert_eq!(got[3]["domain"], "clinic.example");
    assert_eq!(got[6]["url"], "http://shop.example/");
    assert_eq!(got[6]["format"], "html");
    // The same promotional text fails the language question from every container.
    for i in [0, 1, 3, 6, 7, 9] {
        assert_eq!(got[i]["status"], "ok", "{}", got[i]);
        assert_eq!(got[i]["language"], "fail", "{}", got[i]);
        assert!(!got[i]["findings"].as_object().unwrap().is_empty());
    }
    assert_eq!(got[5]["status"], "ok");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("documents: 10 (analysed: 7, errors: 3)"), "{summary}");
    assert!(summary.contains("binary 1, empty 1, jsonl_line 1"), "{summary}");
    assert!(summary.contains("not documents (not analysed): request 1"), "{summary}");

    // Two jobs: the same records, byte for byte.
    let two = dir.join("two.jsonl");
    assert!(scan(&[
        input.to_str().unwrap(),
        "-o",
        two.to_str().unwrap(),
        "--jobs",
        "2",
        "-q"
    ])
    .status
    .success());
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());

    // An existing results file is not replaced by accident.
    let again = scan(&[input.to_str().unwrap(), "-o", two.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--resume"));

    // The tables of the finished scan, by site.
    let tables = scan(&["--summary", one.to_str().unwrap(), "--by", "domain"]);
    let tables = String::from_utf8_lossy(&tables.stdout);
    assert!(tables.contains("documents: 10 (analysed: 7, errors: 3)"), "{tables}");
    for site in ["clinic.example", "shop.example", "news.example", "(no URL)"] {
        assert!(tables.lines().any(|l| l.starts_with(site)), "{site} in {tables}");
    }
}

#[test]
fn a_scan_killed_midway_resumes_without_losing_or_doubling_a_document() {
    let dir = scratch("scan-resume");
    let corpus = dir.join("corpus.jsonl");
    let mut lines = String::new();
    for i in 0..3000 {
        let text = if i % 3 == 0 {
            format!("Clinic {i}: {HYPE}")
        } else {
            format!("Study {i}: a randomised trial in {i} adults found a small benefit; nausea was a side effect.")
        };
        lines.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    write(&corpus, lines.as_bytes());
    let whole = dir.join("whole.jsonl");
    assert!(scan(&[corpus.to_str().unwrap(), "-o", whole.to_str().unwrap(), "-q"])
        .status
        .success());

    let killed = dir.join("killed.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args([
            "scan",
            corpus.to_str().unwrap(),
            "-o",
            killed.to_str().unwrap(),
            "--jobs",
            "1",
            "-q",
        ])
        .spawn()
        .unwrap();
    // Killed (SIGKILL: no chance to clean up) as soon as the first records are on disk.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while std::fs::metadata(&killed).map_or(0, |m| m.len()) == 0 {
        assert!(std::time::Instant::now() < deadline, "no record written");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // The kill may have cut the last record short: only complete lines count.
    let partial = std::fs::read_to_string(&killed).unwrap().matches('\n').count();
    assert!(partial < 3000, "the scan was killed mid-way ({partial} records)");
    // As a power loss would leave it: a record cut short at the end.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&killed)
        .unwrap()
        .write_all(b"{\"seq\": 12345, \"id\": \"doc-")
        .unwrap();

    let resumed = scan(&[corpus.to_str().unwrap(), "-o", killed.to_str().unwrap(), "--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(resumed.status.success(), "{stderr}");
    assert!(stderr.contains(&format!("resumed after {partial} records")), "{stderr}");
    assert!(
        stderr.contains("documents: 3000 "),
        "the summary covers the whole scan: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&killed).unwrap(),
        std::fs::read_to_string(&whole).unwrap(),
        "every document once, in order"
    );

    // Resuming with other inputs is refused rather than mixed in.
    let other = dir.join("other.jsonl");
    write(&other, lines.replace("doc-", "other-").as_bytes());
    let partial_copy = dir.join("partial.jsonl");
    let head: String = std::fs::read_to_string(&whole)
        .unwrap()
        .lines()
        .take(10)
        .map(|l| format!("{l}\n"))
        .collect();
    write(&partial_copy, head.as_bytes());
    let refused = scan(&[
        other.to_str().unwrap(),
        "-o",
        partial_copy.to_str().unwrap(),
        "--resume",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("same inputs"));
}
