//! Property tests: no input panics the checker, and every span lies on character boundaries inside
//! the analysed text.

use std::sync::OnceLock;

use hypecheck_core::{Checker, InputFormat, Options};
use proptest::prelude::*;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(hypecheck_kb::embedded()).unwrap())
}

/// Words the lexicons care about, mixed with punctuation and quotes, to reach deep code paths.
fn health_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "exosomes",
        "Exosome",
        "stem cells",
        "FDA-approved",
        "not",
        "no",
        "side effects",
        "may",
        "miracle",
        "in mice",
        "\"",
        "“",
        "”",
        "’",
        ".",
        "!",
        "?",
        ";",
        "\n",
        "claims",
        "false",
        "$",
        "4,900",
        "10",
        "billion",
        "ml",
        "cure",
        "reverses aging",
        "Ryoncil",
        "knee pain",
        "randomized",
        "Ä",
        "ß",
        "💉",
        "e.g.",
        "Dr.",
        " ",
        "-",
        "mehr",
        "\r\n",
        "but",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

fn assert_spans_valid(text: &str, report: &hypecheck_core::Report) {
    for f in &report.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len(), "{f:?}");
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        for c in &f.cues {
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
    }
    for c in &report.claims {
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_checked_without_panic_and_spans_are_valid(text in "\\PC{0,300}") {
        let options = Options { input_format: Some(InputFormat::Text), ..Options::default() };
        if let Ok(report) = checker().check_text(&text, &options) {
            assert_spans_valid(&text, &report);
        }
    }

    #[test]
    fn health_like_text_is_checked_without_panic(text in health_text()) {
        let options = Options { input_format: Some(InputFormat::Text), ..Options::default() };
        if let Ok(report) = checker().check_text(&text, &options) {
            assert_spans_valid(&text, &report);
        }
    }

    #[test]
    fn arbitrary_bytes_give_a_report_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = checker().check_bytes(&bytes, &Options::default());
    }

    #[test]
    fn broken_html_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "<p>", "</p>", "<div", ">", "<script>", "</script>", "exosomes cure", "<main>", "&amp;",
        "<!--", "-->", "<li>", "FDA-approved", "<style>", "\"", "<article>", "</b>", "<nav>",
    ]), 0..40)) {
        let html = format!("<html><body>{}", parts.concat());
        let options = Options { input_format: Some(InputFormat::Html), ..Options::default() };
        let _ = checker().check_text(&html, &options);
    }
}
