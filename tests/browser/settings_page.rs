//! The settings page and its stored overlay, and config.json failures as the app shows them.

use keyturn::features::settings::SettingsPage;
use keyturn_core::policy::RotationPolicy;
use keyturn_core::settings::{ConfigError, FieldError, Settings, SettingsField};
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use crate::support::*;

const LABELS: [&str; 11] = [
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
    "KMS requests per second",
];

fn sample() -> Settings {
    Settings {
        proxy_url: "https://proxy.example.com/cors".into(),
        region: "ap-southeast-1".into(),
        iam_endpoint: Some("http://127.0.0.1:8780".into()),
        kms_endpoint: None,
        account_name: Some("acme".into()),
        concurrency: 5,
        kms_requests_per_second: 8,
        rotation_policy: RotationPolicy {
            rotate_after_days: 60,
            warn_before_days: 10,
            new_key_grace_days: 3,
            unused_after_days: 45,
        },
    }
}

/// The settings page over the built-in defaults, with `stored` in localStorage.
async fn settings_page(stored: Option<&str>) -> Mounted {
    let page = Page::new();
    let page = match stored {
        Some(stored) => page.stored_settings(stored),
        None => page,
    };
    page.mount(html! { <SettingsPage /> }).await
}

fn stored_settings() -> Option<String> {
    local_storage().get_item("keyturn.settings").unwrap()
}

#[wasm_bindgen_test]
async fn every_field_is_labelled_and_shows_the_given_settings() {
    let page = Page::new()
        .config(Ok(sample()))
        .mount(html! { <SettingsPage /> })
        .await;

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
        "8",
    ];
    for (label, value) in LABELS.iter().zip(expected) {
        let control = control_by_label(&page, label);
        let shown = match control.dyn_ref::<web_sys::HtmlSelectElement>() {
            Some(select) => select.value(),
            None => control.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        };
        assert_eq!(shown, value, "{label}");
    }
    let region = select_by_label(&page, "Region");
    assert_eq!(region.length(), 33, "every official region is offered");
    let proxy = input_by_label(&page, "Proxy URL");
    assert_eq!(proxy.type_(), "text");
    assert_eq!(proxy.get_attribute("inputmode").as_deref(), Some("url"));
    assert_eq!(proxy.get_attribute("autocomplete").as_deref(), Some("off"));
    assert_eq!(
        input_by_label(&page, "Concurrency")
            .get_attribute("inputmode")
            .as_deref(),
        Some("numeric")
    );
    let resolved = text_of(&page, "[data-testid=resolved-endpoints]").unwrap();
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
    let page = settings_page(Some(r#"{"concurrency":3}"#)).await;
    let proxy = input_by_label(&page, "Proxy URL");
    assert_eq!(input_by_label(&page, "Concurrency").value(), "3");

    type_into(&proxy, "not a url").await;
    click_button(&page, "Save settings").await;

    assert_eq!(
        text_of(&page, "#settings-proxy-url-error").as_deref(),
        Some("Enter a full URL, e.g. https://example.com.")
    );
    assert_eq!(proxy.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = proxy.get_attribute("aria-describedby").unwrap();
    assert!(
        described.contains("settings-proxy-url-error"),
        "{described}"
    );
    assert_eq!(
        text_of(&page, "[role=alert]").as_deref(),
        Some("Settings not saved: correct the marked fields.")
    );
    assert!(find(&page, "[role=status]").is_none());
    assert_eq!(stored_settings().as_deref(), Some(r#"{"concurrency":3}"#));
    assert_eq!(focused_id(), "settings-proxy-url");

    type_into(&proxy, "ftp://example.com").await;
    click_button(&page, "Save settings").await;
    assert_eq!(
        text_of(&page, "#settings-proxy-url-error").as_deref(),
        Some("The URL must start with http:// or https://.")
    );
    type_into(&proxy, "http://user:pw@example.com").await;
    click_button(&page, "Save settings").await;
    assert_eq!(
        text_of(&page, "#settings-proxy-url-error").as_deref(),
        Some("The URL must not contain a user name or password.")
    );
    assert_eq!(stored_settings().as_deref(), Some(r#"{"concurrency":3}"#));
}

#[wasm_bindgen_test]
async fn numbers_out_of_range_or_not_numbers_are_refused_field_by_field() {
    let page = settings_page(None).await;

    type_into(&input_by_label(&page, "Concurrency"), "eight").await;
    type_into(&input_by_label(&page, "Rotate after (days)"), "30").await;
    type_into(&input_by_label(&page, "Warn before (days)"), "30").await;
    click_button(&page, "Save settings").await;

    assert_eq!(
        text_of(&page, "#settings-concurrency-error").as_deref(),
        Some("Enter a whole number.")
    );
    assert_eq!(
        text_of(&page, "#settings-warn-before-days-error").as_deref(),
        Some("The warning period must be shorter than the rotation age.")
    );
    assert!(find(&page, "#settings-rotate-after-days-error").is_none());
    assert!(find(&page, "#settings-proxy-url-error").is_none());

    type_into(&input_by_label(&page, "Concurrency"), "33").await;
    click_button(&page, "Save settings").await;
    assert_eq!(
        text_of(&page, "#settings-concurrency-error").as_deref(),
        Some("Enter a number from 1 to 32.")
    );
    assert_eq!(stored_settings(), None);
}

#[wasm_bindgen_test]
async fn valid_settings_are_saved_as_the_changes_from_config_json() {
    let page = settings_page(None).await;

    type_into(
        &input_by_label(&page, "Proxy URL"),
        " http://127.0.0.1:9999 ",
    )
    .await;
    choose(&select_by_label(&page, "Region"), "cn-east-3").await;
    type_into(&input_by_label(&page, "Concurrency"), "12").await;
    type_into(&input_by_label(&page, "Warn before (days)"), "20").await;
    type_into(
        &input_by_label(&page, "KMS endpoint override"),
        "http://127.0.0.1:8780",
    )
    .await;
    click_button(&page, "Save settings").await;

    assert_eq!(
        text_of(&page, "[role=status]").as_deref(),
        Some("Settings saved.")
    );
    assert!(find(&page, ".field-error").is_none());
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
        input_by_label(&page, "Proxy URL").value(),
        "http://127.0.0.1:9999"
    );

    click_button(&page, "Reset to defaults").await;
    assert_eq!(stored_settings(), None);
    assert_eq!(
        input_by_label(&page, "Proxy URL").value(),
        "http://127.0.0.1:8787"
    );
    assert_eq!(select_by_label(&page, "Region").value(), "cn-north-4");
    assert_eq!(
        text_of(&page, "[role=status]").as_deref(),
        Some("Settings reset to defaults.")
    );
}

#[wasm_bindgen_test]
async fn stored_settings_that_are_no_longer_valid_are_ignored_with_a_notice() {
    let page = settings_page(Some(r#"{"region":"mars-1"}"#)).await;
    assert_eq!(select_by_label(&page, "Region").value(), "cn-north-4");
    let notice = text_of(&page, ".notice-warning").unwrap();
    assert!(notice.contains("were ignored"), "{notice}");
}

#[wasm_bindgen_test]
async fn a_broken_config_json_is_explained_and_settings_stay_usable() {
    let error = ConfigError::InvalidField {
        field: SettingsField::ProxyUrl,
        error: FieldError::UrlScheme,
    };
    let page = Page::new()
        .config(Err(error))
        .at("/connect")
        .mount_app()
        .await;

    assert!(find(&page, ".connect-page").is_none(), "the page waits");
    let screen = text_of(&page, "[data-testid=config-error] [role=alert]").unwrap();
    assert_eq!(
        screen,
        "config.json, field \"proxy_url\": The URL must start with http:// or https://."
    );

    click_on(&page, "[data-testid=config-error] a").await;
    assert_eq!(page.path(), "/settings");
    assert_eq!(
        input_by_label(&page, "Proxy URL").value(),
        "http://127.0.0.1:8787"
    );
    let warning = text_of(&page, ".notice-warning").unwrap();
    assert!(warning.contains("built-in"), "{warning}");

    type_into(&input_by_label(&page, "Proxy URL"), "http://127.0.0.1:9000").await;
    click_button(&page, "Save settings").await;
    assert_eq!(
        text_of(&page, "[role=status]").as_deref(),
        Some("Settings saved.")
    );

    page.go("/connect").await;
    assert!(find(&page, "[data-testid=config-error]").is_none());
    assert!(find(&page, ".connect-page").is_some(), "the page shows");
    let banner = text_of(&page, "[data-testid=config-warning]").unwrap();
    assert!(banner.contains("saved in this browser"), "{banner}");
    assert!(banner.contains("\"proxy_url\""), "{banner}");
}
