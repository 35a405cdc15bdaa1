//! `ClockOffset`: the server's time learned from `Date` answers, shared by every clone.

use chrono::{DateTime, TimeDelta, Utc};
use keyturn_core::request::{
    ApiRequest, ClockOffset, Idempotency, MAX_CLOCK_OFFSET_MS, Method, prepare,
};

use crate::fixture::{PROXY, aksk};

fn server_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc2822("Sat, 01 Mar 2025 12:20:00 GMT")
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_offset_starts_at_zero() {
    let clock = ClockOffset::default();
    assert_eq!(clock.offset_ms(), 0);
    let local = server_time();
    assert_eq!(clock.at(local), local);
}

#[test]
fn the_offset_comes_from_the_date_header_and_is_shared() {
    let clock = ClockOffset::default();
    let shared = clock.clone();
    let local = server_time() - TimeDelta::minutes(20);
    clock.learn("Sat, 01 Mar 2025 12:20:00 GMT", local);
    assert_eq!(shared.offset_ms(), 20 * 60 * 1000);
    assert_eq!(shared.at(local), server_time());
    clock.learn("yesterday", local);
    clock.learn("", local);
    assert_eq!(shared.offset_ms(), 20 * 60 * 1000, "junk is ignored");
}

#[test]
fn a_browser_ahead_of_the_server_gets_a_negative_offset() {
    let clock = ClockOffset::default();
    clock.learn(
        " Sat, 01 Mar 2025 12:20:00 GMT ",
        server_time() + TimeDelta::seconds(90),
    );
    assert_eq!(clock.offset_ms(), -90_000);
}

#[test]
fn the_latest_answer_wins() {
    let clock = ClockOffset::default();
    let local = server_time();
    clock.learn("Sat, 01 Mar 2025 12:25:00 GMT", local);
    clock.learn("Sat, 01 Mar 2025 12:20:01 GMT", local);
    assert_eq!(clock.offset_ms(), 1_000);
}

#[test]
fn requests_are_signed_at_the_servers_time() {
    let clock = ClockOffset::default();
    let local = server_time() - TimeDelta::minutes(20);
    clock.learn("Sat, 01 Mar 2025 12:20:00 GMT", local);
    let request = ApiRequest::new(
        Method::Get,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/domains",
        Idempotency::Idempotent,
    );
    let prepared = prepare(&request, &aksk(None, None), PROXY, clock.at(local)).unwrap();
    assert_eq!(prepared.header("x-sdk-date"), Some("20250301T122000Z"));
}

#[test]
fn now_is_the_browsers_time_moved_by_the_offset() {
    let clock = ClockOffset::default();
    clock.learn(
        "Sat, 01 Mar 2025 12:20:00 GMT",
        server_time() - TimeDelta::hours(1),
    );
    assert_eq!(clock.offset_ms(), 3_600_000);
    let gap = clock.now() - (Utc::now() + TimeDelta::hours(1));
    assert!(gap.num_seconds().abs() < 5, "{gap}");
}

/// `Date` values no server sends: the ends of the last second chrono can hold, far past and future.
const HOSTILE_DATES: [&str; 6] = [
    "Mon, 31 Dec 262142 23:59:59 GMT",
    "Mon, 01 Jan 262142 00:00:00 GMT",
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "Mon, 01 Jan 0001 00:00:00 GMT",
    "Sat, 01 Mar 2025 12:20:00 +2359",
    "Sat, 01 Mar 2025 12:20:00 -2359",
];

#[test]
fn the_hostile_dates_are_dates_chrono_reads() {
    // Otherwise the tests below would pass by ignoring them.
    for date in &HOSTILE_DATES[..4] {
        assert!(DateTime::parse_from_rfc2822(date).is_ok(), "{date}");
    }
}

#[test]
fn a_hostile_date_moves_the_clock_by_a_day_at_most() {
    let local = server_time();
    for date in HOSTILE_DATES {
        let clock = ClockOffset::default();
        clock.learn(date, local);
        let offset = clock.offset_ms();
        assert!(offset.abs() <= MAX_CLOCK_OFFSET_MS, "{date}: {offset}");
        let signed_at = clock.at(local);
        assert!(
            (signed_at - local).num_milliseconds().abs() <= MAX_CLOCK_OFFSET_MS,
            "{date}: {signed_at}"
        );
    }
    let clock = ClockOffset::default();
    clock.learn("Mon, 31 Dec 262142 23:59:59 GMT", local);
    assert_eq!(
        clock.offset_ms(),
        MAX_CLOCK_OFFSET_MS,
        "far ahead is a day ahead"
    );
    clock.learn("Mon, 01 Jan 0001 00:00:00 GMT", local);
    assert_eq!(
        clock.offset_ms(),
        -MAX_CLOCK_OFFSET_MS,
        "far behind is a day behind"
    );
}

#[test]
fn the_end_of_time_does_not_panic_when_signing_later() {
    // The last second of year 262142 used to make the offset reach the end of chrono's range, so that
    // the next signature a moment later panicked with "DateTime + TimeDelta overflowed".
    let clock = ClockOffset::default();
    let local = server_time();
    clock.learn("Mon, 31 Dec 262142 23:59:59 GMT", local);
    let later = local + TimeDelta::seconds(5);
    let signed_at = clock.at(later);
    assert_eq!(signed_at, later + TimeDelta::days(1));
    let request = ApiRequest::new(
        Method::Get,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/domains",
        Idempotency::Idempotent,
    );
    let prepared = prepare(&request, &aksk(None, None), PROXY, signed_at).unwrap();
    assert_eq!(prepared.header("x-sdk-date"), Some("20250302T122005Z"));
    let _ = clock.now();
}

#[test]
fn the_offset_never_leaves_the_range_of_dates_even_at_its_ends() {
    let clock = ClockOffset::default();
    clock.learn("Mon, 31 Dec 262142 23:59:59 GMT", server_time());
    assert_eq!(clock.at(DateTime::<Utc>::MAX_UTC), DateTime::<Utc>::MAX_UTC);
    clock.learn("Mon, 01 Jan 0001 00:00:00 GMT", server_time());
    assert_eq!(clock.at(DateTime::<Utc>::MIN_UTC), DateTime::<Utc>::MIN_UTC);
    clock.learn("Sat, 01 Mar 2025 12:20:00 GMT", DateTime::<Utc>::MIN_UTC);
    assert_eq!(clock.offset_ms(), MAX_CLOCK_OFFSET_MS);
}

#[test]
fn a_sane_answer_after_a_hostile_one_sets_the_clock_right_again() {
    let clock = ClockOffset::default();
    let local = server_time();
    clock.learn("Mon, 31 Dec 262142 23:59:59 GMT", local);
    clock.learn("Sat, 01 Mar 2025 12:20:03 GMT", local);
    assert_eq!(clock.offset_ms(), 3_000);
}
