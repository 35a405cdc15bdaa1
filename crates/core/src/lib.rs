//! Keyturn core: everything that needs no browser.

/// An access key as the console sees it, built from IAM answers.
pub mod access_key;
/// Region table and IAM/KMS endpoint URLs, direct or through the CORS proxy.
pub mod endpoints;
/// Error answers of every envelope, and the error type of every call.
pub mod error;
/// The credential table: rows, filters, sorting, URL form, counts, age histogram and exports.
pub mod inventory;
/// Rotation policy: a key's age, rotation badge and usage.
pub mod policy;
/// Which failures to retry, and exponential backoff with full jitter.
pub mod retry;
/// SDK-HMAC-SHA256 request signing and verification.
pub mod signer;
/// Serde types of the IAM and KMS request and response bodies.
pub mod types;
/// Shape checks for KMS key ids, rotation intervals, access key ids and user ids.
pub mod validate;
