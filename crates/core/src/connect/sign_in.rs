//! What a person gives to sign in, checked and ready to use.

use std::fmt;

/// The three ways in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignInMethod {
    /// Access key id and secret access key; requests are signed in the browser.
    AkSk,
    /// Account name, IAM user name and password (and an MFA code) exchanged for a token.
    Password,
    /// A pasted token.
    Token,
}

impl SignInMethod {
    /// Every method, in the order the page offers them.
    pub const ALL: [SignInMethod; 3] = [
        SignInMethod::AkSk,
        SignInMethod::Password,
        SignInMethod::Token,
    ];
}

/// A virtual-MFA code and the id of the IAM user it belongs to (the token request names the
/// user by id for the `totp` method).
#[derive(Clone, PartialEq, Eq)]
pub struct MfaCode {
    /// The IAM user's id.
    pub user_id: String,
    /// The six-digit passcode.
    pub passcode: String,
}

/// One of the three ways in. `Debug` never shows the secret key, password, passcode or token.
#[derive(Clone, PartialEq, Eq)]
pub enum SignInRequest {
    /// Requests signed in the browser with an access key.
    AkSk {
        /// Access key id.
        ak: String,
        /// Secret access key.
        sk: String,
        /// Account id, discovered with `GET /v3/auth/domains` when `None`.
        account_id: Option<String>,
    },
    /// An IAM user's password exchanged for a domain-scoped token.
    Password {
        /// Account (domain) name.
        account: String,
        /// IAM user name.
        user: String,
        /// The user's password.
        password: String,
        /// Virtual-MFA code, for users with login protection.
        mfa: Option<MfaCode>,
    },
    /// A domain-scoped token obtained elsewhere.
    Token(String),
}

impl SignInRequest {
    /// Which way in this is.
    pub fn method(&self) -> SignInMethod {
        match self {
            SignInRequest::AkSk { .. } => SignInMethod::AkSk,
            SignInRequest::Password { .. } => SignInMethod::Password,
            SignInRequest::Token(_) => SignInMethod::Token,
        }
    }
}

impl fmt::Debug for MfaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MfaCode")
            .field("user_id", &self.user_id)
            .field("passcode", &"<redacted>")
            .finish()
    }
}

impl fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInRequest::AkSk { ak, account_id, .. } => f
                .debug_struct("AkSk")
                .field("ak", ak)
                .field("sk", &"<redacted>")
                .field("account_id", account_id)
                .finish(),
            SignInRequest::Password {
                account, user, mfa, ..
            } => f
                .debug_struct("Password")
                .field("account", account)
                .field("user", user)
                .field("password", &"<redacted>")
                .field("mfa", mfa)
                .finish(),
            SignInRequest::Token(_) => f.debug_tuple("Token").field(&"<redacted>").finish(),
        }
    }
}
