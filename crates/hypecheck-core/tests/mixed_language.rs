//! A paragraph that switches language between sentences is read sentence by sentence: each
//! sentence's claims are found by its own language's lexicon.

use hypecheck_core::{Checker, Language, Options};

fn claims_and_languages(text: &str) -> (Vec<Language>, Vec<String>) {
    let report = Checker::new(hypecheck_kb::embedded())
        .unwrap()
        .check_text(text, &Options::default())
        .unwrap();
    (
        report.text_languages,
        report.claims.iter().map(|c| c.excerpt.clone()).collect(),
    )
}

#[test]
fn a_german_sentence_inside_an_english_paragraph_is_read_in_german() {
    for text in [
        "Exosomes are not approved by the FDA and the studies are small. Diese Behandlung heilt Arthrose und ist völlig sicher.",
        // The first sentence is longer than what decides the paragraph's language.
        "Exosome products are sold by many clinics across the country and the companies behind them describe \
         regenerative effects that have never been shown in a controlled trial in people, which is why the agency \
         warns patients about them. Diese Behandlung heilt Arthrose und ist völlig sicher.",
    ] {
        let (languages, claims) = claims_and_languages(text);
        assert_eq!(languages, vec![Language::En, Language::De], "{text}");
        assert!(claims.iter().any(|c| c.starts_with("Diese Behandlung heilt")), "{claims:?}");
    }
    // A German word or two quoted in an English sentence does not switch it.
    let (languages, _) = claims_and_languages(
        "Exosomes are sold as a cure. The clinic calls them \"natürlich und sicher\" in its ads, which is not true.",
    );
    assert_eq!(languages, vec![Language::En]);
}
