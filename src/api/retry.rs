//! When to send a request again. Pure decisions; the transport does the waiting.

use keyturn_core::retry::{Backoff, is_retryable_status};

use super::Idempotency;

/// How long a repeated access-key request may have been signed off the server's clock before a
/// 401 is blamed on the clock and the request is signed again.
pub const SKEW_RESIGN_THRESHOLD_MS: i64 = 60_000;

/// What one attempt ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// An HTTP answer with this status.
    Status(u16),
    /// No answer: the proxy was unreachable or refused by CORS.
    NoAnswer,
}

/// Whether to try again after `attempt`, and after how many milliseconds.
///
/// Only idempotent requests are repeated, only after a throttling or gateway status
/// (429, 502, 503, 504) or no answer at all, and at most `backoff.max_attempts` times in all.
/// `attempts_made` counts the attempts so far (1 after the first); `jitter` is in `[0, 1)`.
pub fn retry_delay(
    attempt: Attempt,
    idempotency: Idempotency,
    attempts_made: u32,
    backoff: &Backoff,
    jitter: f64,
) -> Option<u64> {
    let transient = match attempt {
        Attempt::Status(status) => is_retryable_status(status),
        Attempt::NoAnswer => true,
    };
    (transient && idempotency == Idempotency::Idempotent && backoff.allows_retry(attempts_made))
        .then(|| backoff.delay_ms(attempts_made.saturating_sub(1), jitter))
}

/// Whether an access-key request refused with `status` should be signed again and resent once
/// because the server's `Date` showed the signature used a clock off by more than
/// [`SKEW_RESIGN_THRESHOLD_MS`]. Safe for every request: a refused signature acted on nothing.
pub fn resign_for_skew(status: u16, signed_offset_ms: i64, learned_offset_ms: i64) -> bool {
    status == 401 && (learned_offset_ms - signed_offset_ms).abs() > SKEW_RESIGN_THRESHOLD_MS
}
