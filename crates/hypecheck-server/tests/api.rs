//! The HTTP API over a real socket on loopback: answers, limits, errors, headers, escaping.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{read_root, send, TestServer};
use hypecheck_server::Config;
use serde_json::json;

const HOSTILE: &str = "<script>alert('x')</script> \"><img src=x onerror=alert(1)> Our miracle exosome cure is \
     FDA-approved with no side effects. </textarea><svg onload=alert(2)> &lt;b&gt; ${7*7} {{7*7}}";

fn checker_report(text: &str) -> serde_json::Value {
    let checker = hypecheck_core::Checker::new(hypecheck_kb::embedded()).unwrap();
    serde_json::to_value(checker.check_text(text, &Default::default()).unwrap()).unwrap()
}

#[test]
fn healthz_answers_with_security_headers() {
    let s = TestServer::start();
    let r = s.get("/healthz");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "ok");
    let csp = r.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("x-frame-options"), Some("DENY"));
}

#[test]
fn check_returns_the_same_report_as_the_checker() {
    let s = TestServer::start();
    for path in [
        "examples/exosomes-article.txt",
        "tests/fixtures/clinic-exosome-facial.html",
    ] {
        let text = read_root(path);
        let r = s.post_json("/api/v1/check", &json!({ "text": text }));
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.json(), checker_report(&text), "{path}");
    }
    let facial = s.post_json(
        "/api/v1/check",
        &json!({ "text": read_root("tests/fixtures/clinic-exosome-facial.html") }),
    );
    let v = facial.json();
    assert_eq!(v["input"]["format"], "html");
    assert_eq!(v["questions"]["approval"]["verdict"], "fail");
    assert_eq!(v["grade"]["letter"], "F");
}

#[test]
fn check_accepts_format_view_and_language() {
    let s = TestServer::start();
    let html = read_root("tests/fixtures/clinic-exosome-facial.html");
    let r = s.post_json(
        "/api/v1/check",
        &json!({ "text": html, "input_format": "text", "view": "expert", "lang": "de" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["input"]["format"], "text");
    assert_eq!(v["input"]["span_basis"], "input");
    // `lang` is the report's language: German messages from the German catalog.
    assert_eq!(v["report_language"], "de");
    let en = s.post_json(
        "/api/v1/check",
        &json!({ "text": html, "input_format": "text", "lang": "en" }),
    );
    assert_eq!(en.json()["report_language"], "en");
    assert_ne!(
        en.json()["questions"]["evidence"]["title"],
        v["questions"]["evidence"]["title"]
    );
    // The view changes the page, never the report.
    let beginner = s.post_json(
        "/api/v1/check",
        &json!({ "text": html, "input_format": "text", "lang": "de" }),
    );
    assert_eq!(beginner.json(), v);
    let null_format = s.post_json("/api/v1/check", &json!({ "text": html, "input_format": null }));
    assert_eq!(null_format.json()["input"]["format"], "html");
}

#[test]
fn extract_returns_the_text_the_spans_point_into() {
    let s = TestServer::start();
    let html = read_root("tests/fixtures/clinic-exosome-facial.html");
    let report = s.post_json("/api/v1/check", &json!({ "text": html })).json();
    let x = s.post_json("/api/v1/extract", &json!({ "text": html }));
    assert_eq!(x.status, 200, "{}", x.text());
    let x = x.json();
    assert_eq!(x["format"], "html");
    assert_eq!(x["span_basis"], "extracted_text");
    let text = x["text"].as_str().unwrap();
    assert_eq!(x["text_bytes"], text.len());
    assert!(!text.contains('<'), "markup left in the extracted text");
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let (a, b) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        let excerpt = f["excerpt"].as_str().unwrap();
        if !excerpt.ends_with('…') {
            assert_eq!(&text[a..b], excerpt, "{f}");
        }
    }
}

#[test]
fn hostile_text_comes_back_only_as_json_strings() {
    let s = TestServer::start();
    let r = s.post_json("/api/v1/check", &json!({ "text": HOSTILE, "input_format": "text" }));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let v = r.json(); // valid JSON: the markup is inside strings
    assert!(!v["findings"].as_array().unwrap().is_empty());
    for f in v["findings"].as_array().unwrap() {
        let (a, b) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(f["excerpt"].as_str().unwrap(), &HOSTILE[a..b]);
    }
    let x = s.post_json("/api/v1/extract", &json!({ "text": HOSTILE, "input_format": "text" }));
    assert_eq!(x.header("content-type"), Some("application/json"));
    assert_eq!(x.json()["text"], HOSTILE);
    // As HTML the hostile markup is parsed away: scripts never reach the analysed text.
    let x = s.post_json("/api/v1/extract", &json!({ "text": HOSTILE, "input_format": "html" }));
    let text = x.json()["text"].as_str().unwrap().to_string();
    assert!(!text.contains("alert('x')"), "{text}");
}

#[test]
fn the_page_builds_no_markup_from_data() {
    let s = TestServer::start();
    let page = s.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    let html = page.text();
    // No inline script or style: every script has a src, no style element or attribute, no handlers.
    for (i, _) in html.match_indices("<script") {
        let tag = &html[i..i + html[i..].find('>').unwrap()];
        assert!(tag.contains("src=\"/assets/"), "inline script: {tag}");
        assert!(
            html[i..].starts_with(&format!("{tag}></script>")),
            "script with a body: {tag}"
        );
    }
    assert!(!html.contains("<style"), "style element in the page");
    assert!(!html.contains(" style="), "style attribute in the page");
    assert!(!html.contains(" on"), "inline event handler attribute in the page");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "external resource in the page"
    );

    let js = s.get("/assets/app.js");
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-type"), Some("text/javascript; charset=utf-8"));
    let js = js.text();
    for banned in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "createContextualFragment",
        "DOMParser",
        "setAttribute(\"style",
        "setAttribute(\"on",
        "srcdoc",
    ] {
        assert!(!js.contains(banned), "app.js uses {banned}");
    }
    assert!(js.contains("textContent"));
    // Attributes are set from a fixed allow-list; links only for http(s).
    assert!(js.contains("function safeUrl"));
    let css = s.get("/assets/app.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.text().contains("url(http"), "external resource in the CSS");
    assert_eq!(
        s.get("/assets/favicon.svg").header("content-type"),
        Some("image/svg+xml")
    );
    s.get("/assets/nope.js").assert_error(404, "not_found");
    s.get("/assets/..%2F..%2FCargo.toml").assert_error(404, "not_found");
}

#[test]
fn ui_catalogs_have_the_same_keys_and_cover_the_page() {
    let s = TestServer::start();
    let en = s.get("/assets/messages.en.json").json();
    let de = s.get("/assets/messages.de.json").json();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&en),
        keys(&de),
        "messages.en.json and messages.de.json differ in keys"
    );
    for (k, v) in en.as_object().unwrap().iter().chain(de.as_object().unwrap()) {
        match v.as_object() {
            // Plural forms, chosen by Intl.PluralRules: English and German need "one" and "other",
            // and each form says the count, except a "one" that spells it out.
            Some(forms) => {
                for form in ["one", "other"] {
                    let text = forms.get(form).and_then(|f| f.as_str()).unwrap_or("");
                    assert!(!text.trim().is_empty(), "{k} has no plural form {form}");
                    if form == "other" {
                        assert!(text.contains("{n}"), "{k}.other does not say the count: {text}");
                    }
                }
            }
            None => assert!(!v.as_str().unwrap().trim().is_empty(), "empty string for {k}"),
        }
    }
    // Every key the page and the script name, including the ones built from report values.
    let html = s.get("/").text();
    let js = s.get("/assets/app.js").text();
    let mut used: Vec<String> = Vec::new();
    for (src, pat) in [(&html, "data-i18n=\""), (&js, "t(\"")] {
        for (i, _) in src.match_indices(pat) {
            // `t("` as a call of its own, not the end of another name (`closest("details")`).
            let before = src[..i].chars().next_back();
            if pat == "t(\"" && before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let rest = &src[i + pat.len()..];
            let key: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `t("verdict_" + v)` builds a key from a report value; those are listed below.
            if rest[key.len()..].starts_with('"') && !key.ends_with('_') {
                used.push(key);
            }
        }
    }
    for v in ["pass", "concern", "fail", "not_applicable"] {
        used.push(format!("verdict_{v}"));
    }
    for q in ["evidence", "approval", "risks", "language", "compliance"] {
        used.push(format!("question_{q}"));
    }
    for sev in ["positive", "info", "concern", "fail"] {
        used.push(format!("severity_{sev}"));
    }
    for m in ["negated", "hedged", "hypothetical", "reported", "quoted", "refuted"] {
        used.push(format!("context_{m}"));
    }
    for st in [
        "no_relationship",
        "correlational",
        "conditional_causal",
        "direct_causal",
    ] {
        used.push(format!("strength_{st}"));
    }
    for k in ["efficacy", "safety", "approval", "evidence"] {
        used.push(format!("claim_kind_{k}"));
    }
    for v in ["verified", "verified_secondary", "unverified", "derived"] {
        used.push(format!("verification_{v}"));
    }
    assert!(used.len() > 60, "found only {} keys", used.len());
    for k in &used {
        assert!(en.get(k).is_some(), "key {k} is used but missing from the catalogs");
    }
}

#[test]
fn wrong_content_type_is_415() {
    let s = TestServer::start();
    let body = json!({ "text": "Exosomes cure everything." }).to_string();
    let m = s
        .post("/api/v1/check", Some("text/plain"), body.as_bytes())
        .assert_error(415, "unsupported_media_type");
    assert!(m.contains("application/json"), "{m}");
    s.post("/api/v1/check", None, body.as_bytes())
        .assert_error(415, "unsupported_media_type");
    s.post("/api/v1/extract", Some("application/x-www-form-urlencoded"), b"text=x")
        .assert_error(415, "unsupported_media_type");
    let ok = s.post(
        "/api/v1/check",
        Some("application/json; charset=utf-8"),
        body.as_bytes(),
    );
    assert_eq!(ok.status, 200, "{}", ok.text());
}

#[test]
fn an_error_before_the_body_is_read_says_the_connection_closes() {
    let s = TestServer::start();
    // A keep-alive request (no `Connection: close`) whose body the server will not read.
    let body = "text=x";
    let raw = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let r = common::send(s.addr, raw.as_bytes());
    assert_eq!(r.status, 415);
    assert_eq!(r.header("connection"), Some("close"), "{:?}", r.headers);
    // A well-formed request keeps the connection open as HTTP/1.1 allows.
    let ok = json!({ "text": "Exosomes cure everything." }).to_string();
    let raw = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{ok}",
        ok.len()
    );
    assert_eq!(common::send(s.addr, raw.as_bytes()).status, 200);
}

#[test]
fn malformed_or_mismatched_json_is_400() {
    let s = TestServer::start();
    for body in [
        &b"{\"text\": "[..],
        b"not json",
        b"",
        b"\xff\xfe{}",
        b"[1,2,3]",
        b"{\"text\": 42}",
        b"{}",
        b"{\"text\": \"x\", \"input_format\": \"pdf\"}",
        b"{\"text\": \"x\", \"lang\": \"fr\"}",
        b"{\"text\": \"x\", \"view\": \"guru\"}",
        b"{\"text\": \"x\", \"colour\": true}",
    ] {
        let r = s.post("/api/v1/check", Some("application/json"), body);
        let m = r.assert_error(400, "invalid_json");
        assert!(!m.is_empty());
    }
    let m = s
        .post("/api/v1/check", Some("application/json"), b"{}")
        .assert_error(400, "invalid_json");
    assert!(m.contains("text"), "{m}");
    // A value of the wrong type names its field.
    let m = s
        .post("/api/v1/check", Some("application/json"), b"{\"text\": [1, 2]}")
        .assert_error(400, "invalid_json");
    assert!(m.contains("field text") && m.contains("expected a string"), "{m}");
    let m = s
        .post(
            "/api/v1/check",
            Some("application/json"),
            b"{\"text\": \"x\", \"lang\": 7}",
        )
        .assert_error(400, "invalid_json");
    assert!(m.contains("field lang"), "{m}");
}

#[test]
fn a_large_text_is_answered_like_any_other() {
    // Over 256 KiB: analysed on a low-priority thread of its own, with the same report.
    let s = TestServer::start();
    let text = "Exosomes may help some patients, a small trial of 40 people found.\n".repeat(5_000);
    assert!(text.len() > 256 * 1024);
    let r = s.post_json("/api/v1/check", &json!({ "text": text }));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), checker_report(&text));
}

#[test]
fn a_compressed_body_is_415_with_the_reason() {
    let s = TestServer::start();
    // The gzip magic bytes and some more: whatever it holds, it is not read.
    let body = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
    let mut raw = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(body);
    let r = send(s.addr, &raw);
    let m = r.assert_error(415, "unsupported_media_type");
    assert!(m.contains("compressed") && m.contains("gzip"), "{m}");
}

#[test]
fn unusable_text_is_422() {
    let s = TestServer::start();
    let m = s
        .post_json("/api/v1/check", &json!({ "text": "   \n " }))
        .assert_error(422, "invalid_input");
    assert!(m.contains("only whitespace"), "{m}");
    let m = s
        .post_json("/api/v1/check", &json!({ "text": "abc\u{0}def" }))
        .assert_error(422, "invalid_input");
    assert!(m.contains("binary"), "{m}");
    s.post_json(
        "/api/v1/check",
        &json!({ "text": "<html><script>x()</script></html>", "input_format": "html" }),
    )
    .assert_error(422, "invalid_input");
}

#[test]
fn bodies_over_the_limit_are_413() {
    let s = TestServer::with_config(Config {
        max_body_bytes: 4096,
        ..Config::default()
    });
    let big = json!({ "text": "Exosomes are a miracle. ".repeat(400) }).to_string();
    assert!(big.len() > 4096);
    let m = s
        .post("/api/v1/check", Some("application/json"), big.as_bytes())
        .assert_error(413, "payload_too_large");
    assert!(m.contains("4 KiB (4,096 bytes)"), "{m}");
    // Without a Content-Length (chunked), the limit holds while reading.
    let mut raw = b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for chunk in big.as_bytes().chunks(1000) {
        raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw.extend_from_slice(chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    send(s.addr, &raw).assert_error(413, "payload_too_large");
    // Just under the limit is fine.
    let small = json!({ "text": "Exosomes are a miracle. ".repeat(100) }).to_string();
    assert_eq!(
        s.post("/api/v1/check", Some("application/json"), small.as_bytes())
            .status,
        200
    );
}

#[test]
fn the_default_limit_is_2_mib() {
    assert_eq!(Config::default().max_body_bytes, 2 * 1024 * 1024);
    let s = TestServer::start();
    let over = vec![b'a'; 2 * 1024 * 1024 + 1];
    let mut raw = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        over.len()
    )
    .into_bytes();
    raw.extend_from_slice(&over[..1024]); // the server answers from the declared length
    let m = send(s.addr, &raw).assert_error(413, "payload_too_large");
    // The same unit as the page's hint ("Up to 2 MiB"), with the exact count.
    assert!(m.contains("2 MiB (2,097,152 bytes)"), "{m}");
    assert!(s.get("/").text().contains("Up to 2 MiB"));
}

#[test]
fn a_body_that_never_arrives_times_out_with_408() {
    let s = TestServer::with_config(Config {
        request_timeout: Duration::from_millis(400),
        ..Config::default()
    });
    let mut stream = TcpStream::connect(s.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let start = Instant::now();
    stream
        .write_all(b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\": \"")
        .unwrap();
    let r = common::read_response(&mut stream);
    let waited = start.elapsed();
    let m = r.assert_error(408, "timeout");
    assert!(m.contains("0.4"), "{m}");
    assert!(
        waited >= Duration::from_millis(350) && waited < Duration::from_secs(10),
        "{waited:?}"
    );
    // The server is still fine.
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn an_analysis_that_cannot_run_in_time_is_503() {
    let s = TestServer::with_config(Config {
        request_timeout: Duration::from_millis(300),
        max_concurrent_checks: 1,
        ..Config::default()
    });
    // Take the only analysis slot, as a long analysis would.
    let slot = s.state.analysis_slots().clone().try_acquire_owned().unwrap();
    let start = Instant::now();
    let m = s
        .post_json("/api/v1/check", &json!({ "text": "Exosomes cure everything." }))
        .assert_error(503, "timeout");
    assert!(start.elapsed() >= Duration::from_millis(250));
    assert!(m.contains("0.3"), "{m}");
    drop(slot);
    let r = s.post_json("/api/v1/check", &json!({ "text": "Exosomes cure everything." }));
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn too_many_requests_in_flight_get_503_at_once() {
    let s = TestServer::with_config(Config {
        request_timeout: Duration::from_secs(2),
        max_in_flight: 1,
        ..Config::default()
    });
    // One request that holds its slot: the body is late.
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(
        b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{",
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    let r = s.get("/healthz");
    assert!(start.elapsed() < Duration::from_secs(1));
    r.assert_error(503, "busy");
    assert_eq!(r.header("retry-after"), Some("1"));
    slow.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut sink = Vec::new();
    let _ = slow.read_to_end(&mut sink); // the slow request times out
    drop(slow);
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn concurrent_checks_all_succeed() {
    let s = TestServer::with_config(Config {
        max_concurrent_checks: 2,
        ..Config::default()
    });
    let text = read_root("examples/exosomes-article.txt");
    let expected = checker_report(&text);
    let addr = s.addr;
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let body = json!({ "text": text }).to_string();
            std::thread::spawn(move || {
                let mut raw = format!(
                    "POST /api/v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                )
                .into_bytes();
                raw.extend_from_slice(body.as_bytes());
                send(addr, &raw)
            })
        })
        .collect();
    for h in handles {
        let r = h.join().unwrap();
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.json(), expected);
    }
}

#[test]
fn unknown_paths_methods_and_garbage_get_json_errors() {
    let s = TestServer::start();
    s.get("/nope").assert_error(404, "not_found");
    s.get("/api/v1/check").assert_error(405, "method_not_allowed");
    s.post_json("/healthz", &json!({}))
        .assert_error(405, "method_not_allowed");
    // Not HTTP at all: the connection is refused politely and the server carries on.
    let r = send(s.addr, b"\x16\x03\x01 garbage that is not HTTP\r\n\r\n");
    r.assert_error(400, "bad_request");
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn heads_that_cannot_be_parsed_get_json_errors() {
    let s = TestServer::start();
    // A header value with a control byte: hyper refuses it before any handler runs.
    let r = send(s.addr, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\x01b\r\n\r\n");
    r.assert_error(400, "bad_request");
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("control characters"));
    assert_eq!(r.header("connection"), Some("close"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let mut huge = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ".to_vec();
    // Well past hyper's limit (about 408 KB): hyper checks it only while the head is incomplete, and
    // a read that completes a head near the limit, when the whole request is already waiting in
    // the socket (a loaded machine), let a 500 KB head through.
    huge.extend(std::iter::repeat_n(b'a', 2_000_000));
    huge.extend_from_slice(b"\r\n\r\n");
    send(s.addr, &huge).assert_error(431, "headers_too_large");
    let mut long_uri = b"GET /".to_vec();
    long_uri.extend(std::iter::repeat_n(b'a', 70_000));
    long_uri.extend_from_slice(b" HTTP/1.1\r\nHost: x\r\n\r\n");
    send(s.addr, &long_uri).assert_error(414, "uri_too_long");
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn kb_endpoints_list_and_show_entries() {
    let s = TestServer::start();
    let kb = hypecheck_kb::embedded();
    let list = s.get("/api/v1/kb");
    assert_eq!(list.status, 200);
    let v = list.json();
    assert_eq!(v["entries"].as_array().unwrap().len(), kb.entries().len());
    assert_eq!(v["sources"].as_array().unwrap().len(), kb.sources().len());
    assert!(v["entries"].as_array().unwrap().iter().any(|e| e["id"] == "exosomes"));

    let one = s.get("/api/v1/kb/exosomes");
    assert_eq!(one.status, 200, "{}", one.text());
    let v = one.json();
    assert_eq!(v["entry"]["id"], "exosomes");
    let sources = v["sources"].as_array().unwrap();
    assert!(!sources.is_empty());
    let cited: Vec<&str> = v["entry"]["status"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["sources"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()))
        .collect();
    for id in cited {
        assert!(sources.iter().any(|s| s["id"] == id), "source {id} missing");
    }
    let m = s.get("/api/v1/kb/no-such-thing").assert_error(404, "not_found");
    assert!(m.contains("no-such-thing"), "{m}");
    s.get("/api/v1/kb/%3Cscript%3E").assert_error(404, "not_found");
}

#[test]
fn openapi_document_describes_every_endpoint() {
    let s = TestServer::start();
    let r = s.get("/api/v1/openapi.json");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/check",
        "/api/v1/extract",
        "/api/v1/kb",
        "/api/v1/kb/{id}",
        "/api/v1/openapi.json",
        "/healthz",
    ] {
        assert!(v["paths"].get(path).is_some(), "{path} missing");
    }
    let schemas = &v["components"]["schemas"];
    for name in [
        "Report",
        "FindingOut",
        "QuestionOut",
        "CheckRequest",
        "ErrorBody",
        "Entry",
        "Verdict",
    ] {
        assert!(schemas.get(name).is_some(), "schema {name} missing");
    }
    // The report schema follows the code: every key of a real report is described.
    let report = checker_report("Our FDA-approved exosomes reverse aging with zero side effects.");
    let props = schemas["Report"]["properties"].as_object().unwrap();
    for key in report.as_object().unwrap().keys() {
        assert!(props.contains_key(key), "Report schema lacks {key}");
    }
    let ok = &v["paths"]["/api/v1/check"]["post"]["responses"];
    for code in ["200", "400", "413", "415", "422"] {
        assert!(ok.get(code).is_some(), "check lacks response {code}");
    }
}

#[test]
fn slow_headers_are_cut_off_and_connections_are_bounded() {
    let s = TestServer::with_config(Config {
        header_timeout: Duration::from_millis(300),
        max_connections: 1,
        ..Config::default()
    });
    // A client that never finishes its headers holds the only connection slot ...
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow:").unwrap();
    std::thread::sleep(Duration::from_millis(50));
    // ... until the header timeout closes it; then the next client is served.
    let start = Instant::now();
    let r = s.get("/healthz");
    assert_eq!(r.status, 200);
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_millis(150) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut rest = Vec::new();
    match slow.read_to_end(&mut rest) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("the slow connection is still open: {e}"),
    }
}
