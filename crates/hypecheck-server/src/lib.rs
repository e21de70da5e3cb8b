//! hypecheck's web app and HTTP API, served by `hypecheck serve`.
//!
//! - `GET /`: the page (paste or drop a text, see the verdicts and the highlighted claims); its
//!   assets live in `assets/` and are embedded in the binary, so it needs no external resource.
//! - `POST /api/v1/check`: the same JSON report as `hypecheck check --format json`.
//! - `POST /api/v1/extract`: the text the spans of a report point into (the visible text of HTML
//!   or Markdown), as `hypecheck extract` prints it.
//! - `GET /api/v1/kb`, `GET /api/v1/kb/{id}`: the knowledge base with its sources.
//! - `GET /api/v1/openapi.json`: the OpenAPI document, generated from the handlers and types.
//! - `GET /healthz`.
//!
//! Limits answer with a JSON error (`{"error": {"status", "code", "message"}}`): body size (413),
//! content type (415), malformed JSON (400), unusable text (422), requests in flight (503) and the
//! request deadline (408 while the body is read, 503 while waiting for or running the analysis),
//! and a request head that cannot be parsed (400, 414, 431).
//! The analysis runs on the blocking pool, at most `max_concurrent_checks` at a time.
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! hypecheck_server::serve(hypecheck_server::Config::default()).await
//! # }
//! ```

mod api;
mod assets;
mod error;
mod head_errors;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use hypecheck_core::Checker;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;

pub use api::{ApiDoc, CheckRequest, ExtractResponse, View};
pub use error::{ApiError, ErrorBody, ErrorDetail};

/// The content security policy of every response: nothing but this server's own files, no inline
/// script or style, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Server settings; [`Config::default`] gives the documented defaults.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on; default `127.0.0.1:8080`.
    pub addr: SocketAddr,
    /// Largest request body accepted, in bytes; default 2 MiB.
    pub max_body_bytes: usize,
    /// Deadline of one request, from its arrival to its answer; default 30 s.
    pub request_timeout: Duration,
    /// Analyses running at once; default the number of CPUs. Further check requests wait (within
    /// their deadline) for a free slot.
    pub max_concurrent_checks: usize,
    /// Requests handled at once; beyond that the server answers 503 at once. Default 128.
    pub max_in_flight: usize,
    /// Open connections; further clients wait in the listen queue. Default 1024.
    pub max_connections: usize,
    /// A client must send a request's headers within this time, or the connection is closed
    /// (idle keep-alive connections too). Default 10 s.
    pub header_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body_bytes: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            max_concurrent_checks: std::thread::available_parallelism().map_or(2, |n| n.get()),
            max_in_flight: 128,
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// What the handlers share: the checker (built once) and the limits.
pub struct AppState {
    checker: Checker,
    config: Config,
    analysis_slots: Arc<Semaphore>,
    /// Slots that large texts may take, fewer than all: a flood of big bodies cannot hold every
    /// analysis slot, so ordinary pages keep being answered at their usual speed.
    large_slots: Arc<Semaphore>,
    in_flight: Arc<Semaphore>,
    /// `GET /api/v1/kb` and the OpenAPI document, serialised once.
    kb_json: axum::body::Bytes,
    openapi_json: axum::body::Bytes,
}

impl AppState {
    pub fn new(config: Config) -> anyhow::Result<AppState> {
        let checker = Checker::new(hypecheck_kb::embedded()).context("cannot set up the checker")?;
        AppState::with_checker(checker, config)
    }

    pub fn with_checker(checker: Checker, config: Config) -> anyhow::Result<AppState> {
        let kb_json = api::kb_json(checker.kb())?.into();
        let openapi_json = api::openapi_json()?.into();
        Ok(AppState {
            analysis_slots: Arc::new(Semaphore::new(config.max_concurrent_checks.max(1))),
            large_slots: Arc::new(Semaphore::new((config.max_concurrent_checks / 2).max(1))),
            in_flight: Arc::new(Semaphore::new(config.max_in_flight.max(1))),
            checker,
            config,
            kb_json,
            openapi_json,
        })
    }

    pub fn checker(&self) -> &Checker {
        &self.checker
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The analysis slots (`max_concurrent_checks` permits); for monitoring and tests.
    pub fn large_slots(&self) -> &Arc<Semaphore> {
        &self.large_slots
    }

    pub fn analysis_slots(&self) -> &Arc<Semaphore> {
        &self.analysis_slots
    }
}

/// The whole application: routes, limits and security headers.
pub fn router(state: Arc<AppState>) -> Router {
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::asset))
        .route("/healthz", get(api::healthz))
        .route("/api/v1/check", post(api::check))
        .route("/api/v1/extract", post(api::extract))
        .route("/api/v1/kb", get(api::kb_list))
        .route("/api/v1/kb/{id}", get(api::kb_entry))
        .route("/api/v1/openapi.json", get(api::openapi))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        // The JSON extractor enforces the size limit itself; this is the ceiling for any body.
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(middleware::from_fn_with_state(state.clone(), limit_in_flight))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(header(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .with_state(state)
}

/// Answers 503 at once when `max_in_flight` requests are being handled already.
async fn limit_in_flight(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    use axum::response::IntoResponse;
    match state.in_flight.clone().try_acquire_owned() {
        Ok(_permit) => next.run(req).await,
        Err(_) => ApiError::busy(format!(
            "the server is handling {} requests already; try again in a moment",
            state.config.max_in_flight
        ))
        .into_response(),
    }
}

/// Binds `config.addr`, serves until SIGTERM or Ctrl-C, then finishes the requests in progress.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let checker = Checker::new(hypecheck_kb::embedded()).context("cannot set up the checker")?;
    serve_with_checker(config, checker).await
}

/// Like [`serve`], with a checker built by the caller (another knowledge base or lexicons).
pub async fn serve_with_checker(config: Config, checker: Checker) -> anyhow::Result<()> {
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr()?;
    let state = Arc::new(AppState::with_checker(checker, config)?);
    eprintln!("hypecheck: serving on http://{addr} (stop with Ctrl-C or SIGTERM)");
    run(listener, state, shutdown_signal()).await?;
    eprintln!("hypecheck: stopped");
    Ok(())
}

/// Builds a multi-threaded runtime and runs [`serve`] on it; for callers without a runtime.
pub fn serve_blocking(config: Config) -> anyhow::Result<()> {
    let checker = Checker::new(hypecheck_kb::embedded()).context("cannot set up the checker")?;
    serve_blocking_with_checker(config, checker)
}

/// Like [`serve_blocking`], with a checker built by the caller.
pub fn serve_blocking_with_checker(config: Config, checker: Checker) -> anyhow::Result<()> {
    // Analyses run on the blocking pool, at most `max_concurrent_checks` at once: a pool of that
    // size whose threads live on, rather than threads made and reaped under load, each of which
    // can take a fresh malloc arena and grow the server's memory for good.
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(config.max_concurrent_checks.max(1) + 2)
        .thread_keep_alive(std::time::Duration::from_secs(3600))
        .build()
        .context("cannot start the async runtime")?
        .block_on(serve_with_checker(config, checker))
}

/// Serves on an already bound listener until `shutdown` completes, then lets the requests in
/// progress finish. Tests bind `127.0.0.1:0` and pass the listener here.
///
/// HTTP/1.1 with hyper: at most `max_connections` connections, each closed when a request's
/// headers do not arrive within `header_timeout`.
pub async fn run(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;

    let app = router(state.clone());
    let connection_slots = Arc::new(Semaphore::new(state.config.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(state.config.header_timeout)
        .keep_alive(true);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = connection_slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    eprintln!("hypecheck: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let conn = http.serve_connection(
            TokioIo::new(head_errors::JsonHeadErrors::new(stream)),
            TowerToHyperService::new(app.clone()),
        );
        let mut stop = stop_rx.clone();
        connections.spawn(async move {
            let _slot = slot;
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stop.wait_for(|stop| *stop) => {}
            }
            // Finish the request in progress, then close.
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        });
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = stop_tx.send(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}

/// Completes on SIGTERM or Ctrl-C (SIGINT).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("hypecheck: shutting down, finishing requests in progress");
}
