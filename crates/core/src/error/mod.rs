//! [`ApiError`](crate::error::ApiError) reads every error envelope; [`Error`](crate::error::Error)
//! is what any Keyturn call can fail with.

mod api;

pub use api::{ApiError, html_page_summary};

use crate::signer::SignError;
use crate::validate::ValidationError;

/// Why a call to IAM or KMS failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The service answered with an error status.
    #[error("{0}")]
    Api(#[from] ApiError),
    /// The request never got an answer (proxy unreachable, CORS refusal, connection reset, …).
    #[error("no answer: {0}")]
    Network(String),
    /// The page cancelled the request (it went away, or a newer request replaced it).
    #[error("request cancelled")]
    Cancelled,
    /// KMS needs a token scoped to the region's project, and the session has none for it (a
    /// password sign-in gets one for the region selected at the time).
    #[error("no token for the project of region {0}")]
    NoProjectToken(String),
    /// IAM names no single project for the region.
    #[error("no project for region {0}")]
    NoProject(String),
    /// An answer arrived but could not be read.
    #[error("unreadable answer: {0}")]
    Decode(String),
    /// An input was refused before sending.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The request could not be signed.
    #[error(transparent)]
    Sign(#[from] SignError),
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::Decode(err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_variant_explains_itself() {
        let api = ApiError::from_response(
            401,
            r#"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail"}"#,
            Some("rid"),
        );
        assert_eq!(
            Error::from(api).to_string(),
            "APIGW.0301: verify aksk signature fail (HTTP 401, request id rid)"
        );
        assert_eq!(
            Error::Network("proxy unreachable".into()).to_string(),
            "no answer: proxy unreachable"
        );
        assert_eq!(
            Error::from(ValidationError::KmsKeyId).to_string(),
            ValidationError::KmsKeyId.to_string()
        );
        assert_eq!(
            Error::from(SignError::EmptyKey).to_string(),
            SignError::EmptyKey.to_string()
        );
    }

    #[test]
    fn json_errors_become_decode_errors() {
        let err = serde_json::from_str::<u32>("\"x\"").unwrap_err();
        assert!(matches!(Error::from(err), Error::Decode(m) if m.contains("expected u32")));
    }
}
