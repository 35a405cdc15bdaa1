//! The clock offset learned from hostile `Date` answers.

use chrono::{DateTime, Datelike, Timelike, Utc};
use keyturn_core::request::{ClockOffset, MAX_CLOCK_OFFSET_MS};
use proptest::prelude::*;

/// Any instant chrono can hold.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let (min, max) = (
        DateTime::<Utc>::MIN_UTC.timestamp_millis(),
        DateTime::<Utc>::MAX_UTC.timestamp_millis(),
    );
    (min..=max).prop_map(|ms| DateTime::from_timestamp_millis(ms).expect("in range"))
}

/// RFC 2822 dates of any year chrono reads, any zone, and text around them.
fn date_header() -> impl Strategy<Value = String> {
    prop_oneof![
        (instant(), -1439i32..=1439).prop_map(|(t, minutes)| rfc2822(t, minutes)),
        "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{1,2} (Jan|Feb|Dec) [0-9]{1,7} [0-9]{2}:[0-9]{2}:[0-9]{2} (GMT|UT|[+-][0-9]{4})",
        any::<String>(),
    ]
}

/// `t` written as RFC 2822 in the zone `minutes` east of UTC, with as many year digits as it
/// needs (chrono's own writer refuses years past 9999, which its reader accepts).
fn rfc2822(t: DateTime<Utc>, minutes: i32) -> String {
    let zone = chrono::FixedOffset::east_opt(minutes * 60).expect("a zone");
    let t = t.with_timezone(&zone);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}",
        t.weekday(),
        t.day(),
        MONTHS[t.month0() as usize],
        t.year(),
        t.hour(),
        t.minute(),
        t.second(),
        if minutes < 0 { '-' } else { '+' },
        minutes.abs() / 60,
        minutes.abs() % 60
    )
}

proptest! {
    #[test]
    fn no_date_moves_the_clock_more_than_a_day_or_panics(
        header in date_header(),
        received in instant(),
        later in instant(),
    ) {
        let clock = ClockOffset::default();
        clock.learn(&header, received);
        prop_assert!(clock.offset_ms().abs() <= MAX_CLOCK_OFFSET_MS);
        let moved = clock.at(later);
        prop_assert!((moved - later).num_milliseconds().abs() <= MAX_CLOCK_OFFSET_MS);
        let _ = clock.now();
    }
}
