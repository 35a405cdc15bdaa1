//! Whether a failed write's answer tells what happened.

use crate::error::Error;

/// True when a failed write may still have been applied: no answer (a timeout, a dropped
/// connection, a cancelled page) or a gateway or server error (5xx). The user's keys must be
/// read again before anything else. A 4xx answer is clear: nothing changed.
pub fn is_unclear(error: &Error) -> bool {
    match error {
        Error::Api(refusal) => refusal.status >= 500,
        Error::Network(_) | Error::Cancelled | Error::Decode(_) => true,
        Error::NoProjectToken(_) | Error::NoProject(_) | Error::Invalid(_) | Error::Sign(_) => {
            false
        }
    }
}
