//! The API gateway in front of every service: request ids, common headers, access log, unknown APIs.

use std::time::Instant;

use axum::Extension;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::errors::ApiError;
use crate::ids;

/// The id of one request, sent back as `X-Request-Id` and in gateway error bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(String);

impl RequestId {
    /// Wraps an id.
    pub fn new(id: String) -> Self {
        Self(id)
    }

    /// The id text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Headers the real gateway adds to every answer (see the recorded KMS traffic).
const COMMON_HEADERS: [(&str, &str); 5] = [
    ("server", "api-gateway"),
    ("x-content-type-options", "nosniff"),
    ("x-download-options", "noopen"),
    ("x-frame-options", "SAMEORIGIN"),
    ("x-xss-protection", "1; mode=block;"),
];

/// Gives the request an id, then stamps `X-Request-Id` (and `X-IAM-Trace-Id` on IAM paths) and the
/// gateway's common headers on the answer, and writes one access-log line to stderr.
pub async fn front(mut request: Request, next: Next) -> Response {
    let id = RequestId::new(ids::hex_id(&mut rand::rng()));
    request.extensions_mut().insert(id.clone());
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();

    let mut response = next.run(request).await;

    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        headers.insert("x-request-id", value.clone());
        if is_iam_path(&path) {
            headers.insert("x-iam-trace-id", value);
        }
    }
    for (name, value) in COMMON_HEADERS {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    tracing::info!(
        request_id = id.as_str(),
        %method,
        path,
        status = response.status().as_u16(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "answered"
    );
    response
}

/// Whether a path belongs to IAM (`/v3/…`, `/v3.0/…`).
pub fn is_iam_path(path: &str) -> bool {
    path.starts_with("/v3/") || path.starts_with("/v3.0/")
}

/// The gateway's answer for a path or method no API serves: 404 `APIGW.0101`.
pub async fn api_not_found(Extension(id): Extension<RequestId>) -> ApiError {
    ApiError::gateway(
        StatusCode::NOT_FOUND,
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
        &id,
    )
}
