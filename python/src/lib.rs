//! The Python package's native module, `hypecheck._hypecheck`: the core checker behind a
//! `Checker` class. Reports cross into Python as the JSON report (parsed by Python's `json`), so a
//! Python user gets exactly what `hypecheck check --format json` prints; many texts are checked
//! in parallel with the GIL released.

use hypecheck_core::{Checker as CoreChecker, InputFormat, Language, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;

create_exception!(
    _hypecheck,
    InputError,
    PyValueError,
    "A text hypecheck cannot analyse (empty, binary, not UTF-8, too large); `kind` names the problem."
);

/// A text from Python: `str` as UTF-8, `bytes` as they are (the checker detects encodings).
fn text_bytes(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = value.downcast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = value.downcast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "a text must be str or bytes, not {}",
        value.get_type().name()?
    )))
}

fn parse_language(value: Option<&str>, what: &str) -> PyResult<Option<Language>> {
    match value {
        None | Some("auto") => Ok(None),
        Some(code) => code
            .parse::<Language>()
            .map(Some)
            .map_err(|_| PyValueError::new_err(format!("{what} must be \"en\", \"de\" or None, not {code:?}"))),
    }
}

fn parse_format(value: Option<&str>) -> PyResult<Option<InputFormat>> {
    match value {
        None => Ok(None),
        Some("text") => Ok(Some(InputFormat::Text)),
        Some("markdown") => Ok(Some(InputFormat::Markdown)),
        Some("html") => Ok(Some(InputFormat::Html)),
        Some(other) => Err(PyValueError::new_err(format!(
            "input_format must be \"text\", \"markdown\", \"html\" or None, not {other:?}"
        ))),
    }
}

fn json_loads(py: Python<'_>, json: &str) -> PyResult<PyObject> {
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}

fn input_error(py: Python<'_>, kind: &str, message: &str) -> PyErr {
    let err = InputError::new_err(message.to_string());
    let _ = err.value(py).setattr("kind", kind);
    err
}

/// A reusable checker: the knowledge base, lexicons and models loaded once.
#[pyclass(frozen, module = "hypecheck")]
struct Checker {
    core: CoreChecker,
    options: Options,
    pool: rayon::ThreadPool,
    tier: &'static str,
}

impl Checker {
    fn options(&self, lang: Option<&str>, input_format: Option<&str>) -> PyResult<Options> {
        Ok(Options {
            text_language: parse_language(lang, "lang")?.or(self.options.text_language),
            input_format: parse_format(input_format)?,
            ..self.options.clone()
        })
    }
}

#[pymethods]
impl Checker {
    /// `tier`: "fast" (rules and the shipped learned models) or "rules" (named cues only).
    /// `report_lang`: the language of the report's words ("en", "de"; default: the text's).
    /// `editorial_rule`: report dosing, usage and sourcing information as breaking the rule.
    /// `jobs`: threads for `check_many` and `scan` (default: the number of CPUs).
    #[new]
    #[pyo3(signature = (tier = "fast", *, report_lang = None, editorial_rule = false, max_bytes = 16 * 1024 * 1024, jobs = None))]
    fn new(
        tier: &str,
        report_lang: Option<&str>,
        editorial_rule: bool,
        max_bytes: usize,
        jobs: Option<usize>,
    ) -> PyResult<Checker> {
        let kb = hypecheck_kb::embedded();
        let (core, tier) = match tier {
            "fast" => (CoreChecker::new(kb), "fast"),
            "rules" => (CoreChecker::rules_only(kb, Vec::new()), "rules"),
            "deep" => {
                return Err(PyValueError::new_err(
                    "the deep tier runs from the command line (hypecheck check --deep); the Python package offers \
                     \"fast\" and \"rules\"",
                ))
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "tier must be \"fast\" or \"rules\", not {other:?}"
                )))
            }
        };
        let core = core.map_err(|e| PyValueError::new_err(e.to_string()))?;
        let mut pool = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("hypecheck-{i}"));
        if let Some(jobs) = jobs {
            pool = pool.num_threads(jobs.max(1));
        }
        Ok(Checker {
            core,
            options: Options {
                report_language: parse_language(report_lang, "report_lang")?,
                editorial_rule,
                max_bytes,
                ..Options::default()
            },
            pool: pool.build().map_err(|e| PyValueError::new_err(e.to_string()))?,
            tier,
        })
    }

    /// The JSON report of one text, as a dict. Raises `InputError` for a text that cannot be
    /// analysed.
    #[pyo3(signature = (text, lang = None, input_format = None))]
    fn check(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        lang: Option<&str>,
        input_format: Option<&str>,
    ) -> PyResult<PyObject> {
        let bytes = text_bytes(text)?;
        let options = self.options(lang, input_format)?;
        let result = py.allow_threads(|| {
            self.core
                .check_bytes(&bytes, &options)
                .map(|r| serde_json::to_string(&r).expect("a report serialises"))
                .map_err(|e| (e.kind(), e.to_string()))
        });
        match result {
            Ok(json) => json_loads(py, &json),
            Err((kind, message)) => Err(input_error(py, kind, &message)),
        }
    }

    /// The reports of many texts, in order, checked in parallel with the GIL released. A text
    /// that cannot be analysed gives `{"error": {"kind": ..., "message": ...}}` in its place, so
    /// that every text has an answer.
    #[pyo3(signature = (texts, lang = None, input_format = None))]
    fn check_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        lang: Option<&str>,
        input_format: Option<&str>,
    ) -> PyResult<Vec<PyObject>> {
        let inputs: Vec<Vec<u8>> = texts.try_iter()?.map(|t| text_bytes(&t?)).collect::<PyResult<_>>()?;
        let options = self.options(lang, input_format)?;
        let results: Vec<String> = py.allow_threads(|| {
            self.pool.install(|| {
                inputs
                    .par_iter()
                    .map(|bytes| match self.core.check_bytes(bytes, &options) {
                        Ok(report) => serde_json::to_string(&report).expect("a report serialises"),
                        Err(e) => {
                            serde_json::json!({"error": {"kind": e.kind(), "message": e.to_string()}}).to_string()
                        }
                    })
                    .collect()
            })
        });
        results.iter().map(|json| json_loads(py, json)).collect()
    }

    /// One flat record per document, with the columns of `hypecheck scan` (seq, id, url,
    /// domain, status, error_kind, error, grade, score, the four verdicts, compliance_found,
    /// criteria, findings, ...), checked in parallel with the GIL released. A document is a str
    /// or bytes (its id is its place in the list), or a dict with the fields named by
    /// `text_field`, `id_field` and `url_field`; one that cannot be read gives an error record.
    /// `start` numbers the records (`seq`) from that value.
    #[pyo3(signature = (documents, *, text_field = "text", id_field = "id", url_field = "url", input_format = None, lang = None, full = false, start = 0))]
    #[allow(clippy::too_many_arguments)]
    fn scan(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        text_field: &str,
        id_field: &str,
        url_field: &str,
        input_format: Option<&str>,
        lang: Option<&str>,
        full: bool,
        start: u64,
    ) -> PyResult<Vec<PyObject>> {
        let options = self.options(lang, input_format)?;
        let mut items = Vec::new();
        for (i, document) in documents.try_iter()?.enumerate() {
            let document = document?;
            let seq = start + i as u64;
            let place = seq.to_string();
            let (id, url, content) = match document.downcast::<PyDict>() {
                Ok(dict) => {
                    let field = |name: &str| -> PyResult<Option<String>> {
                        match dict.get_item(name)? {
                            None => Ok(None),
                            Some(v) if v.is_none() => Ok(None),
                            Some(v) => Ok(Some(v.str()?.to_string())),
                        }
                    };
                    let content = match dict.get_item(text_field)? {
                        None => Err(format!("the document has no field {text_field:?}")),
                        Some(v) => text_bytes(&v).map_err(|_| format!("the field {text_field:?} is not str or bytes")),
                    };
                    (field(id_field)?, field(url_field)?, content)
                }
                Err(_) => (None, None, text_bytes(&document).map_err(|e| e.to_string())),
            };
            let item = hypecheck_scan::Item {
                id: id.unwrap_or_else(|| place.clone()),
                source: place,
                url,
                content: content
                    .map(|bytes| hypecheck_scan::sources::Content {
                        bytes,
                        format: options.input_format,
                    })
                    .map_err(|message| hypecheck_scan::sources::Unreadable::new("document", message)),
            };
            items.push((seq, item));
        }
        let records: Vec<String> = py.allow_threads(|| {
            self.pool.install(|| {
                items
                    .into_par_iter()
                    .map(|(seq, item)| {
                        let record = hypecheck_scan::analyse(&self.core, &options, seq, item, full);
                        serde_json::to_string(&record).expect("a record serialises")
                    })
                    .collect()
            })
        });
        records.iter().map(|json| json_loads(py, json)).collect()
    }

    /// The records of files as `hypecheck scan` reads them (files, directories, JSONL, WARC/WET,
    /// gzip or not), one per document, in the same order and with the same ids and sources, as
    /// an iterator: documents are read on a thread of their own and checked in batches in
    /// parallel, so that a file of any size is scanned in bounded memory. `seq` counts from 0.
    #[pyo3(signature = (paths, *, text_field = "text", id_field = "id", url_field = "url", glob = Vec::new(), full = false))]
    #[allow(clippy::too_many_arguments)]
    fn scan_files(
        slf: Bound<'_, Self>,
        paths: Vec<String>,
        text_field: &str,
        id_field: &str,
        url_field: &str,
        glob: Vec<String>,
        full: bool,
    ) -> PyResult<Records> {
        if paths.iter().any(|p| p == "-") {
            return Err(PyValueError::new_err(
                "scan_files reads files; pass texts to scan() instead of \"-\"",
            ));
        }
        let sources = hypecheck_scan::list(&paths, &glob).map_err(|e| PyValueError::new_err(format!("{e:#}")))?;
        let checker = slf.get();
        let fields = hypecheck_scan::JsonlFields {
            text: text_field.into(),
            id: id_field.into(),
            url: url_field.into(),
        };
        let max_bytes = checker.options.max_bytes;
        let not_documents = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<hypecheck_scan::Item>>(2);
        let counter = not_documents.clone();
        std::thread::Builder::new()
            .name("hypecheck-read".into())
            .spawn(move || {
                let progress = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
                hypecheck_scan::read_batches(&sources, &fields, max_bytes, &progress, |batch| {
                    counter.fetch_add(batch.not_documents.len() as u64, std::sync::atomic::Ordering::Relaxed);
                    // The iterator was dropped: stop reading.
                    send.send(batch.items).is_ok()
                });
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Records {
            checker: slf.unbind(),
            batches: std::sync::Mutex::new(receive),
            ready: std::collections::VecDeque::new(),
            seq: 0,
            full,
            not_documents,
        })
    }

    /// "fast" or "rules".
    #[getter]
    fn tier(&self) -> &'static str {
        self.tier
    }

    fn __repr__(&self) -> String {
        format!("hypecheck.Checker(tier={:?})", self.tier)
    }
}

/// The records of a [`Checker::scan_files`], as they are read and checked.
#[pyclass(module = "hypecheck")]
struct Records {
    checker: Py<Checker>,
    batches: std::sync::Mutex<std::sync::mpsc::Receiver<Vec<hypecheck_scan::Item>>>,
    ready: std::collections::VecDeque<String>,
    seq: u64,
    full: bool,
    not_documents: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        while self.ready.is_empty() {
            let checker = self.checker.get();
            let (first, full) = (self.seq, self.full);
            let batches = &self.batches;
            let records: Option<Vec<String>> = py.allow_threads(|| {
                let batch = batches.lock().expect("one reader").recv().ok()?;
                Some(checker.pool.install(|| {
                    batch
                        .into_par_iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let record =
                                hypecheck_scan::analyse(&checker.core, &checker.options, first + i as u64, item, full);
                            serde_json::to_string(&record).expect("a record serialises")
                        })
                        .collect()
                }))
            });
            let Some(records) = records else { return Ok(None) };
            self.seq += records.len() as u64;
            self.ready.extend(records);
        }
        let json = self.ready.pop_front().expect("a record is ready");
        json_loads(py, &json).map(Some)
    }

    /// WARC records read so far that are not documents (requests, metadata, warcinfo).
    #[getter]
    fn not_documents(&self) -> u64 {
        self.not_documents.load(std::sync::atomic::Ordering::Relaxed)
    }
}

#[pymodule]
fn _hypecheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Checker>()?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
