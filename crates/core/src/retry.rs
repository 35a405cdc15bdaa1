//! When to send a request again: which failures are transient, exponential backoff with full
//! jitter, and re-signing after a clock correction. Pure decisions; the transport does the waiting.

use serde::{Deserialize, Serialize};

use crate::request::Idempotency;

/// True for statuses that a later identical request may pass: 429, 502, 503 and 504.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

/// Exponential backoff with full jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backoff {
    /// Longest wait before the first retry, in milliseconds.
    pub base_ms: u64,
    /// Cap on any single wait, in milliseconds.
    pub max_ms: u64,
    /// Most attempts in all, the first one included.
    pub max_attempts: u32,
}

impl Default for Backoff {
    /// 300 ms doubling up to 5 s, four attempts in all.
    fn default() -> Self {
        Self {
            base_ms: 300,
            max_ms: 5_000,
            max_attempts: 4,
        }
    }
}

impl Backoff {
    /// Milliseconds to wait before the next attempt: `jitter × min(max_ms, base_ms × 2^attempt)`.
    ///
    /// `attempt` counts the retries already made (0 before the first retry); `jitter` is a
    /// uniform random number in `[0, 1)` supplied by the caller (clamped; NaN counts as 0).
    pub fn delay_ms(&self, attempt: u32, jitter: f64) -> u64 {
        let ceiling = 2u64
            .checked_pow(attempt)
            .map_or(u64::MAX, |factor| self.base_ms.saturating_mul(factor))
            .min(self.max_ms);
        let jitter = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        (ceiling as f64 * jitter).floor() as u64
    }

    /// True if another attempt may follow `attempts_made` attempts.
    pub fn allows_retry(&self, attempts_made: u32) -> bool {
        attempts_made < self.max_attempts
    }
}

/// How long a repeated access-key request may have been signed off the server's clock before a
/// 401 is blamed on the clock and the request is signed again.
pub const SKEW_RESIGN_THRESHOLD_MS: i64 = 60_000;

/// What one attempt ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttemptResult {
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
    attempt: AttemptResult,
    idempotency: Idempotency,
    attempts_made: u32,
    backoff: &Backoff,
    jitter: f64,
) -> Option<u64> {
    let transient = match attempt {
        AttemptResult::Status(status) => is_retryable_status(status),
        AttemptResult::NoAnswer => true,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_statuses() {
        for status in [429, 502, 503, 504] {
            assert!(is_retryable_status(status), "{status}");
        }
        for status in [200, 201, 204, 400, 401, 403, 404, 409, 500, 501, 505] {
            assert!(!is_retryable_status(status), "{status}");
        }
    }

    #[test]
    fn default_policy() {
        assert_eq!(
            Backoff::default(),
            Backoff {
                base_ms: 300,
                max_ms: 5000,
                max_attempts: 4
            }
        );
    }

    #[test]
    fn ceiling_doubles_then_caps() {
        let b = Backoff::default();
        let near_one = 0.999_999_999;
        let ceilings: Vec<u64> = (0..7).map(|a| b.delay_ms(a, near_one)).collect();
        assert_eq!(ceilings, [299, 599, 1199, 2399, 4799, 4999, 4999]);
        assert_eq!(b.delay_ms(u32::MAX, near_one), 4999);
    }

    #[test]
    fn jitter_scales_the_wait() {
        let b = Backoff::default();
        assert_eq!(b.delay_ms(0, 0.0), 0);
        assert_eq!(b.delay_ms(0, 0.5), 150);
        assert_eq!(b.delay_ms(2, 0.25), 300);
        assert_eq!(b.delay_ms(2, -1.0), 0);
        assert_eq!(b.delay_ms(2, 7.0), 1200);
        assert_eq!(b.delay_ms(2, f64::NAN), 0);
    }

    #[test]
    fn huge_bases_saturate_instead_of_overflowing() {
        let b = Backoff {
            base_ms: u64::MAX / 2,
            max_ms: u64::MAX,
            max_attempts: 2,
        };
        assert!(b.delay_ms(5, 0.5) > 0);
    }

    #[test]
    fn attempts_are_bounded() {
        let b = Backoff::default();
        assert!(b.allows_retry(1));
        assert!(b.allows_retry(3));
        assert!(!b.allows_retry(4));
        assert!(!b.allows_retry(5));
    }
}
