//! `check --format sarif`: the findings of every checked file as one SARIF 2.1.0 log, the format
//! GitHub code scanning, Azure DevOps and most editors' problem panes read. One run, the checks as
//! its rules (each with its documentation page as help), a result per shortcoming or note at its
//! place in the source, and the files that could not be checked as tool notifications. A test
//! (`scripts/test-sarif.sh`) validates the output against the official schema.

use hypecheck_core::checks::REGISTRY;
use hypecheck_core::Report;
use serde_json::{json, Value};

use crate::annotate::{annotated, place, severity_word};

/// One file's part of the log.
pub struct Checked<'a> {
    pub path: &'a str,
    pub source: &'a [u8],
    pub report: &'a Report,
}

/// The SARIF log for the checked files and the inputs that failed (path, error message).
pub fn log(files: &[Checked], errors: &[(String, String)]) -> Value {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|c| {
            json!({
                "id": c.code().as_str(),
                "name": c.name(),
                "shortDescription": {"text": c.summary()},
                "fullDescription": {"text": c.summary()},
                "help": {"text": c.summary(), "markdown": crate::rules::page(*c)},
                "properties": {"question": c.question().as_str()},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        for f in annotated(file.report) {
            let p = place(file.source, file.report, f);
            let rule_index = REGISTRY.iter().position(|c| c.code().as_str() == f.code);
            let mut result = json!({
                "ruleId": f.code,
                "level": severity_word(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact(file.path),
                        "region": {
                            "startLine": p.line,
                            "startColumn": p.column,
                            "endLine": p.end_line,
                            "endColumn": p.end_column,
                            "snippet": {"text": f.excerpt},
                        }
                    }
                }],
                // Stable across edits elsewhere in the file: the check and the words it flags.
                "partialFingerprints": {"hypecheck/v1": format!("{:016x}", fnv1a(&[f.code, &f.excerpt]))},
                "properties": {"question": f.question.as_str(), "sources": f.sources},
            });
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = errors
        .iter()
        .map(|(path, message)| {
            json!({
                "level": "error",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(path)}}],
            })
        })
        .collect();
    let mut run = json!({
        "tool": {"driver": {
            "name": "hypecheck",
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        // Columns count characters, as the concise and GitHub formats do.
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{
            "executionSuccessful": errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }],
    });
    if let Ok(cwd) = std::env::current_dir() {
        let mut base = file_uri(&cwd.display().to_string());
        if !base.ends_with('/') {
            base.push('/');
        }
        run["originalUriBaseIds"] = json!({"%SRCROOT%": {"uri": base}});
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    })
}

/// A file as SARIF names it: relative paths against the checkout's root (`%SRCROOT%`), absolute
/// ones as `file://` URIs, standard input as `stdin`.
fn artifact(path: &str) -> Value {
    if path == "-" {
        return json!({"uri": "stdin"});
    }
    if std::path::Path::new(path).is_absolute() {
        return json!({"uri": file_uri(path)});
    }
    let relative = path.strip_prefix("./").unwrap_or(path);
    json!({"uri": percent_encode(&relative.replace('\\', "/")), "uriBaseId": "%SRCROOT%"})
}

fn file_uri(absolute: &str) -> String {
    let path = absolute.replace('\\', "/");
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    format!("file://{}", percent_encode(&path))
}

/// A path as a URI reference: everything but unreserved characters and `/` percent-encoded.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: a fingerprint that stays the same across Rust releases (std's hasher may not).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(artifact("docs/a b.md")["uri"], "docs/a%20b.md");
        assert_eq!(artifact("./x.md")["uriBaseId"], "%SRCROOT%");
        assert_eq!(artifact("/tmp/ü.md")["uri"], "file:///tmp/%C3%BC.md");
        assert_eq!(artifact("-")["uri"], "stdin");
    }

    #[test]
    fn fingerprints_depend_on_code_and_words_only() {
        assert_eq!(fnv1a(&["HC401", "miracle"]), fnv1a(&["HC401", "miracle"]));
        assert_ne!(fnv1a(&["HC401", "miracle"]), fnv1a(&["HC402", "miracle"]));
        assert_ne!(fnv1a(&["HC4", "01miracle"]), fnv1a(&["HC401", "miracle"]));
    }
}
