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
    /// Project-scoped tokens for KMS, one per region, obtained at a password sign-in (an
    /// access key signs KMS calls itself and needs none).
    pub project_tokens: Vec<ProjectToken>,
}

/// A token scoped to one region's project: what KMS calls carry when the session signed in
/// with a password. `Debug` never shows the token.
#[derive(Clone, PartialEq, Eq)]
pub struct ProjectToken {
    /// The region, e.g. `cn-north-4` (its project has the same name).
    pub region: String,
    /// The project's id.
    pub project_id: String,
    /// The `X-Subject-Token` value.
    pub token: String,
}

impl fmt::Debug for ProjectToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectToken")
            .field("region", &self.region)
            .field("project_id", &self.project_id)
            .field("token", &"<redacted>")
            .finish()
    }
}

impl Session {
    /// The project token for `region`, if the session holds one.
    pub fn project_token(&self, region: &str) -> Option<&ProjectToken> {
        self.project_tokens.iter().find(|t| t.region == region)
    }

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
            .field("project_tokens", &self.project_tokens)
            .finish()
    }
}
