//! `ClockOffset`: the server's time learned from `Date` answers, shared by every clone.

use chrono::{DateTime, TimeDelta, Utc};
use keyturn_core::request::{ApiRequest, ClockOffset, Idempotency, Method, prepare};

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
