//! The web page's files, embedded at build time: the page works without any external resource.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

pub const INDEX_HTML: &str = include_str!("../assets/index.html");
pub const APP_JS: &str = include_str!("../assets/app.js");
pub const APP_CSS: &str = include_str!("../assets/app.css");
pub const MESSAGES_EN: &str = include_str!("../assets/messages.en.json");
pub const MESSAGES_DE: &str = include_str!("../assets/messages.de.json");
pub const FAVICON_SVG: &str = include_str!("../assets/favicon.svg");

/// Every embedded asset: name under `/assets/`, content type, content.
pub const ASSETS: &[(&str, &str, &str)] = &[
    ("app.js", "text/javascript; charset=utf-8", APP_JS),
    ("app.css", "text/css; charset=utf-8", APP_CSS),
    ("messages.en.json", "application/json", MESSAGES_EN),
    ("messages.de.json", "application/json", MESSAGES_DE),
    ("favicon.svg", "image/svg+xml", FAVICON_SVG),
];

fn file(content_type: &'static str, body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

pub async fn index() -> Response {
    file("text/html; charset=utf-8", INDEX_HTML)
}

pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => file(content_type, body),
        None => {
            let shown: String = name.chars().take(100).collect();
            ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no asset {shown:?}")).into_response()
        }
    }
}
