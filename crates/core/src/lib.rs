//! Keyturn core: everything that needs no browser.

/// An access key as the console sees it, built from IAM answers.
pub mod access_key;
/// Signing in: the Connect form, the sign-in request, account choice and failure diagnosis.
pub mod connect;
/// Region table and IAM/KMS endpoint URLs, direct or through the CORS proxy.
pub mod endpoints;
/// Error answers of every envelope, and the error type of every call.
pub mod error;
/// Access key ids and user ids, checked where they enter.
pub mod ids;
/// The credential table: rows, filters, sorting, URL form, counts, age histogram and exports.
pub mod inventory;
/// The access key page's model: loading, dialogs, notices and delete risks.
pub mod keys;
/// The KMS page's model: keys and rotation statuses, the table's view, bulk changes and pacing.
pub mod kms;
/// The reducer shape every page model follows.
pub mod model;
/// Paging a long table.
pub mod paging;
/// Rotation policy: a key's age, rotation badge and usage.
pub mod policy;
/// Query strings of the views kept in the address bar.
pub mod query_string;
/// IAM and KMS calls described, prepared and signed, and their answers.
pub mod request;
/// Where one user-started request stands.
pub mod request_state;
/// Which failures to retry, and exponential backoff with full jitter.
pub mod retry;
/// Access key rotation: the wizard's record and steps, reconciliation, plans.
pub mod rotation;
/// Who is signed in and how their requests prove it.
pub mod session;
/// The non-secret settings: config.json, the stored overlay, validation and the form's draft.
pub mod settings;
/// SDK-HMAC-SHA256 request signing and verification.
pub mod signer;
/// Serde types of the IAM and KMS request and response bodies.
pub mod types;
/// Shape checks for KMS key ids, rotation intervals, access key ids and user ids.
pub mod validate;
