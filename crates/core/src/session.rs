//! Who is signed in, to which account, and how their requests prove it.

use std::fmt;

use crate::request::Auth;

/// The signed-in identity. Lives in memory only: nothing here is ever stored, and a reload
/// signs out. `Debug` never shows the secret key or the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Session {
    /// How requests are authenticated: an access key (with `domain_id` set for IAM) or a
    /// domain-scoped token.
    pub auth: Auth,
    /// The IAM endpoint in force at sign-in (settings override or the region's).
    pub iam_endpoint: String,
    /// The account (domain) id.
    pub domain_id: String,
    /// The account (domain) name, when known.
    pub domain_name: Option<String>,
    /// The signed-in IAM user's id; empty when a pasted token's user could not be identified.
    pub user_id: String,
    /// The signed-in IAM user's name; empty when a pasted token's user could not be identified.
    pub user_name: String,
}

impl Session {
    /// The account as shown to people: its name, else its id.
    pub fn account_label(&self) -> &str {
        self.domain_name.as_deref().unwrap_or(&self.domain_id)
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("auth", &self.auth)
            .field("iam_endpoint", &self.iam_endpoint)
            .field("domain_id", &self.domain_id)
            .field("domain_name", &self.domain_name)
            .field("user_id", &self.user_id)
            .field("user_name", &self.user_name)
            .finish()
    }
}
