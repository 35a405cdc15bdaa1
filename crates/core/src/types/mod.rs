//! Every body is `Serialize` to its exact wire form and `Deserialize` from what the services send;
//! unknown fields are ignored.

/// Permanent access keys, IAM v3.0 `OS-CREDENTIAL`.
pub mod credential;
/// Accounts (domains), projects and users.
pub mod directory;
/// KMS key listing and rotation.
pub mod kms;
/// Serde helpers for fields whose JSON type varies.
pub mod lenient;
/// Password sign-in for a token.
pub mod token;
