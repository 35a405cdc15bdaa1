//! The interval field.

use keyturn_core::kms::{IntervalProblem, RotationInterval, parse_interval};
use keyturn_core::validate::ValidationError;

#[test]
fn whole_days_from_30_to_365() {
    for (text, days) in [
        ("30", 30),
        ("365", 365),
        ("90", 90),
        (" 90 ", 90),
        ("\t180\n", 180),
        ("030", 30),
    ] {
        assert_eq!(
            parse_interval(text).map(RotationInterval::days),
            Ok(days),
            "{text:?}"
        );
    }
}

#[test]
fn what_a_typed_interval_can_get_wrong() {
    for (text, problem) in [
        ("", IntervalProblem::Empty),
        ("   ", IntervalProblem::Empty),
        ("29", IntervalProblem::BelowMinimum),
        ("0", IntervalProblem::BelowMinimum),
        ("366", IntervalProblem::AboveMaximum),
        ("99999999999999999999", IntervalProblem::AboveMaximum),
        ("3.5", IntervalProblem::NotWholeDays),
        ("90.0", IntervalProblem::NotWholeDays),
        ("90d", IntervalProblem::NotWholeDays),
        ("-30", IntervalProblem::NotWholeDays),
        ("+90", IntervalProblem::NotWholeDays),
        ("9 0", IntervalProblem::NotWholeDays),
        ("九十", IntervalProblem::NotWholeDays),
    ] {
        assert_eq!(parse_interval(text), Err(problem), "{text:?}");
    }
}

#[test]
fn an_interval_is_checked_once() {
    assert_eq!(RotationInterval::new(90).unwrap().days(), 90);
    assert_eq!(
        RotationInterval::new(29),
        Err(ValidationError::RotationInterval(29))
    );
    assert_eq!(
        RotationInterval::new(366),
        Err(ValidationError::RotationInterval(366))
    );
    assert_eq!(RotationInterval::ON_ENABLE.days(), 365);
    assert_eq!(RotationInterval::new(45).unwrap().to_string(), "45");
}
