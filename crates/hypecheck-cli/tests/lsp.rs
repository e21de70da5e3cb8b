//! `hypecheck lsp` end to end: the real binary as a child process, spoken to over stdio in
//! JSON-RPC with the protocol's framing, as an editor does.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

/// An editor's end of the session.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for another one.
    backlog: Vec<Value>,
}

impl Client {
    fn start(cwd: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start hypecheck lsp");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || loop {
            // Headers up to a blank line, then Content-Length bytes of JSON.
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    length = v.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            stdout.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).expect("JSON")).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
            backlog: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.wait_for(|m| m["id"] == id);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The first message (already read or still to come) that matches.
    fn wait_for(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&matches) {
            return self.backlog.remove(i);
        }
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(30))
                .expect("the server answered within 30 s");
            if matches(&m) {
                return m;
            }
            self.backlog.push(m);
        }
    }

    /// The diagnostics published for a document at a version.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

fn uri_of(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// Applies a quick fix's edits (one file, non-overlapping) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, character) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let rest = &text[start..];
        let within = rest
            .char_indices()
            .find(|(_, c)| {
                let here = units >= character;
                units += c.len_utf16();
                here
            })
            .map_or(rest.len(), |(i, _)| i);
        start + within
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn the_language_server_publishes_explains_and_fixes_findings_as_the_text_changes() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lsp-session");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("team")).unwrap();
    // A team folder that ignores absolute promises.
    std::fs::write(dir.join("team/.hypecheck.toml"), "ignore = [\"HC402\"]\n").unwrap();
    let mut client = Client::start(&dir);
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri_of(&dir), "capabilities": {}}),
    );
    assert_eq!(init["serverInfo"]["name"], "hypecheck");
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    assert_eq!(init["capabilities"]["textDocumentSync"], 1, "full text on every change");
    client.notify("initialized", json!({}));

    // An emoji before the claim: positions count UTF-16 code units, as the protocol wants.
    let page = dir.join("page.md");
    let uri = uri_of(&page);
    let text = "# Joints\n\n😀 Our FDA-approved exosome therapy cures arthritis.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let found = client.diagnostics(&uri, 1);
    assert!(codes(&found).contains(&"HC201"), "{found:?}");
    assert!(codes(&found).contains(&"HC402"), "{found:?}");
    let approval = found.iter().find(|d| d["code"] == "HC201").unwrap();
    assert_eq!(approval["range"]["start"], json!({"line": 2, "character": 7}));
    assert_eq!(approval["range"]["end"], json!({"line": 2, "character": 19}));
    assert_eq!(approval["severity"], 1, "a false approval claim is an error");
    assert_eq!(approval["source"], "hypecheck");

    // Hover: the finding, its check and the knowledge base's source with its date.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 10}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("HC201 false-approval-claim"), "{shown}");
    assert!(shown.contains("fda.gov"), "the original source: {shown}");
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
    );
    assert!(nothing.is_null(), "no finding on the title: {nothing}");

    // Quick fixes on the claim: the status the knowledge base gives, or ignore it on the line.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": approval["range"], "context": {"diagnostics": [approval]}}),
    );
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    let replace = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Replace “FDA-approved” with “unapproved”")
        })
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(replace["kind"], "quickfix");
    let fixed = apply(text, replace["edit"]["changes"][&uri].as_array().unwrap());
    assert_eq!(
        fixed,
        "# Joints\n\n😀 Our unapproved exosome therapy cures arthritis.\n"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = client.diagnostics(&uri, 2);
    assert!(
        !codes(&after).contains(&"HC201"),
        "the fix removes the finding: {after:?}"
    );

    let promise = after
        .iter()
        .find(|d| d["code"] == "HC402")
        .expect("\"cures\" is still flagged")
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": promise["range"], "context": {"diagnostics": [promise]}}),
    );
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Ignore HC402 on this line")
        .expect("an ignore fix")
        .clone();
    let ignored = apply(&fixed, ignore["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        ignored.contains("arthritis. <!-- hypecheck: ignore[HC402] -->\n"),
        "{ignored}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": ignored}]}),
    );
    assert!(!codes(&client.diagnostics(&uri, 3)).contains(&"HC402"));

    // A document in the team's folder gets the team's settings.
    let team_uri = uri_of(&dir.join("team/page.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": team_uri, "languageId": "markdown", "version": 1, "text": "Our serum cures arthritis.\n"}}),
    );
    assert!(!codes(&client.diagnostics(&team_uri, 1)).contains(&"HC402"));

    // The origin article: nothing to annotate. Closing a document clears its diagnostics.
    let sober = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/exosomes-article.txt"
    ))
    .unwrap();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": sober}]}),
    );
    let sober_found = client.diagnostics(&uri, 4);
    assert!(
        sober_found.iter().all(|d| d["severity"] != 1 && d["severity"] != 2),
        "{sober_found:?}"
    );
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let closed = client.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
    assert_eq!(closed["params"]["diagnostics"], json!([]));

    let unknown = client.next_id;
    client.next_id += 1;
    client.send(json!({"jsonrpc": "2.0", "id": unknown, "method": "textDocument/rename", "params": {}}));
    let refused = client.wait_for(|m| m["id"] == unknown);
    assert_eq!(refused["error"]["code"], -32601, "method not found");

    assert!(client.request("shutdown", Value::Null).is_null());
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn a_risks_placeholder_is_offered_where_a_promoted_treatment_names_no_harm() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lsp-risks");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut client = Client::start(&dir);
    client.request("initialize", json!({"processId": null, "capabilities": {}}));
    client.notify("initialized", json!({}));
    let uri = uri_of(&dir.join("clinic.txt"));
    let text = "Exosome therapy at our clinic repairs damaged knees. Book your treatment today.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let found = client.diagnostics(&uri, 1);
    let risks = found
        .iter()
        .find(|d| d["code"] == "HC302")
        .unwrap_or_else(|| panic!("{found:?}"))
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": risks["range"], "context": {"diagnostics": [risks]}}),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add a sentence on risks and side effects (to fill in)")
        .unwrap_or_else(|| panic!("{actions}"))
        .clone();
    let with = apply(text, add["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        with.starts_with(text) && with.contains("Risks and side effects: [name the known harms of"),
        "{with}"
    );
    // On a text file the ignore comment is plain text at the line's end.
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Ignore HC302 on this line")
        .unwrap()
        .clone();
    assert!(
        apply(text, ignore["edit"]["changes"][&uri].as_array().unwrap()).contains("today.  hypecheck: ignore[HC302]\n")
    );
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}
