//! The sparse overlay stored in this browser: `merge`, `diff`, `overlay_for` and
//! `apply_overlay`.

use keyturn_core::settings::{Settings, apply_overlay, diff, merge, overlay_for};
use serde_json::{Value, json};

use crate::fixture::sample;

#[test]
fn merge_writes_fields_over_and_merges_objects_field_by_field() {
    let mut base = json!({"a": 1, "b": {"x": 1, "y": 2}, "c": [1, 2]});
    merge(
        &mut base,
        &json!({"a": 2, "b": {"y": 3, "z": 4}, "c": [3], "d": null}),
    );
    assert_eq!(
        base,
        json!({"a": 2, "b": {"x": 1, "y": 3, "z": 4}, "c": [3], "d": null})
    );
    let mut scalar = json!({"a": 1});
    merge(&mut scalar, &json!("replaced"));
    assert_eq!(scalar, json!("replaced"));
}

#[test]
fn diff_keeps_only_what_changed_and_merge_undoes_it() {
    let base = json!({"a": 1, "b": {"x": 1, "y": 2}, "c": null});
    let current = json!({"a": 1, "b": {"x": 1, "y": 5}, "c": "set", "d": true});
    let changed = diff(&base, &current);
    assert_eq!(changed, json!({"b": {"y": 5}, "c": "set", "d": true}));
    let mut rebuilt = base.clone();
    merge(&mut rebuilt, &changed);
    assert_eq!(rebuilt, current);
    assert_eq!(diff(&base, &base), json!({}));
    assert_eq!(diff(&json!(1), &json!(2)), json!(2));
}

#[test]
fn the_stored_overlay_holds_only_changes_and_round_trips() {
    let defaults = sample();
    let mut changed = sample();
    changed.iam_endpoint = None;
    changed.rotation_policy.rotate_after_days = 120;
    let overlay = overlay_for(&defaults, &changed);
    assert_eq!(
        serde_json::from_str::<Value>(&overlay).unwrap(),
        json!({ "iam_endpoint": null, "rotation_policy": { "rotate_after_days": 120 } })
    );
    assert_eq!(apply_overlay(&defaults, &overlay), Some(changed));
    assert_eq!(overlay_for(&defaults, &defaults), "{}");
    assert_eq!(apply_overlay(&defaults, "{}"), Some(defaults));
}

#[test]
fn fields_the_user_never_changed_follow_config_json() {
    let defaults = sample();
    let mut changed = sample();
    changed.concurrency = 12;
    changed.kms_requests_per_second = 10;
    let overlay = overlay_for(&defaults, &changed);
    assert_eq!(
        serde_json::from_str::<Value>(&overlay).unwrap(),
        json!({ "concurrency": 12, "kms_requests_per_second": 10 })
    );
    let mut new_defaults = sample();
    new_defaults.proxy_url = "https://elsewhere.example.com".into();
    new_defaults.concurrency = 3;
    new_defaults.kms_requests_per_second = 20;
    let followed = apply_overlay(&new_defaults, &overlay).unwrap();
    assert_eq!(followed.proxy_url, "https://elsewhere.example.com");
    assert_eq!(followed.concurrency, 12, "the user's own change stays");
    assert_eq!(followed.kms_requests_per_second, 10, "so does this one");
}

#[test]
fn an_unusable_overlay_gives_nothing() {
    let defaults = sample();
    for raw in [
        "not json",
        "",
        "[]",
        "null",
        "7",
        r#"{"concurrency":1000}"#,
        r#"{"concurrency":"8"}"#,
        r#"{"kms_requests_per_second":0}"#,
        r#"{"kms_requests_per_second":21}"#,
        r#"{"kms_requests_per_second":"8"}"#,
        r#"{"region":"mars-1"}"#,
        r#"{"proxy_url":"javascript:alert(1)"}"#,
        r#"{"unknown_field":1}"#,
        r#"{"rotation_policy":{"warn_before_days":60}}"#,
    ] {
        assert_eq!(apply_overlay(&defaults, raw), None, "{raw}");
    }
}

#[test]
fn an_applied_overlay_is_normalized() {
    let applied = apply_overlay(
        &Settings::default(),
        r#"{"proxy_url":" http://127.0.0.1:9000 ","account_name":"  ","iam_endpoint":""}"#,
    )
    .unwrap();
    assert_eq!(applied.proxy_url, "http://127.0.0.1:9000");
    assert_eq!(applied.account_name, None);
    assert_eq!(applied.iam_endpoint, None);
}
