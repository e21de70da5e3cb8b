//! JSON errors: every failure answers `{"error": {"status", "code", "message"}}`.

use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// An error answer of the API.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// The request's body was left unread, so the connection cannot carry another request: the
    /// answer says `Connection: close` rather than leaving the client to find out.
    pub close_connection: bool,
}

/// The body of every error answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status code, repeated.
    pub status: u16,
    /// A stable machine-readable code: `bad_request`, `invalid_json`, `unsupported_media_type`,
    /// `payload_too_large`, `invalid_input`, `not_found`, `method_not_allowed`, `timeout`,
    /// `busy`, `internal`; for a request head that cannot be read, `bad_request`,
    /// `headers_too_large` or `uri_too_long`.
    pub code: String,
    /// What went wrong, for a person.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            close_connection: false,
        }
    }

    /// The same error, answered with `Connection: close` (the body was not read).
    pub fn closing(self) -> ApiError {
        ApiError {
            close_connection: true,
            ..self
        }
    }

    pub fn busy(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                code: self.code.to_string(),
                message: self.message,
            },
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_else(|_| b"{\"error\":{}}".to_vec());
        let mut res = (self.status, [(header::CONTENT_TYPE, "application/json")], bytes).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            res.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        if self.close_connection {
            res.headers_mut()
                .insert(header::CONNECTION, header::HeaderValue::from_static("close"));
        }
        res
    }
}

pub async fn not_found(uri: Uri) -> ApiError {
    let path: String = uri.path().chars().take(200).collect();
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no such page or endpoint: {path} (see /api/v1/openapi.json)"),
    )
}

pub async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    let path: String = uri.path().chars().take(200).collect();
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on {path} (see /api/v1/openapi.json)"),
    )
}
