//! hypecheck-core: reads a health text and judges, span by span, how far its claims stand on
//! evidence and how far on hype. Text in, report out; no I/O.
//!
//! The pipeline, one module per stage:
//! [`ingest`] (bytes to visible text) -> [`document`] (sentences, line index) -> [`lexicon`]
//! (one pass of a multi-pattern automaton) -> [`context`] (negation, hedging, hypotheticals,
//! reported speech, refutation) -> [`claims`] -> [`checks`] (one file per check) -> [`report`]
//! (verdicts, grade, resolved messages and sources). [`learn`] holds the linear models that answer
//! claim strength and the expert criteria for English texts.
//!
//! ```
//! let checker = hypecheck_core::Checker::new(hypecheck_kb::embedded()).unwrap();
//! let report = checker
//!     .check_text("Our FDA-approved exosomes reverse aging with zero side effects.", &Default::default())
//!     .unwrap();
//! assert_eq!(report.questions.approval.verdict.as_str(), "fail");
//! ```

pub mod analysis;
pub mod checker;
pub mod checks;
pub mod claims;
pub mod context;
pub mod criteria;
pub mod document;
pub mod eval;
pub mod i18n;
pub mod ingest;
pub mod language;
pub mod learn;
pub mod lexicon;
pub mod record;
pub mod report;

pub use analysis::Analysis;
pub use checker::{Cancel, Checker, DocumentFeatures, Options, SetupError};
pub use ingest::{InputError, InputFormat};
pub use language::Language;
pub use report::{Report, Verdict};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
