//! `hypecheck scan`: many documents at the speed of the core. Sources are read on one thread in
//! a stable order and handed on in batches; each batch is analysed in parallel (rayon) and its
//! records are written in input order, so the output is the same with any number of jobs and a
//! killed scan can be resumed from its last complete record.

mod summary;

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use hypecheck_core::{Checker, Options};
use rayon::prelude::*;

use hypecheck_core::record::ScanRecord;
use hypecheck_scan::{analyse, sources, Batch, JsonlFields, Source};
use summary::Summary;

/// Written records are forced to disk at most this often (what a power loss may cost).
const SYNC_EVERY: Duration = Duration::from_secs(2);

#[derive(clap::Args)]
pub struct ScanArgs {
    /// Files, directories (walked recursively; .gitignore-style ignore files respected, hidden
    /// files skipped), JSONL files (*.jsonl, *.ndjson), WARC/WET files (*.warc, *.wet, gzip or
    /// not), or - for standard input (WARC, JSONL or one document, told apart by its first bytes).
    #[arg(required_unless_present = "summary")]
    pub inputs: Vec<String>,
    /// Write the records here (default: standard output); the format follows the extension
    /// unless --format says otherwise.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Output format (default: by the extension of --out; JSONL on standard output).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Documents analysed at once [default: the number of CPUs].
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Continue an interrupted scan into the same --out file: its complete records are kept, a
    /// record cut short is dropped, and the scan goes on from the next document.
    #[arg(long, requires = "out")]
    pub resume: bool,
    /// Replace an existing --out file (without it, an existing file is an error, so that a long
    /// scan is not lost by accident).
    #[arg(long, conflicts_with = "resume")]
    pub overwrite: bool,
    /// Only files whose path matches this glob, in directories (repeatable; `!glob` excludes).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// The field of a JSONL line that holds the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// The field of a JSONL line that holds the document's id (default: file:line).
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// The field of a JSONL line that holds the document's URL.
    #[arg(long, default_value = "url")]
    pub url_field: String,
    /// Add the whole report to each record.
    #[arg(long)]
    pub full: bool,
    /// No progress bar and no closing summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the distribution tables of an earlier scan's records instead of scanning.
    #[arg(long, value_name = "RESULTS", conflicts_with_all = ["inputs", "resume", "out"])]
    pub summary: Option<PathBuf>,
    /// Group the summary's tables (with --summary, or after a scan).
    #[arg(long, value_enum)]
    pub by: Option<GroupBy>,
    /// Largest document accepted, in bytes (a larger one yields an error record).
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Apply the editorial rule (see `check --editorial-rule`).
    #[arg(long)]
    pub editorial_rule: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Parquet,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    /// The site of each document's URL.
    Domain,
}

/// Prints the tables of an earlier scan.
pub fn summarise(path: &Path, by: Option<GroupBy>) -> Result<ExitCode> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut all = Summary::default();
    let mut records = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: ScanRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a record of hypecheck scan", path.display(), i + 1))?;
        all.add(&record);
        if by.is_some() {
            // Only what grouping needs is kept: the report, if any, is dropped.
            records.push(ScanRecord { report: None, ..record });
        }
    }
    let mut out = std::io::stdout().lock();
    out.write_all(all.render(None).as_bytes())?;
    if by == Some(GroupBy::Domain) {
        writeln!(out)?;
        out.write_all(summary::render_by_domain(&summary::by_domain(&records)).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The records already in a results file (for --resume): their summary, count and last id. A
/// last line without its line break (the scan was killed while writing it) is cut off.
fn resume_point(path: &Path, by_domain: bool, kept: &mut Vec<ScanRecord>) -> Result<(Summary, u64, Option<String>)> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {} to resume it", path.display()))?;
    let mut reader = BufReader::new(&mut file);
    let (mut summary, mut count, mut last_id, mut good_end) = (Summary::default(), 0u64, None, 0u64);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        let record: ScanRecord = serde_json::from_slice(&line).with_context(|| {
            format!(
                "{}: line {} is not a record of hypecheck scan; cannot resume into this file",
                path.display(),
                count + 1
            )
        })?;
        if record.seq != count {
            bail!(
                "{}: line {} holds record {} where record {count} belongs; cannot resume into this file",
                path.display(),
                count + 1,
                record.seq
            );
        }
        summary.add(&record);
        last_id = Some(record.id.clone());
        count += 1;
        good_end += n as u64;
        if by_domain {
            kept.push(ScanRecord { report: None, ..record });
        }
    }
    drop(reader);
    file.set_len(good_end)?;
    Ok((summary, count, last_id))
}

pub fn scan(args: ScanArgs, checker: Checker) -> Result<ExitCode> {
    let format = match (args.format, &args.out) {
        (Some(f), _) => f,
        (None, Some(out)) if out.extension().is_some_and(|e| e == "parquet") => OutputFormat::Parquet,
        _ => OutputFormat::Jsonl,
    };
    if format == OutputFormat::Parquet {
        bail!(
            "Parquet output is written by the Python package and the Spark example (see the README, \"Scanning \
             many documents\"); this command writes JSONL (--out results.jsonl)"
        );
    }
    let sources = sources::list(&args.inputs, &args.glob)?;
    let stdin_count = sources.iter().filter(|s| **s == Source::Stdin).count();
    if stdin_count > 1 {
        bail!("standard input (-) can be read only once");
    }
    let by_domain = args.by == Some(GroupBy::Domain);
    let mut kept = Vec::new();
    let (mut summary, done, last_id) = match &args.out {
        Some(out) if args.resume && out.exists() => resume_point(out, by_domain, &mut kept)?,
        Some(out) if out.exists() && !args.overwrite => bail!(
            "{} exists: add --resume to continue that scan, or --overwrite to replace it",
            out.display()
        ),
        _ => (Summary::default(), 0, None),
    };
    let mut sink: Box<dyn Write> = match &args.out {
        Some(out) => {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(args.resume)
                .write(true)
                .truncate(!args.resume)
                .open(out)
                .with_context(|| format!("cannot write {}", out.display()))?;
            Box::new(Synced::new(file))
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };

    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("hypecheck-scan-{i}"))
        .build()?;
    let read = Arc::new(AtomicU64::new(0));
    let total = sources::total_bytes(&sources);
    let progress = progress_bar(&args, total, stdin_count > 0);
    let fields = JsonlFields {
        text: args.text_field.clone(),
        id: args.id_field.clone(),
        url: args.url_field.clone(),
    };
    let options = Options {
        max_bytes: args.max_bytes,
        editorial_rule: args.editorial_rule,
        ..Options::default()
    };
    let started = Instant::now();
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(2);
    let reader = {
        let read = read.clone();
        let max_bytes = args.max_bytes;
        std::thread::Builder::new()
            .name("hypecheck-scan-read".into())
            .spawn(move || {
                // The receiver is gone only when writing failed: stop reading.
                hypecheck_scan::read_batches(&sources, &fields, max_bytes, &read, |batch| send.send(batch).is_ok());
            })?
    };

    let mut seq = 0u64;
    let mut write_error = None;
    for batch in receive {
        for record_type in &batch.not_documents {
            summary.not_a_document(record_type);
        }
        let first = seq;
        seq += batch.items.len() as u64;
        // Documents an earlier run already recorded are passed over; the last of them must be
        // the document the earlier run recorded last, or the inputs are not the same.
        let skip = done.saturating_sub(first).min(batch.items.len() as u64) as usize;
        if skip > 0 && first + skip as u64 == done {
            let here = &batch.items[skip - 1].id;
            if Some(here) != last_id.as_ref() {
                drop(progress);
                bail!(
                    "cannot resume: record {} of the earlier scan is {:?}, but the inputs now have {here:?} there; \
                     resume with the same inputs in the same order",
                    done - 1,
                    last_id.unwrap_or_default()
                );
            }
        }
        let records: Vec<ScanRecord> = pool.install(|| {
            batch
                .items
                .into_par_iter()
                .enumerate()
                .skip(skip)
                .map(|(i, item)| analyse(&checker, &options, first + i as u64, item, args.full))
                .collect()
        });
        let mut written = Ok(());
        for r in &records {
            summary.add(r);
            written = written.and_then(|_| {
                serde_json::to_writer(&mut sink, r)?;
                sink.write_all(b"\n")
            });
        }
        if let Err(e) = written.and_then(|_| sink.flush()) {
            write_error = Some(e);
            break;
        }
        if by_domain {
            kept.extend(records.into_iter().map(|r| ScanRecord { report: None, ..r }));
        }
        progress.set_position(read.load(Ordering::Relaxed));
        progress.set_message(format!("{} documents, {} errors", summary.documents, summary.errors));
    }
    let _ = reader.join();
    progress.finish_and_clear();
    if let Some(e) = write_error {
        return Err(e).context("cannot write the records");
    }
    if done > seq {
        bail!(
            "cannot resume: the earlier scan has {done} records but the inputs now have {seq} documents; resume with \
             the same inputs"
        );
    }
    drop(sink);
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let mut err = std::io::stderr().lock();
        if done > 0 {
            writeln!(err, "resumed after {done} records already written")?;
        }
        err.write_all(summary.render(Some(seconds)).as_bytes())?;
        if by_domain {
            writeln!(err)?;
            err.write_all(summary::render_by_domain(&summary::by_domain(&kept)).as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(args: &ScanArgs, total: u64, reads_stdin: bool) -> indicatif::ProgressBar {
    if args.quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = if reads_stdin || total == 0 {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::new(total)
    };
    let template = if reads_stdin || total == 0 {
        "{spinner} {bytes} read, {binary_bytes_per_sec} · {msg}"
    } else {
        "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec}, ETA {eta} · {msg}"
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// A buffered file whose contents are forced to disk at most every [`SYNC_EVERY`] on flush, and
/// always when dropped: what --resume relies on after a power loss.
struct Synced {
    file: std::io::BufWriter<std::fs::File>,
    synced: Instant,
}

impl Synced {
    fn new(file: std::fs::File) -> Synced {
        Synced {
            file: std::io::BufWriter::with_capacity(1 << 20, file),
            synced: Instant::now(),
        }
    }
}

impl Write for Synced {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()?;
        if self.synced.elapsed() >= SYNC_EVERY {
            self.file.get_ref().sync_data()?;
            self.synced = Instant::now();
        }
        Ok(())
    }
}

impl Drop for Synced {
    fn drop(&mut self) {
        if self.file.flush().is_ok() {
            let _ = self.file.get_ref().sync_data();
        }
    }
}
