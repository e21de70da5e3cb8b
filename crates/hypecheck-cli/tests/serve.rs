//! `hypecheck serve` as a user runs it: the API answers with the very report `hypecheck check
//! --format json` prints, and SIGTERM stops the server gracefully (requests in progress finish).

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Server {
    child: Child,
    addr: SocketAddr,
    stderr: BufReader<std::process::ChildStderr>,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    fn start_with(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .parse()
            .unwrap();
        Server { child, addr, stderr }
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < limit, "the server did not stop within {limit:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn request_head(body_len: usize) -> String {
    format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {body_len}\r\n\r\n"
    )
}

fn read_body(stream: &mut TcpStream) -> (String, Vec<u8>) {
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).unwrap();
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n").expect("response head");
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    (head, buf[end + 4..].to_vec())
}

/// `hypecheck check FILE --format json EXTRA...` as JSON.
fn cli_report(file: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let cli = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["check", file.to_str().unwrap(), "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
    serde_json::from_slice(&cli.stdout).unwrap()
}

/// The request body that checks a file's text.
fn check_body(file: &std::path::Path) -> String {
    serde_json::json!({ "text": std::fs::read_to_string(file).unwrap() }).to_string()
}

/// Posts a check request and returns the report the server answers with.
fn api_report(server: &Server, body: &str) -> serde_json::Value {
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream.write_all(request_head(body.len()).as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    let (head, bytes) = read_body(&mut stream);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn api_report_equals_the_cli_json_and_sigterm_drains() {
    let fixture = root().join("tests/fixtures/clinic-exosome-facial.html");
    let cli_report = cli_report(&fixture, &[]);
    let mut server = Server::start();
    let body = check_body(&fixture);
    assert_eq!(
        api_report(&server, &body),
        cli_report,
        "the API and `check --format json` differ"
    );

    // A request in progress when SIGTERM arrives still gets its answer.
    let mut pending = TcpStream::connect(server.addr).unwrap();
    pending.write_all(request_head(body.len()).as_bytes()).unwrap();
    pending.write_all(&body.as_bytes()[..100]).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(200));
    pending.write_all(&body.as_bytes()[100..]).unwrap();
    let (head, bytes) = read_body(&mut pending);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&bytes).unwrap(), cli_report);

    let status = server.wait(Duration::from_secs(15));
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    server.stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("shutting down") && rest.contains("stopped"), "{rest}");
    // New connections are refused once it has stopped.
    assert!(TcpStream::connect(server.addr).is_err());
}

#[test]
fn serve_rules_answers_like_check_rules() {
    let fixture = root().join("examples/exosomes-article.txt");
    let server = Server::start_with(&["--rules"]);
    let api_report = api_report(&server, &check_body(&fixture));
    assert_eq!(api_report, cli_report(&fixture, &["--rules"]));
    let criteria = api_report["criteria"].as_object().unwrap();
    assert!(criteria.values().all(|c| c["method"] == "rules"), "{criteria:?}");
}

#[test]
fn serve_rejects_a_bad_address_with_exit_code_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["serve", "--addr", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A port that is taken: a clear message, no panic.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["serve", "--addr", &addr])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot listen on") && !err.contains("panicked"), "{err}");
}
