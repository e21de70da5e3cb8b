//! Any bytes, read as text, Markdown, HTML or detected: an input error or a text, never a panic;
//! an extracted text is valid UTF-8 and no larger than the input allows.
#![no_main]

use hypecheck_core::ingest::ingest;
use hypecheck_core::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(InputFormat::Text), Some(InputFormat::Markdown), Some(InputFormat::Html)] {
        if let Ok(ingested) = ingest(data, format, 1 << 20) {
            assert!(!ingested.text.trim().is_empty());
            assert!(ingested.source_bytes <= data.len());
            // Plain text in UTF-8 is kept as it is (after a byte-order mark).
            if format == Some(InputFormat::Text) && ingested.span_basis() == "input" {
                assert_eq!(ingested.text.as_bytes(), data);
            }
        }
    }
});
