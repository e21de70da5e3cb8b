//! Inputs the fuzzers found (`fuzz/`): each must give validation errors that say something, with
//! a file and line, and never a panic.

#[test]
fn every_found_input_gets_errors_with_words() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let errors = hypecheck_kb::KnowledgeBase::from_files([("fuzz.toml", text.as_ref())]).unwrap_err();
        for e in &errors {
            assert!(
                !e.message.trim().is_empty(),
                "{}: an error without words at line {}",
                path.display(),
                e.line
            );
        }
        seen += 1;
    }
    assert!(seen > 0);
}
