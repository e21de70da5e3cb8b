//! The HTTP API: handlers, request and response types, and the OpenAPI document generated from
//! them.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use hypecheck_core::{Cancel, Checker, InputError, InputFormat, Language, Options, Report};
use hypecheck_kb::{Entry, KnowledgeBase, Source};
use serde::{Deserialize, Serialize};
use tokio::time::Instant;
use utoipa::{OpenApi, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::AppState;

/// The OpenAPI document of the API, generated from the handlers and types below.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "hypecheck API",
        description = "Checks a health text for evidence versus hype: four verdicts (evidence, approval, risks, \
            language), a grade and span-level findings with their sources. For information only, not medical advice."
    ),
    paths(check, extract, kb_list, kb_entry, openapi, healthz),
    components(schemas(ErrorBody, CheckRequest, ExtractResponse, View, Health))
)]
pub struct ApiDoc;

/// How the web page presents a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Plain words: the verdicts and the most important findings.
    #[default]
    Beginner,
    /// Every finding with its code, cues, context and full sources.
    Expert,
}

/// A text to check.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    /// The text: plain text, Markdown or HTML (only the visible article text of HTML is analysed).
    pub text: String,
    /// How the text is written; detected when absent or null.
    #[serde(default)]
    pub input_format: Option<InputFormat>,
    /// `beginner` or `expert`. The JSON report is the same for both (as with
    /// `hypecheck check --format json`); the view only changes how the web page shows it.
    #[serde(default)]
    pub view: Option<View>,
    /// Language of the report's messages, `en` or `de`; default: the text's language.
    #[serde(default)]
    pub lang: Option<Language>,
    /// Apply the editorial rule (no dosing, usage or sourcing information) as a publisher's
    /// policy: `compliance.editorial_rule` is then true and `compliance.summary` says whether the
    /// text breaks it. Default false.
    #[serde(default)]
    pub editorial_rule: bool,
}

impl CheckRequest {
    fn options(&self, max_bytes: usize) -> Options {
        Options {
            input_format: self.input_format,
            max_bytes,
            text_language: None,
            report_language: self.lang,
            cancel: None,
            editorial_rule: self.editorial_rule,
            disabled_checks: Vec::new(),
            report_unused_suppressions: false,
            severity_overrides: Vec::new(),
        }
    }
}

/// Stops the analysis it guards when dropped: when the handler returns (a timeout answered) or its
/// future is dropped (the client went away), so no CPU is spent on a result nobody will read.
struct CancelOnDrop(Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// The text that the spans of a report point into.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExtractResponse {
    /// The format the input was read as.
    pub format: InputFormat,
    /// `input` when the text is the input itself (plain text), `extracted_text` for the visible
    /// text of HTML or Markdown.
    pub span_basis: String,
    pub source_bytes: usize,
    pub text_bytes: usize,
    pub warnings: Vec<String>,
    /// The analysed text; report spans are byte offsets into it.
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`
    pub status: String,
    pub version: String,
}

/// The whole knowledge base.
#[derive(Serialize, ToSchema)]
pub struct KbList<'a> {
    pub entries: &'a [Entry],
    /// Every source the entries cite (by id in each fact's `sources`).
    pub sources: &'a [Source],
}

/// One knowledge-base entry with the sources its facts cite.
#[derive(Serialize, ToSchema)]
pub struct KbEntryResponse<'a> {
    pub entry: &'a Entry,
    pub sources: Vec<&'a Source>,
}

fn json_response(status: StatusCode, bytes: impl Into<Bytes>) -> Response {
    let bytes: Bytes = bytes.into();
    (status, [(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// Reads a JSON body within the size limit and the deadline, with a clear error for each way it
/// can go wrong.
async fn read_json<T: serde::de::DeserializeOwned>(
    state: &AppState,
    req: Request,
    deadline: Instant,
) -> Result<T, ApiError> {
    let max = state.config.max_body_bytes;
    let headers: &HeaderMap = req.headers();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let is_json = content_type.as_deref().is_some_and(|ct| {
        let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
    });
    if !is_json {
        let got = match content_type {
            Some(ct) => format!("got {:?}", ct.chars().take(100).collect::<String>()),
            None => "got none".to_string(),
        };
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send the request as JSON with Content-Type: application/json ({got})"),
        )
        .closing());
    }
    // Compressed bodies are not read: decompressing would let a small request grow into a large
    // one, and the limit would measure the wrong thing. Say so rather than "not valid JSON".
    if let Some(encoding) = headers
        .get(header::CONTENT_ENCODING)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e != "identity")
    {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "the body is compressed (Content-Encoding: {}); send it uncompressed",
                encoding.chars().take(40).collect::<String>()
            ),
        )
        .closing());
    }
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the request body is larger than the limit of {}", human_bytes(max)),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large().closing());
    }
    let bytes = match tokio::time::timeout_at(deadline, Bytes::from_request(req, &())).await {
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                format!(
                    "the request body did not arrive within {} s",
                    state.config.request_timeout.as_secs_f64()
                ),
            ))
        }
        Ok(Err(rejection)) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
        Ok(Err(rejection)) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("cannot read the request body: {}", rejection.body_text()),
            ))
        }
        Ok(Ok(bytes)) => bytes,
    };
    if bytes.len() > max {
        return Err(too_large());
    }
    // Parsing megabytes of JSON takes milliseconds: on a worker thread of its own, so that the
    // requests this worker also serves are not held up by it.
    let multi_thread = tokio::runtime::Handle::current().runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread;
    if bytes.len() > LARGE_TEXT_BYTES && multi_thread {
        tokio::task::block_in_place(|| parse_json(&bytes))
    } else {
        parse_json(&bytes)
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // The path names the field at fault: `{"text": [1, 2]}` says "field text: ...".
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(bytes)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // serde_json calls a wrong value for an enum ("lang": 7) a syntax error; valid JSON is not
        // told it is invalid.
        let valid = inner.is_data() || serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok();
        let message = if !valid {
            format!("the body is not valid JSON: {inner}")
        } else if path.is_empty() || path == "." {
            format!("the JSON does not match the request schema: {inner}")
        } else {
            format!("the JSON does not match the request schema: field {path}: {inner}")
        };
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", message)
    })
}

/// A size as people read it, with the exact count: "2 MiB (2,097,152 bytes)".
fn human_bytes(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let (value, unit) = if n >= 1 << 20 {
        (n as f64 / (1u64 << 20) as f64, "MiB")
    } else if n >= 1 << 10 {
        (n as f64 / 1024.0, "KiB")
    } else {
        return format!("{grouped} bytes");
    };
    let value = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    format!("{value} {unit} ({grouped} bytes)")
}

/// Texts above this size are large: at most half the analysis slots run them at once.
const LARGE_TEXT_BYTES: usize = 256 * 1024;

/// Runs `f` on the blocking pool once an analysis slot is free, within the request's deadline.
async fn analyse<T: Send + 'static>(
    state: &Arc<AppState>,
    deadline: Instant,
    text_bytes: usize,
    f: impl FnOnce(&Checker) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let timeout = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the analysis did not finish within {} s; try a shorter text or try again later",
                state.config.request_timeout.as_secs_f64()
            ),
        )
    };
    // A large text first takes one of the few large slots, so large texts never hold them all.
    let large_permit = if text_bytes > LARGE_TEXT_BYTES {
        Some(
            tokio::time::timeout_at(deadline, state.large_slots().clone().acquire_owned())
                .await
                .map_err(|_| timeout())?
                .map_err(|_| ApiError::internal("the server is shutting down"))?,
        )
    } else {
        None
    };
    let permit = tokio::time::timeout_at(deadline, state.analysis_slots.clone().acquire_owned())
        .await
        .map_err(|_| timeout())?
        .map_err(|_| ApiError::internal("the server is shutting down"))?;
    let shared = state.clone();
    // The permits move into the task, so a slot stays taken until the analysis really ends, even
    // when the client has been answered with a timeout. A panic drops `tx`: an internal error.
    let large = large_permit.is_some();
    let (tx, rx) = tokio::sync::oneshot::channel();
    let run = move || {
        let _permits = (permit, large_permit);
        if large {
            lower_this_threads_priority();
        }
        let _ = tx.send(f(&shared.checker));
    };
    if large {
        // A large text runs on a thread of its own in the idle scheduling class: on a busy machine
        // ordinary pages are served first, so a flood of big bodies does not slow them.
        std::thread::Builder::new()
            .name("hypecheck-large".into())
            .spawn(run)
            .map_err(|e| ApiError::internal(format!("cannot start the analysis: {e}")))?;
    } else {
        drop(tokio::task::spawn_blocking(run));
    }
    match tokio::time::timeout_at(deadline, rx).await {
        Err(_) => Err(timeout()),
        Ok(Err(_)) => Err(ApiError::internal("the analysis failed unexpectedly")),
        Ok(Ok(result)) => result,
    }
}

/// Puts the calling thread in Linux's idle scheduling class for the rest of its life (it cannot
/// leave it again without privileges, hence a thread of its own): it runs only on CPU time that
/// nothing else wants, and any ordinary thread that wakes up takes the CPU from it at once. A
/// lower nice value was not enough: on two cores the ordinary requests' p99 still doubled, since
/// a waking thread waited for the nice thread's time slice. Elsewhere a no-op.
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: sched_setscheduler reads `param` during the call only; pid 0 is the calling
        // thread. Failure leaves the thread at normal priority, which is safe.
        unsafe {
            libc::sched_setscheduler(0, libc::SCHED_IDLE, &param);
        }
    }
}

fn input_error(e: InputError) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", e.to_string())
}

fn serialize<T: Serialize>(value: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError::internal(format!("cannot serialise the answer: {e}")))
}

/// Check a text.
///
/// Returns the same report as `hypecheck check --format json`: the grade, the four questions with
/// their verdicts and summaries, compliance, findings with byte spans into the analysed text,
/// claims and the interventions named. For HTML and Markdown the spans point into the extracted
/// text (`input.span_basis` is `extracted_text`), which `POST /api/v1/extract` returns.
#[utoipa::path(
    post,
    path = "/api/v1/check",
    tag = "check",
    request_body(content = CheckRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The report", body = Report, content_type = "application/json"),
        (status = 400, description = "Malformed JSON or a request that does not match the schema", body = ErrorBody),
        (status = 413, description = "Body larger than the limit (default 2 MiB)", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json", body = ErrorBody),
        (status = 422, description = "The text cannot be analysed (empty, binary, no visible text)", body = ErrorBody),
        (status = 408, description = "The body did not arrive within the request timeout", body = ErrorBody),
        (status = 503, description = "Too busy, or the analysis did not finish within the request timeout", body = ErrorBody),
    )
)]
pub async fn check(State(state): State<Arc<AppState>>, req: Request) -> Result<Response, ApiError> {
    let deadline = Instant::now() + state.config.request_timeout;
    let request: CheckRequest = read_json(&state, req, deadline).await?;
    let cancel = Cancel::new();
    let _stop_when_abandoned = CancelOnDrop(cancel.clone());
    let options = Options {
        cancel: Some(cancel),
        ..request.options(state.config.max_body_bytes)
    };
    let bytes = analyse(&state, deadline, request.text.len(), move |checker| {
        let report: Report = checker.check_text(&request.text, &options).map_err(input_error)?;
        serialize(&report)
    })
    .await?;
    Ok(json_response(StatusCode::OK, bytes))
}

/// The analysed text of an input.
///
/// The text that report spans point into: the input itself for plain text, the visible article
/// text for HTML and Markdown (as `hypecheck extract` prints it). Takes the same request as
/// `/api/v1/check`; `view` and `lang` are ignored.
#[utoipa::path(
    post,
    path = "/api/v1/extract",
    tag = "check",
    request_body(content = CheckRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The analysed text", body = ExtractResponse),
        (status = 400, description = "Malformed JSON or a request that does not match the schema", body = ErrorBody),
        (status = 413, description = "Body larger than the limit", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json", body = ErrorBody),
        (status = 422, description = "The text cannot be analysed", body = ErrorBody),
    )
)]
pub async fn extract(State(state): State<Arc<AppState>>, req: Request) -> Result<Response, ApiError> {
    let deadline = Instant::now() + state.config.request_timeout;
    let request: CheckRequest = read_json(&state, req, deadline).await?;
    let max = state.config.max_body_bytes;
    let bytes = analyse(&state, deadline, request.text.len(), move |checker| {
        let ingested =
            hypecheck_core::ingest::ingest(request.text.as_bytes(), request.input_format, max).map_err(input_error)?;
        serialize(&ExtractResponse {
            format: ingested.format,
            span_basis: ingested.span_basis().to_string(),
            source_bytes: ingested.source_bytes,
            text_bytes: ingested.text.len(),
            warnings: ingested
                .warnings
                .iter()
                .map(|w| hypecheck_core::report::warning_text(w, checker.catalog(hypecheck_core::Language::En)))
                .collect(),
            text: ingested.text,
        })
    })
    .await?;
    Ok(json_response(StatusCode::OK, bytes))
}

pub(crate) fn kb_json(kb: &KnowledgeBase) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json::to_vec(&KbList {
        entries: kb.entries(),
        sources: kb.sources(),
    })?)
}

pub(crate) fn openapi_json() -> anyhow::Result<Vec<u8>> {
    Ok(ApiDoc::openapi().to_pretty_json()?.into_bytes())
}

/// The knowledge base.
///
/// Every entry (interventions and conditions with their regulatory status per jurisdiction,
/// approved and promoted uses with the evidence behind them, harms, trials) and every source.
#[utoipa::path(
    get,
    path = "/api/v1/kb",
    tag = "knowledge base",
    responses((status = 200, description = "All entries and sources", body = KbList))
)]
pub async fn kb_list(State(state): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, state.kb_json.clone())
}

/// One knowledge-base entry.
///
/// The entry with the sources its facts cite.
#[utoipa::path(
    get,
    path = "/api/v1/kb/{id}",
    tag = "knowledge base",
    params(("id" = String, Path, description = "Entry id, as in `hypecheck kb list`", example = "exosomes")),
    responses(
        (status = 200, description = "The entry and its sources", body = KbEntryResponse),
        (status = 404, description = "No entry with this id", body = ErrorBody),
    )
)]
pub async fn kb_entry(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let kb = state.checker.kb();
    let entry = kb.entry(&id).ok_or_else(|| {
        let shown: String = id.chars().take(100).collect();
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no knowledge-base entry {shown:?} (GET /api/v1/kb lists them)"),
        )
    })?;
    let mut ids: Vec<&str> = Vec::new();
    let provenances = entry
        .status
        .iter()
        .map(|s| &s.provenance)
        .chain(entry.approved_uses.iter().map(|u| &u.provenance))
        .chain(entry.promoted_for.iter().map(|p| &p.provenance))
        .chain(entry.harms.iter().map(|h| &h.provenance))
        .chain(entry.trials.iter().map(|t| &t.provenance));
    for p in provenances {
        for s in &p.sources {
            if !ids.contains(&s.as_str()) {
                ids.push(s);
            }
        }
    }
    let sources = ids.iter().filter_map(|id| kb.source(id)).collect();
    Ok(json_response(
        StatusCode::OK,
        serialize(&KbEntryResponse { entry, sources })?,
    ))
}

/// This OpenAPI document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn openapi(State(state): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, state.openapi_json.clone())
}

/// Liveness check.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses((status = 200, description = "The server is up", body = Health))
)]
pub async fn healthz() -> Response {
    let health = Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    json_response(StatusCode::OK, serde_json::to_vec(&health).unwrap_or_default())
}
