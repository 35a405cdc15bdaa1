//! Where the Connect page stands: nothing tried, working, refused, connected or failed.

use crate::error::{ApiError, Error};

use super::{AdminStatus, Diagnosis, SignInFailure};

/// A clock offset at least this large (milliseconds, either way) is mentioned: smaller ones are
/// the `Date` header's one-second resolution and network delay.
pub const NOTABLE_CLOCK_OFFSET_MS: i64 = 5_000;

/// What a failed call left to show besides the plain-words explanation.
#[derive(Clone, Debug, PartialEq)]
pub enum FailureDetail {
    /// The service's (or proxy's) error answer: status, code, message, request id.
    Service(ApiError),
    /// What the browser or the answer's reader reported, for calls without an error answer.
    Report(String),
    /// Nothing more is known.
    None,
}

impl FailureDetail {
    /// What `failure` leaves to show.
    pub fn of(failure: &SignInFailure) -> Self {
        match failure {
            SignInFailure::Call(Error::Api(error)) => FailureDetail::Service(error.clone()),
            SignInFailure::Call(Error::Network(report) | Error::Decode(report)) => {
                FailureDetail::Report(report.clone())
            }
            _ => FailureDetail::None,
        }
    }
}

/// Where the Connect page stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectStatus {
    /// Nothing tried yet.
    Idle,
    /// Signing in.
    SigningIn,
    /// Testing the connection.
    Testing,
    /// The form was refused before sending.
    Invalid,
    /// The credentials work.
    Connected {
        /// IAM user name.
        user: String,
        /// Account name or id.
        account: String,
        /// Whether the user administers the account.
        admin: AdminStatus,
        /// The browser's clock offset from the server's, in milliseconds.
        clock_offset_ms: i64,
    },
    /// The connection failed.
    Failed {
        /// The explanation.
        diagnosis: Diagnosis,
        /// The service's answer or the browser's report.
        detail: FailureDetail,
        /// The browser's clock offset from the server's, in milliseconds.
        clock_offset_ms: i64,
    },
}

/// Whether a clock offset is large enough to mention.
pub fn is_notable_offset(offset_ms: i64) -> bool {
    offset_ms.unsigned_abs() >= NOTABLE_CLOCK_OFFSET_MS.unsigned_abs()
}
