//! Why signing or verifying a request failed.

/// Failure to sign or verify an SDK-HMAC-SHA256 request.
///
/// Messages never contain the secret key or a signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The access key id or the secret key is empty.
    #[error("the access key id and the secret key must not be empty")]
    EmptyKey,
    /// A header that must be signed is absent from the request.
    #[error("the request has no {0} header")]
    MissingHeader(String),
    /// A header appears more than once, so its signed value is ambiguous.
    #[error("the request has more than one {0} header")]
    DuplicateHeader(String),
    /// The `X-Sdk-Date` value is not of the form `20191115T033655Z`.
    #[error("X-Sdk-Date {0:?} is not a UTC time of the form 20191115T033655Z")]
    InvalidDate(String),
    /// The Authorization header does not list `x-sdk-date` among its signed headers.
    #[error("x-sdk-date is not among the signed headers")]
    DateNotSigned,
    /// The Authorization header cannot be read.
    #[error("malformed Authorization header: {0}")]
    MalformedAuthorization(&'static str),
    /// The signature does not match the request.
    #[error("the signature does not match the request")]
    SignatureMismatch,
}
