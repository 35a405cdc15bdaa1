//! How a request proves who sends it.

use std::fmt;

/// Credentials for one request. Secrets never appear in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// Sign with SDK-HMAC-SHA256. `domain_id` is sent as `X-Domain-Id` (IAM, a global service),
    /// `project_id` as `X-Project-Id` (KMS, a project service); set the one the call needs.
    AkSk {
        /// Access key id (not secret; shown in the console).
        ak: String,
        /// Secret access key.
        sk: String,
        /// Account (domain) id for IAM calls.
        domain_id: Option<String>,
        /// Project id for KMS calls.
        project_id: Option<String>,
    },
    /// Send an IAM token as `X-Auth-Token`.
    Token(String),
    /// No credentials: only `POST /v3/auth/tokens` uses it (the password in its body is the
    /// credential).
    None,
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::AkSk {
                ak,
                domain_id,
                project_id,
                ..
            } => f
                .debug_struct("AkSk")
                .field("ak", ak)
                .field("sk", &"<redacted>")
                .field("domain_id", domain_id)
                .field("project_id", project_id)
                .finish(),
            Auth::Token(_) => f.debug_tuple("Token").field(&"<redacted>").finish(),
            Auth::None => f.write_str("None"),
        }
    }
}
