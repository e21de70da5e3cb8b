//! Reading many documents for hypecheck, shared by `hypecheck scan` and the Python package (and
//! through it, Spark): the inputs become an ordered list of [`Source`]s, each source is read into
//! [`Item`]s in a stable order, and [`analyse`] turns an item into its [`ScanRecord`]: the
//! report's columns, or an error record that says why there is no report.

pub mod sources;
pub mod warc;

use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use hypecheck_core::record::{Origin, ScanRecord};
use hypecheck_core::{Checker, InputError, Options};

pub use sources::{list, read, total_bytes, Event, Item, JsonlFields, Source};

/// A batch is handed on when it holds this many documents or bytes, whichever comes first:
/// enough to keep every core busy, small enough to keep memory flat.
pub const BATCH_DOCUMENTS: usize = 256;
pub const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// Documents read in order, handed on together.
#[derive(Default)]
pub struct Batch {
    pub items: Vec<Item>,
    /// WARC records read that are not documents, by type.
    pub not_documents: Vec<String>,
}

/// Reads every source in order and hands on batches of at most [`BATCH_DOCUMENTS`] documents or
/// [`BATCH_BYTES`] bytes (the last one possibly empty); `hand_on` returning false (its receiver
/// is gone) stops the reading.
pub fn read_batches(
    sources: &[Source],
    fields: &JsonlFields,
    max_bytes: usize,
    progress: &Arc<AtomicU64>,
    mut hand_on: impl FnMut(Batch) -> bool,
) {
    let mut batch = Batch::default();
    let mut bytes = 0usize;
    let mut open = true;
    for source in sources {
        read(source, fields, max_bytes, progress, &mut |event| {
            match event {
                Event::Item(item) => {
                    bytes += item.content.as_ref().map_or(0, |c| c.bytes.len());
                    batch.items.push(item);
                }
                Event::NotADocument { record_type } => batch.not_documents.push(record_type),
            }
            if batch.items.len() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES {
                bytes = 0;
                open = hand_on(std::mem::take(&mut batch));
            }
            open
        });
        if !open {
            return;
        }
    }
    hand_on(batch);
}

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
            let failed = |origin, e: InputError| ScanRecord::error(seq, origin, bytes, e.kind(), e.to_string());
            // Without `--full` only the counted columns are written: no report words are built.
            if full {
                match checker.check_bytes(&content.bytes, &options) {
                    Ok(report) => ScanRecord::from_report(seq, origin, bytes, &report),
                    Err(e) => failed(origin, e),
                }
            } else {
                match checker.tally_bytes(&content.bytes, &options) {
                    Ok(tally) => ScanRecord::from_tally(seq, origin, bytes, &tally),
                    Err(e) => failed(origin, e),
                }
            }
        }
    }
}
