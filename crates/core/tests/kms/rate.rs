//! Pacing KMS calls.

use keyturn_core::kms::{
    KMS_REQUESTS_PER_SECOND, RateLimiter, THROTTLE_BACKOFF_BASE_MS, THROTTLE_BACKOFF_MAX_MS,
};

/// The send times of `n` requests all asked for at `now`.
fn send_times(limiter: &mut RateLimiter, now: u64, n: usize) -> Vec<u64> {
    (0..n).map(|_| now + limiter.next_delay_ms(now)).collect()
}

#[test]
fn requests_are_spaced_to_stay_under_the_rate() {
    let mut limiter = RateLimiter::new(10);
    assert_eq!(limiter.spacing_ms(), 100);
    assert_eq!(
        send_times(&mut limiter, 5_000, 4),
        [5_000, 5_100, 5_200, 5_300]
    );
    // Asked later than the next slot: it goes at once.
    assert_eq!(limiter.next_delay_ms(9_000), 0);
    assert_eq!(limiter.next_delay_ms(9_050), 50);

    for per_second in [1, 3, 7, 10, KMS_REQUESTS_PER_SECOND, 30, 1_000] {
        let mut limiter = RateLimiter::new(per_second);
        let times = send_times(&mut limiter, 0, 3 * per_second as usize + 5);
        for (at, &start) in times.iter().enumerate() {
            let in_window = times[at..]
                .iter()
                .take_while(|&&t| t < start + 1_000)
                .count();
            assert!(
                in_window <= per_second as usize,
                "{per_second}/s: {in_window}"
            );
        }
    }
    assert_eq!(
        RateLimiter::new(0).spacing_ms(),
        1_000,
        "at least one a second"
    );
    assert_eq!(RateLimiter::new(3).spacing_ms(), 334);
    assert_eq!(RateLimiter::new(KMS_REQUESTS_PER_SECOND).spacing_ms(), 50);
}

#[test]
fn a_throttle_with_a_hint_waits_as_told() {
    let mut limiter = RateLimiter::new(10);
    limiter.next_delay_ms(1_000);
    limiter.after_throttle(1_050, Some(2_000));
    assert_eq!(limiter.next_delay_ms(1_060), 1_990);
    assert_eq!(limiter.next_delay_ms(1_060), 2_090);
    // A hint never pulls the next slot earlier.
    limiter.after_throttle(1_070, Some(10));
    assert_eq!(limiter.next_delay_ms(1_070), 2_180);
}

#[test]
fn throttles_without_a_hint_back_off_exponentially_until_a_success() {
    let mut limiter = RateLimiter::new(10);
    let mut pauses = Vec::new();
    let mut now = 0;
    for _ in 0..7 {
        limiter.after_throttle(now, None);
        let delay = limiter.next_delay_ms(now);
        pauses.push(delay);
        now += delay;
    }
    assert_eq!(
        pauses,
        [
            1_000,
            2_000,
            4_000,
            8_000,
            16_000,
            THROTTLE_BACKOFF_MAX_MS,
            THROTTLE_BACKOFF_MAX_MS
        ]
    );
    limiter.after_success();
    limiter.after_throttle(now, None);
    assert_eq!(limiter.next_delay_ms(now), THROTTLE_BACKOFF_BASE_MS);
    // Very many throttles never overflow.
    for _ in 0..100 {
        limiter.after_throttle(u64::MAX - 10, None);
    }
    assert_eq!(limiter.next_delay_ms(u64::MAX - 10), 10);
}

#[test]
fn a_stalled_page_still_sends_no_more_than_the_rate_in_any_second() {
    let mut limiter = RateLimiter::new(5);
    // Five slots were handed out, then the page stalled and every timer fired at 2_000.
    for _ in 0..5 {
        limiter.next_delay_ms(0);
    }
    let sends: Vec<u64> = (0..5).map(|_| limiter.send_now(2_000)).collect();
    assert_eq!(sends, [0, 0, 0, 0, 0]);
    assert_eq!(
        limiter.send_now(2_000),
        1_000,
        "a sixth waits for the oldest to leave the second"
    );
    assert_eq!(limiter.send_now(2_999), 1);
    assert_eq!(limiter.send_now(3_000), 0);
}
