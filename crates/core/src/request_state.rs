//! Where one user-started request stands, instead of a `busy` flag beside an `error`.

use crate::error::Error;

/// The state of the request a dialog or form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum RequestState {
    /// Nothing sent, or the last request was answered and its result shown elsewhere.
    #[default]
    Idle,
    /// Sent; the answer is awaited.
    Pending,
    /// The last attempt failed; the form stays as it was.
    Failed(Error),
}

impl RequestState {
    /// True while the answer is awaited.
    pub fn is_pending(&self) -> bool {
        matches!(self, RequestState::Pending)
    }

    /// The last failure, if the last attempt failed.
    pub fn error(&self) -> Option<&Error> {
        match self {
            RequestState::Failed(error) => Some(error),
            _ => None,
        }
    }
}
