//! hypecheck's knowledge base: interventions and conditions with their regulatory status per
//! jurisdiction, the evidence behind each promoted use, documented harms and trials. Every fact
//! carries its sources, an as-of date and how well it was verified.
//!
//! The data lives in `data/kb/*.toml`, embedded at build time; [`load_dir`] reads a user's override.

mod load;
mod model;

pub use load::{KnowledgeBase, ValidationError};
pub use model::*;

use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The knowledge base compiled into the binary.
pub fn embedded() -> KnowledgeBase {
    KnowledgeBase::from_files(embedded::EMBEDDED.iter().copied())
        .expect("embedded knowledge base is validated by the test suite")
}

/// Reads and validates every `*.toml` file in `dir` (sorted by name).
pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, Vec<ValidationError>> {
    let io_error = |message: String| {
        vec![ValidationError {
            file: dir.display().to_string(),
            line: 0,
            message,
        }]
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io_error(format!("cannot read directory: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(io_error("no *.toml files found".into()));
    }
    let mut files = Vec::new();
    for p in &paths {
        let text = std::fs::read_to_string(p).map_err(|e| io_error(format!("{}: {e}", p.display())))?;
        files.push((p.display().to_string(), text));
    }
    KnowledgeBase::from_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_knowledge_base_is_valid() {
        if let Err(errors) = crate::KnowledgeBase::from_files(crate::embedded::EMBEDDED.iter().copied()) {
            panic!(
                "{}",
                errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
            );
        }
    }
}
