//! How a sign-in ended: the user's standing in the account, or why it failed.

use crate::error::Error;

/// Whether the signed-in user may list the account's users (`GET /v3/users`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminStatus {
    /// The user list answered: every user's keys are visible.
    Administrator,
    /// The user list answered 403: only the user's own keys are visible.
    NotAdministrator,
    /// The user list failed otherwise; the access key page will find out.
    Unknown,
}

impl AdminStatus {
    /// The standing that the user list's answer shows.
    pub fn from_user_list<T>(answer: &Result<T, Error>) -> Self {
        match answer {
            Ok(_) => AdminStatus::Administrator,
            Err(Error::Api(error)) if error.status == 403 => AdminStatus::NotAdministrator,
            Err(_) => AdminStatus::Unknown,
        }
    }
}

/// Why a sign-in failed.
#[derive(Clone, Debug, PartialEq)]
pub enum SignInFailure {
    /// A call failed.
    Call(Error),
    /// The account id given is not the account the access key belongs to.
    AccountMismatch {
        /// The id typed.
        given: String,
        /// The account the key belongs to.
        actual: String,
    },
    /// The service named no account for the credentials.
    NoAccount,
}

impl From<Error> for SignInFailure {
    fn from(error: Error) -> Self {
        SignInFailure::Call(error)
    }
}
