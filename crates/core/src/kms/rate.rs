//! Spacing KMS calls so that a long run (1,000 status reads, a bulk change) stays under a
//! number of requests per second, and backs off when the gateway throttles (429 `APIGW.0308`).
//! Pure: the caller passes the time and does the waiting.

use std::collections::VecDeque;

/// Requests a second KMS allows each user (docs/api.md, "KMS: request rate"). Answers arrive
/// with varying delays, so a run that must never be throttled asks for somewhat fewer.
pub const KMS_REQUESTS_PER_SECOND: u32 = 20;

/// The first pause after a throttling answer without a hint, in milliseconds.
pub const THROTTLE_BACKOFF_BASE_MS: u64 = 1_000;

/// The longest pause after throttling answers without a hint, in milliseconds.
pub const THROTTLE_BACKOFF_MAX_MS: u64 = 30_000;

/// Hands out send times at a fixed spacing of `ceil(1000 / per_second)` ms, so that any second
/// holds at most `per_second` of them.
///
/// Ask [`RateLimiter::next_delay_ms`] right before each send: a slot handed out is not
/// recalled by a later throttle.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RateLimiter {
    spacing_ms: u64,
    /// The earliest time the next request may go.
    next_slot_ms: u64,
    /// Throttling answers since the last success.
    throttles: u32,
    /// The most requests in any second.
    per_second: usize,
    /// When the requests of the last second went, oldest first.
    sent: VecDeque<u64>,
}

impl RateLimiter {
    /// At most `per_second` requests in any second (at least 1).
    pub fn new(per_second: u32) -> Self {
        Self {
            spacing_ms: 1_000u64.div_ceil(u64::from(per_second.max(1))),
            next_slot_ms: 0,
            throttles: 0,
            per_second: usize::try_from(per_second.max(1)).unwrap_or(usize::MAX),
            sent: VecDeque::new(),
        }
    }

    /// The milliseconds between two requests.
    pub fn spacing_ms(&self) -> u64 {
        self.spacing_ms
    }

    /// Takes the next slot: how long to wait from `now_ms` before sending (0 when the
    /// request may go now).
    pub fn next_delay_ms(&mut self, now_ms: u64) -> u64 {
        let slot = self.next_slot_ms.max(now_ms);
        self.next_slot_ms = slot.saturating_add(self.spacing_ms);
        slot - now_ms
    }

    /// Right before sending at `now_ms` (after the slot's wait): 0 when fewer than `per_second`
    /// requests went in the last second, and the send is recorded; else how long to wait before
    /// asking again. A page that stalled (timers firing late, together) then still sends no
    /// more than `per_second` in any second.
    pub fn send_now(&mut self, now_ms: u64) -> u64 {
        while self
            .sent
            .front()
            .is_some_and(|&at| at.saturating_add(1_000) <= now_ms)
        {
            self.sent.pop_front();
        }
        match self.sent.front() {
            Some(&oldest) if self.sent.len() >= self.per_second => {
                oldest.saturating_add(1_000) - now_ms
            }
            _ => {
                self.sent.push_back(now_ms);
                0
            }
        }
    }

    /// A request was throttled at `now_ms`: no slot starts before `now_ms + retry_after_ms`
    /// when the gateway gave a hint, else before an exponential backoff
    /// ([`THROTTLE_BACKOFF_BASE_MS`] doubling per throttle since the last success, up to
    /// [`THROTTLE_BACKOFF_MAX_MS`]).
    pub fn after_throttle(&mut self, now_ms: u64, retry_after_ms: Option<u64>) {
        let pause = retry_after_ms.unwrap_or_else(|| {
            2u64.checked_pow(self.throttles)
                .map_or(u64::MAX, |factor| {
                    THROTTLE_BACKOFF_BASE_MS.saturating_mul(factor)
                })
                .min(THROTTLE_BACKOFF_MAX_MS)
        });
        self.throttles = self.throttles.saturating_add(1);
        self.next_slot_ms = self.next_slot_ms.max(now_ms.saturating_add(pause));
    }

    /// A request went through: the next throttle backs off from [`THROTTLE_BACKOFF_BASE_MS`]
    /// again.
    pub fn after_success(&mut self) {
        self.throttles = 0;
    }
}
