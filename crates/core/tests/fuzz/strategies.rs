//! Inputs an attacker, a broken proxy or a future API version could send.

use proptest::prelude::*;
use serde_json::{Map, Value};

/// Any JSON value, nested a few levels, with strings that look like what the services send
/// and like what they never should.
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Field names the parsers look for, and others.
pub fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "error",
            "error_code",
            "error_msg",
            "errorCode",
            "errorMsg",
            "code",
            "message",
            "request_id",
            "credential",
            "credentials",
            "access",
            "secret",
            "status",
            "user_id",
            "create_time",
            "last_use_time",
            "description",
            "key_details",
            "key_id",
            "key_state",
            "creation_date",
            "truncated",
            "next_marker",
            "total",
            "token",
            "user",
            "domain",
            "expires_at",
            "issued_at",
            "key_rotation_enabled",
            "rotation_interval",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{0,12}",
    ]
}

/// Text of every kind: plain, markup, formulas, control characters, any Unicode.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 _.-]{0,24}",
        prop::sample::select(vec![
            "",
            " ",
            "true",
            "false",
            "1",
            "-1",
            "1502799822000",
            "99999999999999999999",
            "2020-01-08T06:26:08.123059Z",
            "+262142-12-31T23:59:59Z",
            "active",
            "expired",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "=1+1",
            "ok;=1+1",
            "\t@SUM(A1)",
            "\u{202e}evil",
            "\u{feff}",
            "null",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

/// A known-good answer with one field somewhere replaced by `value` (or removed when `value`
/// is `None`): answers that are almost right are where parsers slip.
pub fn mutated(good: Value) -> impl Strategy<Value = Value> {
    let paths = paths_of(&good);
    (prop::sample::select(paths), prop::option::of(json())).prop_map(move |(path, value)| {
        let mut doc = good.clone();
        replace_at(&mut doc, &path, value);
        doc
    })
}

/// Every path (object keys and array indexes) to a value inside `value`, itself included.
fn paths_of(value: &Value) -> Vec<Vec<String>> {
    let mut paths = vec![Vec::new()];
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                for mut path in paths_of(inner) {
                    path.insert(0, key.clone());
                    paths.push(path);
                }
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                for mut path in paths_of(inner) {
                    path.insert(0, index.to_string());
                    paths.push(path);
                }
            }
        }
        _ => {}
    }
    paths
}

fn replace_at(doc: &mut Value, path: &[String], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        *doc = value.unwrap_or(Value::Null);
        return;
    };
    let mut at = doc;
    for step in parents {
        at = match at {
            Value::Object(map) => map.get_mut(step).expect("a path of the document"),
            Value::Array(items) => &mut items[step.parse::<usize>().expect("an index")],
            _ => unreachable!("paths go through objects and arrays"),
        };
    }
    match (at, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(last.clone(), value);
        }
        (Value::Object(map), None) => {
            map.remove(last);
        }
        (Value::Array(items), value) => {
            items[last.parse::<usize>().expect("an index")] = value.unwrap_or(Value::Null);
        }
        _ => unreachable!("paths go through objects and arrays"),
    }
}
