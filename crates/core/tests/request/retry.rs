//! Which attempts are repeated and after how long, and when a 401 is signed again.

use keyturn_core::request::Idempotency;
use keyturn_core::retry::{
    AttemptResult, Backoff, SKEW_RESIGN_THRESHOLD_MS, is_retryable_status, resign_for_skew,
    retry_delay,
};

const NEAR_ONE: f64 = 0.999_999_999;

#[test]
fn only_idempotent_requests_are_retried_and_only_on_transient_failures() {
    let backoff = Backoff::default();
    let idem = Idempotency::Idempotent;
    for status in [429, 502, 503, 504] {
        assert!(is_retryable_status(status));
        assert_eq!(
            retry_delay(AttemptResult::Status(status), idem, 1, &backoff, 0.5),
            Some(150),
            "{status}"
        );
        assert_eq!(
            retry_delay(
                AttemptResult::Status(status),
                Idempotency::NotIdempotent,
                1,
                &backoff,
                0.5
            ),
            None,
            "{status} on a non-idempotent request"
        );
    }
    for status in [200, 201, 204, 400, 401, 403, 404, 409, 500, 501, 505] {
        assert_eq!(
            retry_delay(AttemptResult::Status(status), idem, 1, &backoff, 0.5),
            None,
            "{status}"
        );
    }
    assert_eq!(
        retry_delay(
            AttemptResult::NoAnswer,
            Idempotency::NotIdempotent,
            1,
            &backoff,
            0.5
        ),
        None,
        "a lost answer may have acted"
    );
}

#[test]
fn waits_double_and_attempts_are_bounded() {
    let backoff = Backoff::default();
    let idem = Idempotency::Idempotent;
    let waits: Vec<Option<u64>> = (1..=5)
        .map(|made| retry_delay(AttemptResult::NoAnswer, idem, made, &backoff, NEAR_ONE))
        .collect();
    assert_eq!(
        waits,
        [Some(299), Some(599), Some(1199), None, None],
        "four attempts in all"
    );
    assert_eq!(
        retry_delay(AttemptResult::Status(503), idem, 2, &backoff, 0.0),
        Some(0)
    );
}

#[test]
fn no_attempt_made_yet_counts_like_the_first() {
    assert_eq!(
        retry_delay(
            AttemptResult::NoAnswer,
            Idempotency::Idempotent,
            0,
            &Backoff::default(),
            NEAR_ONE
        ),
        Some(299)
    );
}

#[test]
fn the_policy_bounds_are_the_backoffs() {
    let quick = Backoff {
        base_ms: 1,
        max_ms: 2,
        max_attempts: 3,
    };
    let idem = Idempotency::Idempotent;
    let waits: Vec<Option<u64>> = (1..=3)
        .map(|made| retry_delay(AttemptResult::Status(429), idem, made, &quick, NEAR_ONE))
        .collect();
    assert_eq!(waits, [Some(0), Some(1), None]);
    let once = Backoff {
        max_attempts: 1,
        ..Backoff::default()
    };
    assert_eq!(
        retry_delay(AttemptResult::NoAnswer, idem, 1, &once, 0.5),
        None,
        "a single attempt is never repeated"
    );
}

#[test]
fn jitter_outside_its_range_is_clamped() {
    let backoff = Backoff::default();
    let idem = Idempotency::Idempotent;
    for (jitter, wait) in [(-3.0, 0), (f64::NAN, 0), (2.0, 300), (f64::INFINITY, 300)] {
        assert_eq!(
            retry_delay(AttemptResult::NoAnswer, idem, 1, &backoff, jitter),
            Some(wait),
            "{jitter}"
        );
    }
}

#[test]
fn a_401_is_resigned_only_when_the_clock_was_off() {
    assert_eq!(SKEW_RESIGN_THRESHOLD_MS, 60_000);
    let far = SKEW_RESIGN_THRESHOLD_MS + 1;
    assert!(resign_for_skew(401, 0, far));
    assert!(resign_for_skew(401, 0, -far));
    assert!(resign_for_skew(401, far, 0));
    assert!(resign_for_skew(401, -far, 0));
    assert!(resign_for_skew(401, 10_000, 10_000 + far));
    assert!(!resign_for_skew(401, 0, SKEW_RESIGN_THRESHOLD_MS));
    assert!(!resign_for_skew(401, 0, -SKEW_RESIGN_THRESHOLD_MS));
    assert!(
        !resign_for_skew(401, far, far),
        "already signed with the learned offset"
    );
    assert!(!resign_for_skew(403, 0, far));
    assert!(!resign_for_skew(200, 0, far));
    assert!(!resign_for_skew(429, 0, far));
}
