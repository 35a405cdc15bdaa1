//! The settings page, config.json reading and the stored overlay, in a real browser.

mod support;

use keyturn::components::ConfigGate;
use keyturn::pages::SettingsPage;
use keyturn::state::config_file::parse_config;
use keyturn::state::{
    ConfigError, FieldError, Settings, SettingsField, apply_overlay, overlay_for,
};
use keyturn_core::policy::RotationPolicy;
use serde_json::{Value, json};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const LABELS: [&str; 10] = [
    "Proxy URL",
    "Region",
    "IAM endpoint override",
    "KMS endpoint override",
    "Account name",
    "Rotate after (days)",
    "Warn before (days)",
    "New key grace (days)",
    "Unused after (days)",
    "Concurrency",
];

fn sample() -> Settings {
    Settings {
        proxy_url: "https://proxy.example.com/cors".into(),
        region: "ap-southeast-1".into(),
        iam_endpoint: Some("http://127.0.0.1:8780".into()),
        kms_endpoint: None,
        account_name: Some("acme".into()),
        concurrency: 5,
        rotation_policy: RotationPolicy {
            rotate_after_days: 60,
            warn_before_days: 10,
            new_key_grace_days: 3,
            unused_after_days: 45,
        },
    }
}

fn stored_settings() -> Option<String> {
    local_storage().get_item("keyturn.settings").unwrap()
}

#[wasm_bindgen_test]
async fn every_field_is_labelled_and_shows_the_given_settings() {
    fresh_storage("en");
    let root = mount(Ok(sample()), html! { <SettingsPage /> }).await;

    let expected = [
        "https://proxy.example.com/cors",
        "ap-southeast-1",
        "http://127.0.0.1:8780",
        "",
        "acme",
        "60",
        "10",
        "3",
        "45",
        "5",
    ];
    for (label, value) in LABELS.iter().zip(expected) {
        let control = control_by_label(&root, label);
        let shown = match control.dyn_ref::<web_sys::HtmlSelectElement>() {
            Some(select) => select.value(),
            None => control.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        };
        assert_eq!(shown, value, "{label}");
    }
    let region = select_by_label(&root, "Region");
    assert_eq!(region.length(), 33, "every official region is offered");
    let proxy = input_by_label(&root, "Proxy URL");
    assert_eq!(proxy.type_(), "text");
    assert_eq!(proxy.get_attribute("inputmode").as_deref(), Some("url"));
    assert_eq!(proxy.get_attribute("autocomplete").as_deref(), Some("off"));
    assert_eq!(
        input_by_label(&root, "Concurrency")
            .get_attribute("inputmode")
            .as_deref(),
        Some("numeric")
    );
    let resolved = text_of(&root, "[data-testid=resolved-endpoints]").unwrap();
    assert!(
        resolved.contains("IAM: http://127.0.0.1:8780"),
        "{resolved}"
    );
    assert!(
        resolved.contains("KMS: https://kms.ap-southeast-1.myhuaweicloud.com"),
        "{resolved}"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_proxy_url_is_refused_and_storage_is_left_alone() {
    fresh_storage("en");
    local_storage()
        .set_item("keyturn.settings", r#"{"concurrency":3}"#)
        .unwrap();
    let root = mount(Ok(Settings::default()), html! { <SettingsPage /> }).await;
    let proxy = input_by_label(&root, "Proxy URL");
    assert_eq!(input_by_label(&root, "Concurrency").value(), "3");

    type_into(&proxy, "not a url").await;
    click_button(&root, "Save settings").await;

    assert_eq!(
        text_of(&root, "#settings-proxy-url-error").as_deref(),
        Some("Enter a full URL, e.g. https://example.com.")
    );
    assert_eq!(proxy.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = proxy.get_attribute("aria-describedby").unwrap();
    assert!(
        described.contains("settings-proxy-url-error"),
        "{described}"
    );
    assert_eq!(
        text_of(&root, "[role=alert]").as_deref(),
        Some("Settings not saved: correct the marked fields.")
    );
    assert!(find(&root, "[role=status]").is_none());
    assert_eq!(stored_settings().as_deref(), Some(r#"{"concurrency":3}"#));
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(
        active.map(|e| e.id()).as_deref(),
        Some("settings-proxy-url")
    );

    type_into(&proxy, "ftp://example.com").await;
    click_button(&root, "Save settings").await;
    assert_eq!(
        text_of(&root, "#settings-proxy-url-error").as_deref(),
        Some("The URL must start with http:// or https://.")
    );
    type_into(&proxy, "http://user:pw@example.com").await;
    click_button(&root, "Save settings").await;
    assert_eq!(
        text_of(&root, "#settings-proxy-url-error").as_deref(),
        Some("The URL must not contain a user name or password.")
    );
    assert_eq!(stored_settings().as_deref(), Some(r#"{"concurrency":3}"#));
}

#[wasm_bindgen_test]
async fn numbers_out_of_range_or_not_numbers_are_refused_field_by_field() {
    fresh_storage("en");
    let root = mount(Ok(Settings::default()), html! { <SettingsPage /> }).await;

    type_into(&input_by_label(&root, "Concurrency"), "eight").await;
    type_into(&input_by_label(&root, "Rotate after (days)"), "30").await;
    type_into(&input_by_label(&root, "Warn before (days)"), "30").await;
    click_button(&root, "Save settings").await;

    assert_eq!(
        text_of(&root, "#settings-concurrency-error").as_deref(),
        Some("Enter a whole number.")
    );
    assert_eq!(
        text_of(&root, "#settings-warn-before-days-error").as_deref(),
        Some("The warning period must be shorter than the rotation age.")
    );
    assert!(find(&root, "#settings-rotate-after-days-error").is_none());
    assert!(find(&root, "#settings-proxy-url-error").is_none());

    type_into(&input_by_label(&root, "Concurrency"), "33").await;
    click_button(&root, "Save settings").await;
    assert_eq!(
        text_of(&root, "#settings-concurrency-error").as_deref(),
        Some("Enter a number from 1 to 32.")
    );
    assert_eq!(stored_settings(), None);
}

#[wasm_bindgen_test]
async fn valid_settings_are_saved_as_the_changes_from_config_json() {
    fresh_storage("en");
    let root = mount(Ok(Settings::default()), html! { <SettingsPage /> }).await;

    type_into(
        &input_by_label(&root, "Proxy URL"),
        " http://127.0.0.1:9999 ",
    )
    .await;
    choose(&select_by_label(&root, "Region"), "cn-east-3").await;
    type_into(&input_by_label(&root, "Concurrency"), "12").await;
    type_into(&input_by_label(&root, "Warn before (days)"), "20").await;
    type_into(
        &input_by_label(&root, "KMS endpoint override"),
        "http://127.0.0.1:8780",
    )
    .await;
    click_button(&root, "Save settings").await;

    assert_eq!(
        text_of(&root, "[role=status]").as_deref(),
        Some("Settings saved.")
    );
    assert!(find(&root, ".field-error").is_none());
    let stored: Value = serde_json::from_str(&stored_settings().unwrap()).unwrap();
    assert_eq!(
        stored,
        json!({
            "proxy_url": "http://127.0.0.1:9999",
            "region": "cn-east-3",
            "kms_endpoint": "http://127.0.0.1:8780",
            "concurrency": 12,
            "rotation_policy": { "warn_before_days": 20 }
        })
    );
    assert_eq!(
        input_by_label(&root, "Proxy URL").value(),
        "http://127.0.0.1:9999"
    );

    click_button(&root, "Reset to defaults").await;
    assert_eq!(stored_settings(), None);
    assert_eq!(
        input_by_label(&root, "Proxy URL").value(),
        "http://127.0.0.1:8787"
    );
    assert_eq!(select_by_label(&root, "Region").value(), "cn-north-4");
    assert_eq!(
        text_of(&root, "[role=status]").as_deref(),
        Some("Settings reset to defaults.")
    );
}

#[wasm_bindgen_test]
async fn stored_settings_that_are_no_longer_valid_are_ignored_with_a_notice() {
    fresh_storage("en");
    local_storage()
        .set_item("keyturn.settings", r#"{"region":"mars-1"}"#)
        .unwrap();
    let root = mount(Ok(Settings::default()), html! { <SettingsPage /> }).await;
    assert_eq!(select_by_label(&root, "Region").value(), "cn-north-4");
    let notice = text_of(&root, ".notice-warning").unwrap();
    assert!(notice.contains("were ignored"), "{notice}");
}

#[wasm_bindgen_test]
async fn a_broken_config_json_is_explained_and_settings_stay_usable() {
    fresh_storage("en");
    let error = ConfigError::InvalidField {
        field: SettingsField::ProxyUrl,
        error: FieldError::UrlScheme,
    };
    let root = mount(
        Err(error),
        html! { <><ConfigGate><p id="guarded">{ "page" }</p></ConfigGate><SettingsPage /></> },
    )
    .await;

    assert!(find(&root, "#guarded").is_none());
    let screen = text_of(&root, "[data-testid=config-error] [role=alert]").unwrap();
    assert_eq!(
        screen,
        "config.json, field \"proxy_url\": The URL must start with http:// or https://."
    );
    assert_eq!(
        input_by_label(&root, "Proxy URL").value(),
        "http://127.0.0.1:8787"
    );
    let warning = text_of(&root, ".notice-warning").unwrap();
    assert!(warning.contains("built-in"), "{warning}");

    type_into(&input_by_label(&root, "Proxy URL"), "http://127.0.0.1:9000").await;
    click_button(&root, "Save settings").await;
    assert_eq!(
        text_of(&root, "[role=status]").as_deref(),
        Some("Settings saved.")
    );
    assert!(find(&root, "[data-testid=config-error]").is_none());
    assert_eq!(text_of(&root, "#guarded").as_deref(), Some("page"));
    let banner = text_of(&root, "[data-testid=config-warning]").unwrap();
    assert!(banner.contains("saved in this browser"), "{banner}");
    assert!(banner.contains("\"proxy_url\""), "{banner}");
}

#[wasm_bindgen_test]
fn config_json_fields_are_optional_and_checked() {
    assert_eq!(parse_config("{}"), Ok(Settings::default()));
    let full = parse_config(include_str!("../static/config.json")).unwrap();
    assert_eq!(full, Settings::default());
    let partial =
        parse_config(r#"{"region":"eu-west-101","rotation_policy":{"warn_before_days":7}}"#)
            .unwrap();
    assert_eq!(partial.region, "eu-west-101");
    assert_eq!(partial.rotation_policy.warn_before_days, 7);
    assert_eq!(partial.rotation_policy.rotate_after_days, 90);
    assert_eq!(partial.proxy_url, "http://127.0.0.1:8787");
    let blanks =
        parse_config(r#"{"iam_endpoint":"","kms_endpoint":"  ","account_name":" acme "}"#).unwrap();
    assert_eq!(blanks.iam_endpoint, None);
    assert_eq!(blanks.kms_endpoint, None);
    assert_eq!(blanks.account_name.as_deref(), Some("acme"));
}

#[wasm_bindgen_test]
fn config_json_errors_name_the_field() {
    let wrong_type = parse_config(r#"{"concurrency":"8"}"#).unwrap_err();
    assert!(
        matches!(&wrong_type, ConfigError::WrongField { field, .. } if field == "concurrency"),
        "{wrong_type:?}"
    );
    let nested = parse_config(r#"{"rotation_policy":{"rotate_after_days":-1}}"#).unwrap_err();
    assert!(
        matches!(&nested, ConfigError::WrongField { field, .. } if field == "rotation_policy.rotate_after_days"),
        "{nested:?}"
    );
    let unknown = parse_config(r#"{"proxy":"http://x"}"#).unwrap_err();
    assert!(
        matches!(&unknown, ConfigError::WrongField { detail, .. } if detail.contains("unknown field `proxy`")),
        "{unknown:?}"
    );
    assert_eq!(
        parse_config(r#"{"region":"nowhere-1"}"#),
        Err(ConfigError::InvalidField {
            field: SettingsField::Region,
            error: FieldError::UnknownRegion
        })
    );
    assert_eq!(
        parse_config(r#"{"concurrency":0}"#),
        Err(ConfigError::InvalidField {
            field: SettingsField::Concurrency,
            error: FieldError::OutOfRange { min: 1, max: 32 }
        })
    );
    assert!(matches!(parse_config("[1]"), Err(ConfigError::NotJson(_))));
    assert!(matches!(parse_config("{"), Err(ConfigError::NotJson(_))));
    assert_eq!(
        parse_config("<!DOCTYPE html><html></html>"),
        Err(ConfigError::NotFound)
    );
}

#[wasm_bindgen_test]
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

    let mut new_defaults = sample();
    new_defaults.proxy_url = "https://elsewhere.example.com".into();
    let followed = apply_overlay(&new_defaults, &overlay).unwrap();
    assert_eq!(followed.proxy_url, "https://elsewhere.example.com");

    assert_eq!(apply_overlay(&defaults, "not json"), None);
    assert_eq!(apply_overlay(&defaults, "[]"), None);
    assert_eq!(apply_overlay(&defaults, r#"{"concurrency":1000}"#), None);
}
