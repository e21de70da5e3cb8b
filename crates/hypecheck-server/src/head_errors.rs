//! JSON answers for request heads that hyper cannot parse.
//!
//! A request whose head is broken (a header value with control bytes, a request line that is not
//! HTTP, a head over hyper's size limit, a URI too long) never reaches a handler: hyper answers it
//! itself with `400`, `431` or `414`, `connection: close` and an empty body. Clients of the API
//! expect the same `{"error": {...}}` body as for every other error, so [`JsonHeadErrors`] wraps
//! the connection's stream and writes that body in place of hyper's empty answer. It recognises
//! the answer by its exact opening (status line, `connection: close`, `content-length: 0`), which
//! no handler of this server produces: every handler's error carries a JSON body.

use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use axum::http::StatusCode;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::error::{ErrorBody, ErrorDetail};
use crate::CONTENT_SECURITY_POLICY;

/// The automatic answers of hyper's HTTP/1 server, their stable error code and message.
const AUTOMATIC_ANSWERS: [(StatusCode, &str, &str); 3] = [
    (
        StatusCode::BAD_REQUEST,
        "bad_request",
        "the request's head could not be read: its request line or a header is malformed (a \
         header value may hold control characters, which HTTP does not allow)",
    ),
    (
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        "headers_too_large",
        "the request's headers are too large",
    ),
    (
        StatusCode::URI_TOO_LONG,
        "uri_too_long",
        "the request's URI is too long",
    ),
];

/// A connection's stream whose automatic parse-error answers get a JSON body.
pub struct JsonHeadErrors<S> {
    inner: S,
    /// Our answer, still to be written, and how much of it is written.
    replacement: Option<(Vec<u8>, usize)>,
}

impl<S> JsonHeadErrors<S> {
    pub fn new(inner: S) -> JsonHeadErrors<S> {
        JsonHeadErrors {
            inner,
            replacement: None,
        }
    }
}

/// The JSON answer that replaces `head` when `head` is one of hyper's automatic answers.
fn replacement_for(head: &[u8]) -> Option<Vec<u8>> {
    let (status, code, message) = AUTOMATIC_ANSWERS.iter().find(|(status, ..)| {
        let reason = status.canonical_reason().unwrap_or("");
        let opening = format!(
            "HTTP/1.1 {} {reason}\r\nconnection: close\r\ncontent-length: 0\r\n",
            status.as_u16()
        );
        head.starts_with(opening.as_bytes())
    })?;
    let body = serde_json::to_vec(&ErrorBody {
        error: ErrorDetail {
            status: status.as_u16(),
            code: (*code).to_string(),
            message: (*message).to_string(),
        },
    })
    .ok()?;
    let mut answer = format!(
        "HTTP/1.1 {} {}\r\nconnection: close\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nx-content-type-options: nosniff\r\n\
         content-security-policy: {CONTENT_SECURITY_POLICY}\r\n\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(&body);
    Some(answer)
}

impl<S: AsyncWrite + Unpin> JsonHeadErrors<S> {
    /// Writes what is left of the replacement answer.
    fn poll_drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((answer, written)) = &mut self.replacement {
            if *written == answer.len() {
                break;
            }
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &answer[*written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *written += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for JsonHeadErrors<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for JsonHeadErrors<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.replacement.is_some() {
            // After the automatic answer hyper closes; anything more is swallowed with it.
            ready!(this.poll_drain(cx))?;
            return Poll::Ready(Ok(buf.len()));
        }
        if let Some(answer) = replacement_for(buf) {
            this.replacement = Some((answer, 0));
            // hyper's answer counts as written; ours goes out now or on flush.
            let _ = this.poll_drain(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_drain(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_drain(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    // Not vectored, so that hyper writes each response head in one buffer that can be recognised.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hypers_automatic_answers_are_replaced_with_json() {
        let answer =
            replacement_for(b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\ndate: x\r\n\r\n")
                .unwrap();
        let text = String::from_utf8(answer).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{head}");
        assert!(head.contains(&format!("content-length: {}", body.len())), "{head}");
        let json: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(json["error"]["code"], "bad_request");
        assert!(replacement_for(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\n"
        )
        .is_some());
    }

    #[test]
    fn handler_answers_pass_untouched() {
        // An API error of a handler: same status, but a body, so not hyper's automatic answer.
        assert!(replacement_for(
            b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 57\r\n\r\n"
        )
        .is_none());
        assert!(replacement_for(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
    }
}
