//! The one error answer the proxy gives itself: `{"error":{"code":"proxy.<name>","message":…}}`.

use std::borrow::Cow;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::upstream::TargetError;

/// A refusal or failure produced by the proxy (never by the upstream).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProxyError {
    status: StatusCode,
    code: &'static str,
    message: Cow<'static, str>,
}

impl ProxyError {
    /// An error with the given status, `proxy.*` code and human-readable message.
    pub const fn new(status: StatusCode, code: &'static str, message: &'static str) -> Self {
        ProxyError {
            status,
            code,
            message: Cow::Borrowed(message),
        }
    }

    /// The HTTP status of the answer.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable `proxy.*` code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The caller's `Origin` is not in the allowlist.
    pub const fn origin_not_allowed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "proxy.origin_not_allowed",
            "this origin may not use the proxy; start it with --allow-origin",
        )
    }

    /// A request without `Origin` that is not a read by a page of an allowed origin on this
    /// proxy's own address.
    pub const fn origin_missing() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "proxy.origin_missing",
            "requests must carry an allowed Origin header",
        )
    }

    /// The `Host` names neither this proxy's address nor an `--allow-host` host.
    pub const fn host_not_served() -> Self {
        Self::new(
            StatusCode::MISDIRECTED_REQUEST,
            "proxy.host_not_served",
            "this proxy does not answer for that Host; start it with --allow-host",
        )
    }

    /// The shared secret header (`--require-header`) is missing or wrong.
    pub const fn secret_required() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "proxy.secret_required",
            "this proxy requires its shared secret header (--require-header)",
        )
    }

    /// A `--serve-dir` path that tries to leave the directory or hides a separator.
    pub const fn bad_path() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "proxy.bad_path",
            "the path has '..' segments, backslashes or encoded separators",
        )
    }

    /// The method is not one the proxy forwards.
    pub const fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "proxy.method_not_allowed",
            "only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are accepted",
        )
    }

    /// The path is neither a proxy target nor a served file.
    pub const fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "proxy.not_found",
            "request {proxy}/{absolute upstream URL}, e.g. /https://iam.myhuaweicloud.com/v3/auth/tokens",
        )
    }

    /// The request body exceeds `--max-body`.
    pub const fn body_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "proxy.body_too_large",
            "the request body is larger than the proxy accepts (--max-body)",
        )
    }

    /// The request body could not be read from the client.
    pub const fn body_unreadable() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "proxy.body_unreadable",
            "the request body could not be read",
        )
    }

    /// The request body did not arrive within `--body-timeout-secs`.
    pub const fn body_timeout() -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "proxy.body_timeout",
            "the request body did not arrive in time (--body-timeout-secs)",
        )
    }

    /// `--max-in-flight` requests are already being forwarded.
    pub const fn busy() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "proxy.busy",
            "too many requests in flight; retry shortly",
        )
    }

    /// The upstream could not be reached or broke the connection.
    pub const fn upstream_unreachable() -> Self {
        Self::new(
            StatusCode::BAD_GATEWAY,
            "proxy.upstream_unreachable",
            "the upstream could not be reached",
        )
    }

    /// The upstream did not answer within `--timeout-secs`.
    pub const fn upstream_timeout() -> Self {
        Self::new(
            StatusCode::GATEWAY_TIMEOUT,
            "proxy.upstream_timeout",
            "the upstream did not answer in time (--timeout-secs)",
        )
    }

    /// The upstream answered with a redirect, which the proxy never passes on: the browser would
    /// follow it, with the request's tokens, wherever it points.
    pub const fn upstream_redirect() -> Self {
        Self::new(
            StatusCode::BAD_GATEWAY,
            "proxy.upstream_redirect",
            "the upstream answered with a redirect; check the endpoint URL",
        )
    }

    /// The upstream URL would not be sent byte for byte (the HTTP client would rewrite it).
    pub const fn not_byte_exact() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "proxy.target_not_verbatim",
            "the upstream URL would be rewritten before sending (dot segments or characters that need percent-encoding)",
        )
    }
}

impl From<TargetError> for ProxyError {
    fn from(error: TargetError) -> Self {
        ProxyError {
            status: StatusCode::FORBIDDEN,
            code: error.code(),
            message: Cow::Owned(error.to_string()),
        }
    }
}

impl IntoResponse for ProxyError {
    fn into_response(self) -> Response {
        let body = json!({ "error": { "code": self.code, "message": self.message } });
        (self.status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    #[tokio::test]
    async fn renders_the_json_envelope_with_its_status() {
        let response = ProxyError::busy().into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = to_bytes(response.into_body(), 4096).await.unwrap();
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["error"]["code"], "proxy.busy");
        assert!(
            value["error"]["message"]
                .as_str()
                .unwrap()
                .contains("in flight")
        );
    }

    #[test]
    fn target_refusals_are_403_with_their_code() {
        let error = ProxyError::from(TargetError::HttpsRequired);
        assert_eq!(error.status(), StatusCode::FORBIDDEN);
        assert_eq!(error.code(), "proxy.https_required");
    }
}
