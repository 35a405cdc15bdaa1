//! Who is signed in, to which account, and how their requests prove it.

use std::fmt;
use std::rc::Rc;

use crate::model::Model;
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
    /// The signed-in IAM user's id.
    pub user_id: String,
    /// The signed-in IAM user's name.
    pub user_name: String,
    /// Project-scoped tokens for KMS, one per region: from a password sign-in, or exchanged
    /// for the session's token later (an access key signs KMS calls itself and needs none).
    pub project_tokens: Vec<ProjectToken>,
}

/// A token scoped to one region's project: what KMS calls carry in a token session (password or
/// pasted). `Debug` never shows the token.
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

    /// The same session holding `token`, in place of any token it held for that region.
    pub fn with_project_token(mut self, token: ProjectToken) -> Self {
        self.project_tokens
            .retain(|held| held.region != token.region);
        self.project_tokens.push(token);
        self
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

/// The session in force, if any: the app's one copy, changed only by [`SessionAction`]s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionState(pub Option<Rc<Session>>);

/// What happens to the session in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionAction {
    /// Puts a session in force, replacing any other.
    SignIn(Session),
    /// Forgets the session and its secrets.
    SignOut,
    /// Adds a project token obtained for the session signed in with `auth`; dropped when that
    /// session is no longer in force (signed out, or replaced by another sign-in).
    AddProjectToken {
        /// The credentials of the session the token was obtained for.
        auth: Auth,
        /// The token.
        token: ProjectToken,
    },
}

impl Model for SessionState {
    type Action = SessionAction;

    fn apply(&mut self, action: SessionAction) -> bool {
        match action {
            SessionAction::SignIn(session) => {
                self.0 = Some(Rc::new(session));
                true
            }
            SessionAction::SignOut => self.0.take().is_some(),
            SessionAction::AddProjectToken { auth, token } => match &self.0 {
                Some(current) if current.auth == auth => {
                    let session = Session::clone(current).with_project_token(token);
                    self.0 = Some(Rc::new(session));
                    true
                }
                _ => false,
            },
        }
    }
}
