//! Error answers in the three envelopes the real services use (docs/api.md, "Error bodies").

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::gateway::RequestId;

/// An error answer; each variant renders one envelope byte-for-byte like the real service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// IAM (Keystone style): `{"error":{"code":400,"message":"…","title":"Bad Request","error_msg":null,"error_code":null}}`.
    Keystone { status: StatusCode, message: String },
    /// KMS: `{"error":{"error_code":"KMS.0205","error_msg":"…"}}`.
    Kms {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
    /// API gateway (flat): `{"error_msg":"…","error_code":"APIGW.0301","request_id":"…"}`.
    Gateway {
        status: StatusCode,
        code: &'static str,
        message: String,
        request_id: String,
    },
}

impl ApiError {
    /// A Keystone-style IAM error.
    pub fn keystone(status: StatusCode, message: impl Into<String>) -> Self {
        Self::Keystone {
            status,
            message: message.into(),
        }
    }

    /// A KMS error with HTTP 400, the status of every documented KMS parameter/state error
    /// (docs/api.md, "Error codes").
    pub fn kms(code: &'static str, message: impl Into<String>) -> Self {
        Self::kms_status(StatusCode::BAD_REQUEST, code, message)
    }

    /// A KMS error with an explicit status.
    pub fn kms_status(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self::Kms {
            status,
            code,
            message: message.into(),
        }
    }

    /// A gateway error carrying the request id of the answer.
    pub fn gateway(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        request_id: &RequestId,
    ) -> Self {
        Self::Gateway {
            status,
            code,
            message: message.into(),
            request_id: request_id.as_str().to_owned(),
        }
    }

    /// The gateway's 401 `APIGW.0301` "Incorrect IAM authentication information: {reason}".
    pub fn unauthenticated(reason: &str, request_id: &RequestId) -> Self {
        Self::gateway(
            StatusCode::UNAUTHORIZED,
            "APIGW.0301",
            format!("Incorrect IAM authentication information: {reason}"),
            request_id,
        )
    }

    /// The gateway's 401 `APIGW.0303` for an `X-Sdk-Date` outside the 15-minute window.
    pub fn request_expired(request_id: &RequestId) -> Self {
        Self::gateway(
            StatusCode::UNAUTHORIZED,
            "APIGW.0303",
            "Incorrect app authentication information: the X-Sdk-Date of the request is more \
             than 15 minutes away from the server time",
            request_id,
        )
    }

    /// The gateway's 429 `APIGW.0308` "The throttling threshold has been reached" (docs/api.md,
    /// "Error codes"), naming the per-second `limit` that was exceeded.
    pub fn throttled(limit: u32, request_id: &RequestId) -> Self {
        Self::gateway(
            StatusCode::TOO_MANY_REQUESTS,
            "APIGW.0308",
            format!(
                "The throttling threshold has been reached: policy user over ratelimit, \
                 limit:{limit}, time:1 second"
            ),
            request_id,
        )
    }

    /// The HTTP status of this answer.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Keystone { status, .. }
            | Self::Kms { status, .. }
            | Self::Gateway { status, .. } => *status,
        }
    }

    /// The JSON body of this answer, keys in the order the real services write them.
    pub fn body(&self) -> String {
        let body = match self {
            Self::Keystone { status, message } => serde_json::to_string(&KeystoneBody {
                error: KeystoneError {
                    code: status.as_u16(),
                    message,
                    title: status.canonical_reason().unwrap_or("Error"),
                    error_msg: None,
                    error_code: None,
                },
            }),
            Self::Kms { code, message, .. } => serde_json::to_string(&KmsBody {
                error: KmsError {
                    error_code: code,
                    error_msg: message,
                },
            }),
            Self::Gateway {
                code,
                message,
                request_id,
                ..
            } => serde_json::to_string(&GatewayBody {
                error_msg: message,
                error_code: code,
                request_id,
            }),
        };
        body.expect("error bodies serialize")
    }
}

#[derive(Serialize)]
struct KeystoneBody<'a> {
    error: KeystoneError<'a>,
}

#[derive(Serialize)]
struct KeystoneError<'a> {
    code: u16,
    message: &'a str,
    title: &'a str,
    error_msg: Option<&'a str>,
    error_code: Option<&'a str>,
}

#[derive(Serialize)]
struct KmsBody<'a> {
    error: KmsError<'a>,
}

#[derive(Serialize)]
struct KmsError<'a> {
    error_code: &'a str,
    error_msg: &'a str,
}

#[derive(Serialize)]
struct GatewayBody<'a> {
    error_msg: &'a str,
    error_code: &'a str,
    request_id: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status(),
            [(header::CONTENT_TYPE, "application/json")],
            self.body(),
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystone_quota_body_is_the_documented_one() {
        let error = ApiError::keystone(StatusCode::BAD_REQUEST, "akSkNumExceed");
        assert_eq!(
            error.body(),
            r#"{"error":{"code":400,"message":"akSkNumExceed","title":"Bad Request","error_msg":null,"error_code":null}}"#
        );
    }

    #[test]
    fn kms_body_wraps_code_and_message() {
        let error = ApiError::kms("KMS.0205", "Invalid key_id");
        assert_eq!(error.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            error.body(),
            r#"{"error":{"error_code":"KMS.0205","error_msg":"Invalid key_id"}}"#
        );
    }

    #[test]
    fn gateway_body_is_flat_with_request_id() {
        let rid = RequestId::new("078d8acc403c245ea4aa7c2d6991fdf3".into());
        let error = ApiError::unauthenticated("verify aksk signature fail", &rid);
        assert_eq!(error.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            error.body(),
            concat!(
                r#"{"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","#,
                r#""error_code":"APIGW.0301","request_id":"078d8acc403c245ea4aa7c2d6991fdf3"}"#
            )
        );
    }
}
