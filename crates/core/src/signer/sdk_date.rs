//! The `X-Sdk-Date` timestamp format (`20191115T033655Z`).

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};

use super::SignError;

/// `strftime` pattern of the `X-Sdk-Date` header.
const SDK_DATE_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// Formats a time as an `X-Sdk-Date` value, e.g. `20191115T033655Z`. Written out rather than
/// through `strftime`, which would bring chrono's format-string parser into the app.
pub fn format_sdk_date(t: DateTime<Utc>) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Parses an `X-Sdk-Date` value; exactly `YYYYMMDDTHHMMSSZ` is accepted.
pub fn parse_sdk_date(s: &str) -> Result<DateTime<Utc>, SignError> {
    let invalid = || SignError::InvalidDate(s.to_owned());
    let well_formed = s.len() == 16
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(invalid());
    }
    NaiveDateTime::parse_from_str(s, SDK_DATE_FORMAT)
        .map(|naive| naive.and_utc())
        .map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn formats_and_parses_the_documented_example() {
        let t = Utc.with_ymd_and_hms(2019, 11, 15, 3, 36, 55).unwrap();
        assert_eq!(format_sdk_date(t), "20191115T033655Z");
        assert_eq!(parse_sdk_date("20191115T033655Z"), Ok(t));
    }

    #[test]
    fn rejects_other_shapes_and_impossible_dates() {
        for bad in [
            "",
            "20191115T033655",
            "20191115 033655Z",
            "2019-11-15T03:36:55Z",
            "20191115T033655z",
            "+0191115T033655Z",
            "20191315T033655Z",
            "20191115T256655Z",
            "201911150T33655Z",
        ] {
            assert_eq!(
                parse_sdk_date(bad),
                Err(SignError::InvalidDate(bad.to_owned())),
                "{bad:?}"
            );
        }
    }
}
