//! Serde helpers for JSON fields whose type varies between services and API versions
//! (docs/api.md, "Field types and formats").
//!
//! Use them with `#[serde(with = "…")]`; add `default` where the field may be absent. Each helper
//! accepts every form seen in the wild and writes the form the real service sends.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serializer};

/// Any JSON scalar, read without committing to a type.
enum Scalar {
    Null,
    Bool(bool),
    Unsigned(u64),
    Negative(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Scalar::Null => Unexpected::Unit,
            Scalar::Bool(b) => Unexpected::Bool(*b),
            Scalar::Unsigned(n) => Unexpected::Unsigned(*n),
            Scalar::Negative(n) => Unexpected::Signed(*n),
            Scalar::Float(n) => Unexpected::Float(*n),
            Scalar::Text(s) => Unexpected::Str(s),
        }
    }

    fn error<E: de::Error>(&self, expected: &str) -> E {
        E::invalid_value(self.unexpected(), &expected)
    }

    /// A non-negative integer given as a number or as decimal text.
    fn to_u64<E: de::Error>(&self, expected: &str) -> Result<u64, E> {
        match self {
            Scalar::Unsigned(n) => Ok(*n),
            Scalar::Text(s) => s.trim().parse().map_err(|_| self.error(expected)),
            _ => Err(self.error(expected)),
        }
    }

    /// True for null and for text that is empty or blank.
    fn is_blank(&self) -> bool {
        match self {
            Scalar::Null => true,
            Scalar::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        Scalar::deserialize(deserializer)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Unsigned(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(u64::try_from(v).map_or(Scalar::Negative(v), Scalar::Unsigned))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }
}

fn read_bool<E: de::Error>(scalar: &Scalar) -> Result<bool, E> {
    match scalar {
        Scalar::Bool(b) => Ok(*b),
        Scalar::Text(s) if s.trim() == "true" => Ok(true),
        Scalar::Text(s) if s.trim() == "false" => Ok(false),
        other => Err(other.error("true or false, as a boolean or a string")),
    }
}

fn read_epoch_ms<E: de::Error>(scalar: &Scalar) -> Result<DateTime<Utc>, E> {
    const EXPECTED: &str = "epoch milliseconds";
    let ms = scalar.to_u64(EXPECTED)?;
    i64::try_from(ms)
        .ok()
        .and_then(DateTime::from_timestamp_millis)
        .ok_or_else(|| scalar.error(EXPECTED))
}

fn read_iso<E: de::Error>(scalar: &Scalar) -> Result<DateTime<Utc>, E> {
    match scalar {
        Scalar::Text(s) => DateTime::parse_from_rfc3339(s.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| scalar.error("an RFC 3339 time such as 2020-01-08T06:26:08.123059Z")),
        other => Err(other.error("an RFC 3339 time such as 2020-01-08T06:26:08.123059Z")),
    }
}

fn format_iso_micros(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// `bool` read from `true` or `"true"` (and false alike), written as a JSON boolean.
pub mod bool_or_string {
    use super::*;

    /// Writes a JSON boolean.
    pub fn serialize<S: Serializer>(value: &bool, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*value)
    }

    /// Reads a boolean or `"true"`/`"false"`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
        read_bool(&Scalar::deserialize(deserializer)?)
    }
}

/// `bool` read from `"true"` or `true` (and false alike), written as the string KMS lists use.
pub mod bool_string {
    use super::*;

    /// Writes `"true"` or `"false"`.
    pub fn serialize<S: Serializer>(value: &bool, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(if *value { "true" } else { "false" })
    }

    /// Reads a boolean or `"true"`/`"false"`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
        read_bool(&Scalar::deserialize(deserializer)?)
    }
}

/// Unsigned integer read from `123` or `"123"`, written as a JSON number.
pub mod int_or_string {
    use super::*;
    use serde::Serialize;

    /// Writes a JSON number.
    pub fn serialize<S: Serializer, T: Serialize>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    /// Reads a number or decimal text that fits `T`.
    pub fn deserialize<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        let scalar = Scalar::deserialize(deserializer)?;
        let expected = "a non-negative integer, as a number or a string";
        T::try_from(scalar.to_u64(expected)?).map_err(|_| scalar.error(expected))
    }
}

/// Time read from epoch milliseconds (`"1502799822000"` or a number), written as a string.
pub mod epoch_ms_string {
    use super::*;

    /// Writes epoch milliseconds as a string.
    pub fn serialize<S: Serializer>(
        value: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&value.timestamp_millis())
    }

    /// Reads epoch milliseconds from a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        read_epoch_ms(&Scalar::deserialize(deserializer)?)
    }
}

/// Optional epoch-millisecond time: `""` or null is `None`, which is written as `""`.
pub mod opt_epoch_ms_string {
    use super::*;

    /// Writes epoch milliseconds as a string, or `""`.
    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(t) => serializer.collect_str(&t.timestamp_millis()),
            None => serializer.serialize_str(""),
        }
    }

    /// Reads epoch milliseconds, or `None` for `""` and null.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let scalar = Scalar::deserialize(deserializer)?;
        if scalar.is_blank() {
            return Ok(None);
        }
        read_epoch_ms(&scalar).map(Some)
    }
}

/// Optional text: `""` or null is `None`, which is written as `""`.
pub mod empty_as_none {
    use super::*;

    /// Writes the text, or `""`.
    pub fn serialize<S: Serializer>(
        value: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.as_deref().unwrap_or(""))
    }

    /// Reads text, or `None` for `""` and null.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        Ok(text.filter(|s| !s.is_empty()))
    }
}

/// Text where null means empty; use with `#[serde(default, deserialize_with = "…")]`.
pub fn null_as_empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

/// Time in IAM's format, `2020-01-08T06:26:08.123059Z`: any RFC 3339 time is read,
/// six fractional digits are written.
pub mod iso_micros {
    use super::*;

    /// Writes `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    pub fn serialize<S: Serializer>(
        value: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_iso_micros(value))
    }

    /// Reads an RFC 3339 time.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        read_iso(&Scalar::deserialize(deserializer)?)
    }
}

/// Optional [`iso_micros`] time: `""` or null is `None`, which is written as null.
pub mod opt_iso_micros {
    use super::*;

    /// Writes `YYYY-MM-DDTHH:MM:SS.ffffffZ`, or null.
    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(t) => serializer.serialize_str(&format_iso_micros(t)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads an RFC 3339 time, or `None` for `""` and null.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let scalar = Scalar::deserialize(deserializer)?;
        if scalar.is_blank() {
            return Ok(None);
        }
        read_iso(&scalar).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde::{Deserialize, Serialize};
    use serde_json::{Value, json};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(with = "bool_or_string")]
        flag: bool,
        #[serde(with = "bool_string")]
        text_flag: bool,
        #[serde(with = "int_or_string")]
        count: u32,
        #[serde(with = "epoch_ms_string")]
        at: DateTime<Utc>,
        #[serde(default, with = "opt_epoch_ms_string")]
        maybe_at: Option<DateTime<Utc>>,
        #[serde(default, with = "empty_as_none")]
        marker: Option<String>,
        #[serde(default, deserialize_with = "null_as_empty")]
        note: String,
        #[serde(with = "iso_micros")]
        created: DateTime<Utc>,
        #[serde(default, with = "opt_iso_micros")]
        used: Option<DateTime<Utc>>,
    }

    fn parse(v: Value) -> Result<Sample, String> {
        serde_json::from_value(v).map_err(|e| e.to_string())
    }

    fn base() -> Value {
        json!({
            "flag": true, "text_flag": "false", "count": 90, "at": "1502799822000",
            "maybe_at": "", "marker": "", "note": null,
            "created": "2020-01-08T06:26:08.123059Z", "used": null
        })
    }

    fn with(key: &str, value: Value) -> Value {
        let mut v = base();
        v[key] = value;
        v
    }

    #[test]
    fn reads_every_accepted_form() {
        let s = parse(base()).unwrap();
        assert!(s.flag && !s.text_flag);
        assert_eq!(s.count, 90);
        assert_eq!(s.at, Utc.timestamp_millis_opt(1_502_799_822_000).unwrap());
        assert_eq!(
            (s.maybe_at, s.marker, s.note.as_str(), s.used),
            (None, None, "", None)
        );
        assert_eq!(s.created.timestamp_subsec_micros(), 123_059);

        assert!(parse(with("flag", json!("true"))).unwrap().flag);
        assert!(parse(with("text_flag", json!(true))).unwrap().text_flag);
        assert_eq!(parse(with("count", json!("365"))).unwrap().count, 365);
        assert_eq!(parse(with("count", json!(" 30 "))).unwrap().count, 30);
        assert_eq!(
            parse(with("at", json!(1502799822000u64)))
                .unwrap()
                .at
                .timestamp(),
            1_502_799_822
        );
        assert_eq!(
            parse(with("maybe_at", json!("1716661217000")))
                .unwrap()
                .maybe_at,
            Some(Utc.timestamp_millis_opt(1_716_661_217_000).unwrap())
        );
        assert_eq!(parse(with("maybe_at", Value::Null)).unwrap().maybe_at, None);
        assert_eq!(
            parse(with("marker", json!("abc")))
                .unwrap()
                .marker
                .as_deref(),
            Some("abc")
        );
        assert_eq!(parse(with("note", json!("x"))).unwrap().note, "x");
        assert_eq!(parse(with("used", json!(""))).unwrap().used, None);
        assert_eq!(
            parse(with("created", json!("2020-01-08T14:26:08+08:00")))
                .unwrap()
                .created,
            Utc.with_ymd_and_hms(2020, 1, 8, 6, 26, 8).unwrap()
        );
    }

    #[test]
    fn absent_optional_fields_default() {
        let mut v = base();
        for key in ["maybe_at", "marker", "note", "used"] {
            v.as_object_mut().unwrap().remove(key);
        }
        let s = parse(v).unwrap();
        assert_eq!(
            (s.maybe_at, s.marker, s.note.as_str(), s.used),
            (None, None, "", None)
        );
    }

    #[test]
    fn rejects_what_no_service_sends() {
        for (key, value) in [
            ("flag", json!("yes")),
            ("flag", json!(1)),
            ("text_flag", json!(null)),
            ("count", json!(-1)),
            ("count", json!("12a")),
            ("count", json!(1.5)),
            ("count", json!(u64::from(u32::MAX) + 1)),
            ("at", json!("")),
            ("at", json!("2020-01-08")),
            ("maybe_at", json!("soon")),
            ("created", json!("1502799822000")),
            ("created", json!(5)),
            ("used", json!("yesterday")),
        ] {
            assert!(parse(with(key, value.clone())).is_err(), "{key}: {value}");
        }
    }

    #[test]
    fn writes_the_form_the_service_sends() {
        let s = parse(with("used", json!("2021-02-03T04:05:06.7Z"))).unwrap();
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            json!({
                "flag": true, "text_flag": "false", "count": 90, "at": "1502799822000",
                "maybe_at": "", "marker": "", "note": "",
                "created": "2020-01-08T06:26:08.123059Z", "used": "2021-02-03T04:05:06.700000Z"
            })
        );
    }
}
