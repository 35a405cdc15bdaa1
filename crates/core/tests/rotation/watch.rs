//! The watch of the old key's last use, in numbers.

use chrono::{DateTime, Duration, Utc};
use keyturn_core::rotation::{
    ADVISED_WATCH_DAYS, DEFAULT_WATCH_MINUTES, LAST_USE_GRANULARITY_MINUTES, MIN_WATCH_MINUTES,
    Mode, RotationRecord, Stage, Step, WatchReport,
};

use crate::fixture::{at, created, days_later, new_key, now, reach};

/// A rotation handed over at [`at`]`(10)`, its new key created at [`at`]`(2)`.
fn watching() -> RotationRecord {
    let mut rotation = reach(Mode::Safe, Stage::HandOver);
    rotation.apply(Step::HandedOver, at(10)).unwrap();
    rotation
}

fn checked(
    rotation: &mut RotationRecord,
    when: DateTime<Utc>,
    old: Option<DateTime<Utc>>,
    new: Option<DateTime<Utc>>,
) {
    rotation
        .apply(
            Step::Checked {
                old_last_used: old,
                new_last_used: new,
            },
            when,
        )
        .unwrap();
}

#[test]
fn the_constants() {
    assert_eq!(ADVISED_WATCH_DAYS, 7);
    assert_eq!(LAST_USE_GRANULARITY_MINUTES, 15);
    assert_eq!(DEFAULT_WATCH_MINUTES, 5);
    assert_eq!(MIN_WATCH_MINUTES, 1);
    assert_eq!(watching().watch.every_minutes, DEFAULT_WATCH_MINUTES);
}

#[test]
fn before_the_watch_begins() {
    let rotation = created(Mode::Safe);
    assert_eq!(
        rotation.watch_report(at(5)),
        WatchReport {
            watched: Duration::zero(),
            old_used_ago: None,
            quiet_since_new_key: true,
            new_first_used: None,
            advised_watch_over: false,
            next_check: at(5),
        }
    );
}

#[test]
fn a_first_check_and_the_next_one() {
    let mut rotation = watching();
    assert_eq!(rotation.watch.since, Some(at(10)));
    assert_eq!(
        rotation.watch_report(at(10)).next_check,
        at(10),
        "check now"
    );
    checked(
        &mut rotation,
        at(70),
        Some(now() - Duration::hours(2)),
        None,
    );
    assert_eq!(
        rotation.watch_report(at(72)),
        WatchReport {
            watched: Duration::minutes(62),
            old_used_ago: Some(Duration::minutes(192)),
            quiet_since_new_key: true,
            new_first_used: None,
            advised_watch_over: false,
            next_check: at(75),
        }
    );
    rotation
        .apply(Step::WatchEvery { minutes: 60 }, at(72))
        .unwrap();
    assert_eq!(rotation.watch_report(at(72)).next_check, at(130));
    assert_eq!(
        rotation.watch_report(at(200)).next_check,
        at(130),
        "an overdue check is due at once: the time has passed"
    );
}

#[test]
fn the_old_key_used_after_the_new_key_was_created() {
    let mut rotation = watching();
    let created = new_key().created;
    checked(&mut rotation, at(30), Some(created), None);
    assert!(
        !rotation.watch_report(at(30)).quiet_since_new_key,
        "at the same time"
    );
    checked(
        &mut rotation,
        at(40),
        Some(created - Duration::seconds(1)),
        None,
    );
    assert!(
        rotation.watch_report(at(40)).quiet_since_new_key,
        "a second before"
    );
    checked(&mut rotation, days_later(8), Some(at(20)), None);
    let report = rotation.watch_report(days_later(8));
    assert!(!report.quiet_since_new_key);
    assert!(
        report.advised_watch_over,
        "quiet for a week since its last use, just after the new key was created"
    );
    assert_eq!(
        report.old_used_ago,
        Some(Duration::days(8) - Duration::minutes(20))
    );
    checked(&mut rotation, days_later(8), Some(days_later(2)), None);
    assert!(
        !rotation.watch_report(days_later(8)).advised_watch_over,
        "used two days into the watch: the week counts from that use"
    );
}

#[test]
fn a_never_used_old_key_is_quiet() {
    let mut rotation = watching();
    checked(&mut rotation, at(30), None, None);
    let report = rotation.watch_report(at(30));
    assert!(report.quiet_since_new_key);
    assert_eq!(report.old_used_ago, None);
}

#[test]
fn the_advised_week() {
    let mut rotation = watching();
    checked(&mut rotation, at(30), Some(now() - Duration::days(1)), None);
    let week = Duration::days(ADVISED_WATCH_DAYS);
    let over = at(10) + week;
    let report = rotation.watch_report(over - Duration::seconds(1));
    assert_eq!(report.watched, week - Duration::seconds(1));
    assert!(!report.advised_watch_over);
    let report = rotation.watch_report(over);
    assert_eq!(report.watched, week);
    assert!(report.advised_watch_over);
}

#[test]
fn the_new_keys_first_use_is_kept() {
    let mut rotation = watching();
    checked(&mut rotation, at(20), None, None);
    assert_eq!(rotation.watch_report(at(20)).new_first_used, None);
    checked(&mut rotation, at(30), None, Some(at(25)));
    checked(&mut rotation, at(40), None, Some(at(38)));
    assert_eq!(rotation.watch_report(at(40)).new_first_used, Some(at(25)));
    assert_eq!(rotation.watch.checked, Some(at(40)));
}

#[test]
fn the_watch_goes_on_while_observing() {
    let mut rotation = reach(Mode::Safe, Stage::Observe);
    let since = rotation.watch.since.unwrap();
    checked(&mut rotation, days_later(9), Some(days_later(8)), None);
    let report = rotation.watch_report(days_later(9));
    assert_eq!(report.watched, days_later(9) - since);
    assert_eq!(report.old_used_ago, Some(Duration::days(1)));
    assert!(
        !report.quiet_since_new_key,
        "used while it should have been disabled"
    );
}

#[test]
fn times_ahead_of_the_clock_count_as_zero() {
    let mut rotation = watching();
    checked(&mut rotation, at(30), Some(at(45)), None);
    let report = rotation.watch_report(at(5));
    assert_eq!(report.watched, Duration::zero());
    assert_eq!(report.old_used_ago, Some(Duration::zero()));
}
