//! Reading many documents for hypecheck, shared by `hypecheck scan` and the Python package (and
//! through it, Spark): the inputs become an ordered list of [`Source`]s, each source is read into
//! [`Item`]s in a stable order, and [`analyse`] turns an item into its [`ScanRecord`]: the
//! report's columns, or an error record that says why there is no report.

pub mod sources;
pub mod warc;

use hypecheck_core::record::{Origin, ScanRecord};
use hypecheck_core::{Checker, Options};

pub use sources::{list, read, total_bytes, Event, Item, JsonlFields, Source};

/// The record of one item: its report's columns, or the reason it has none.
pub fn analyse(checker: &Checker, options: &Options, seq: u64, item: Item, full: bool) -> ScanRecord {
    let origin = Origin {
        id: item.id,
        source: item.source,
        url: item.url,
    };
    match item.content {
        Err(unreadable) => ScanRecord::error(seq, origin, 0, unreadable.kind, unreadable.message),
        Ok(content) => {
            let bytes = content.bytes.len() as u64;
            let options = Options {
                input_format: content.format,
                ..options.clone()
            };
            match checker.check_bytes(&content.bytes, &options) {
                Ok(report) => ScanRecord::from_report(seq, origin, bytes, &report, full),
                Err(e) => ScanRecord::error(seq, origin, bytes, e.kind(), e.to_string()),
            }
        }
    }
}
