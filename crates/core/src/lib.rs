//! Keyturn core: everything that needs no browser.

/// Error answers of every envelope, and the error type of every call.
pub mod error;
/// SDK-HMAC-SHA256 request signing and verification.
pub mod signer;
/// Shape checks for KMS key ids, rotation intervals, access key ids and user ids.
pub mod validate;
