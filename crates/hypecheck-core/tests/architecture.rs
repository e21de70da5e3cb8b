//! The core's modules form one line, the pipeline's direction: a module may use the modules before
//! it, never one after it. A use in the wrong direction (a check reaching into the report, the
//! analysis into the checks) fails here with the file and the line.

use std::path::{Path, PathBuf};

/// The pipeline's order. Leaves that any stage may use come first.
const LINE: &[&str] = &[
    "document", "ingest", "language", "i18n", "eval", "lexicon", "context", "claims", "analysis", "checks", "criteria",
    "learn", "report", "record", "checker",
];

/// Names re-exported at the crate root, and the module they come from.
const ROOT_EXPORTS: &[(&str, &str)] = &[
    ("Analysis", "analysis"),
    ("Checker", "checker"),
    ("Options", "checker"),
    ("Cancel", "checker"),
    ("Report", "report"),
    ("Verdict", "report"),
    ("Language", "language"),
];

/// Files compiled for tests only (declared under `#[cfg(test)]`): they may run the whole pipeline.
const TEST_ONLY: &[&str] = &["checks/testing.rs"];

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module a source file belongs to (`checks/hc101_x.rs` -> `checks`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy()
        .to_string();
    first.trim_end_matches(".rs").to_string()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::` paths used by the code of a file before its tests, with their line numbers.
fn crate_uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap();
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
        }
        // `use crate::{a, b}` lists.
        if let Some(list) = code.trim_start().strip_prefix("use crate::{") {
            for part in list.split([',', '}']) {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push((n + 1, name));
                }
            }
        }
    }
    out
}

#[test]
fn modules_use_only_the_stages_before_them() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut wrong = Vec::new();
    let mut seen_modules = Vec::new();
    for file in &all {
        let module = module_of(file);
        let rel = file.strip_prefix(src()).unwrap().to_string_lossy().replace('\\', "/");
        if module == "lib" || TEST_ONLY.contains(&rel.as_str()) {
            continue;
        }
        let Some(at) = LINE.iter().position(|m| *m == module) else {
            panic!(
                "{}: module {module} is not on the line in tests/architecture.rs",
                file.display()
            );
        };
        seen_modules.push(module.clone());
        let text = std::fs::read_to_string(file).unwrap();
        for (line, name) in crate_uses(&text) {
            let target = ROOT_EXPORTS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(name.as_str(), |(_, m)| m);
            if target == "embedded" || target.is_empty() {
                continue;
            }
            let Some(to) = LINE.iter().position(|m| *m == target) else {
                wrong.push(format!(
                    "{}:{line}: uses crate::{name}, which is not on the line",
                    file.display()
                ));
                continue;
            };
            if to > at {
                wrong.push(format!(
                    "{}:{line}: {module} uses {target}, a later stage of the pipeline",
                    file.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "modules out of line:\n{}", wrong.join("\n"));
    for m in LINE {
        assert!(
            seen_modules.iter().any(|s| s == m),
            "{m} is on the line but has no source"
        );
    }
}

#[test]
fn a_use_against_the_line_is_caught() {
    let bad = "use crate::report::Report;\nfn f() {}\n#[cfg(test)]\nmod t { use crate::checker::Checker; }\n";
    assert_eq!(crate_uses(bad), vec![(1, "report".to_string())]);
    assert_eq!(
        crate_uses("use crate::{checks::Finding, document::Span};"),
        vec![(1, "checks".to_string()), (1, "document".to_string())]
    );
}
