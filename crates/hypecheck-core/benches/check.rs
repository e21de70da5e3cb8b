//! Throughput of the whole analysis (ingest to report) over a corpus of the shipped fixtures and
//! the origin article, repeated to at least 10 MB. Run: `cargo bench -p hypecheck-core`.
//! `HYPECHECK_BENCH_CORPUS=DIR` reads the documents from DIR instead, so that two commits can be
//! compared on the same texts.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hypecheck_core::{Checker, Options};

fn corpus() -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs: Vec<Vec<u8>> = Vec::new();
    let dirs: Vec<std::path::PathBuf> = match std::env::var_os("HYPECHECK_BENCH_CORPUS") {
        Some(dir) => vec![dir.into()],
        None => vec![root.join("tests/fixtures"), root.join("examples")],
    };
    for dir in dirs {
        for entry in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
            let p = entry.path();
            if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html"))
                && p.file_name().unwrap() != "README.md"
            {
                docs.push(std::fs::read(&p).unwrap());
            }
        }
    }
    let one_round: usize = docs.iter().map(Vec::len).sum();
    let rounds = (10 * 1024 * 1024) / one_round + 1;
    let mut out = Vec::new();
    for _ in 0..rounds {
        out.extend(docs.iter().cloned());
    }
    out
}

fn bench_check(c: &mut Criterion) {
    let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
    let docs = corpus();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let options = Options::default();
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("corpus_{}_docs_{}_bytes", docs.len(), bytes), |b| {
        b.iter(|| {
            let mut findings = 0;
            for d in &docs {
                findings += checker.check_bytes(d, &options).map(|r| r.findings.len()).unwrap_or(0);
            }
            findings
        })
    });
    // The same corpus with the rules alone (`hypecheck check --rules`): the cost of the models.
    let rules_only = Checker::new(hypecheck_kb::embedded())
        .unwrap()
        .with_models(hypecheck_core::learn::Models::default());
    group.bench_function(format!("corpus_rules_only_{}_docs", docs.len()), |b| {
        b.iter(|| {
            let mut findings = 0;
            for d in &docs {
                findings += rules_only
                    .check_bytes(d, &options)
                    .map(|r| r.findings.len())
                    .unwrap_or(0);
            }
            findings
        })
    });
    // One long document: the same bytes as a single text, to show scaling within a document.
    let long: Vec<u8> = docs
        .iter()
        .filter(|d| !d.starts_with(b"<"))
        .flat_map(|d| d.iter().copied().chain(*b"\n\n"))
        .collect();
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function(format!("single_text_{}_bytes", long.len()), |b| {
        b.iter(|| {
            checker
                .check_bytes(
                    &long,
                    &Options {
                        max_bytes: usize::MAX,
                        ..Options::default()
                    },
                )
                .map(|r| r.findings.len())
        })
    });
    // The single Aho-Corasick pass alone, for comparison with the whole analysis.
    let lexicon = hypecheck_core::lexicon::Lexicon::embedded("en").unwrap();
    let matcher = hypecheck_core::lexicon::Matcher::new(&lexicon, checker.kb());
    let text = String::from_utf8(long.clone()).unwrap();
    group.bench_function(format!("match_only_{}_bytes", text.len()), |b| {
        b.iter(|| matcher.find(&text).len())
    });
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
