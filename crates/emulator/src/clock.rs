//! Time formats exactly as the real APIs write them.

use chrono::{DateTime, SecondsFormat, Utc};

/// IAM v3.0 credential times: `2020-01-08T06:26:08.123059Z` (microseconds).
pub fn iam_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Token `issued_at`/`expires_at`: millisecond precision written with six digits,
/// `2020-01-04T09:05:22.701000Z`.
pub fn token_time(t: DateTime<Utc>) -> String {
    let millis = t.timestamp_millis();
    let truncated = DateTime::from_timestamp_millis(millis).unwrap_or(t);
    iam_time(truncated)
}

/// IAM user times (`create_time`, `last_login_time`, ...): `2020-07-08 02:19:03.0`.
pub fn user_time(t: DateTime<Utc>) -> String {
    format!("{}.0", t.format("%Y-%m-%d %H:%M:%S"))
}

/// KMS times: epoch milliseconds as a string, `"1502799822000"`.
pub fn epoch_ms(t: DateTime<Utc>) -> String {
    t.timestamp_millis().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2020, 1, 8, 6, 26, 8).unwrap()
            + chrono::Duration::microseconds(123_059)
    }

    #[test]
    fn iam_time_has_microseconds() {
        assert_eq!(iam_time(sample()), "2020-01-08T06:26:08.123059Z");
    }

    #[test]
    fn token_time_has_milliseconds_padded_to_six_digits() {
        assert_eq!(token_time(sample()), "2020-01-08T06:26:08.123000Z");
    }

    #[test]
    fn user_time_is_space_separated() {
        assert_eq!(user_time(sample()), "2020-01-08 06:26:08.0");
    }

    #[test]
    fn kms_time_is_epoch_millis() {
        let t = Utc.timestamp_millis_opt(1_502_799_822_000).unwrap();
        assert_eq!(epoch_ms(t), "1502799822000");
    }
}
