//! Reading config.json.

use keyturn_core::settings::{
    CONFIG_URL, ConfigError, FieldError, Settings, SettingsField, parse_config,
};

/// The config.json the app ships.
const SHIPPED: &str = include_str!("../../../../static/config.json");

#[test]
fn every_field_is_optional() {
    assert_eq!(CONFIG_URL, "config.json");
    assert_eq!(parse_config("{}"), Ok(Settings::default()));
    assert_eq!(parse_config(" \n{ }\n"), Ok(Settings::default()));
}

#[test]
fn the_shipped_file_holds_the_built_in_defaults() {
    assert_eq!(parse_config(SHIPPED), Ok(Settings::default()));
}

#[test]
fn a_partial_file_keeps_the_defaults_of_the_rest_even_nested() {
    let partial =
        parse_config(r#"{"region":"eu-west-101","rotation_policy":{"warn_before_days":7}}"#)
            .unwrap();
    assert_eq!(partial.region, "eu-west-101");
    assert_eq!(partial.rotation_policy.warn_before_days, 7);
    assert_eq!(partial.rotation_policy.rotate_after_days, 90);
    assert_eq!(partial.proxy_url, "http://127.0.0.1:8787");
    assert_eq!(partial.kms_requests_per_second, 15);
    let rate = parse_config(r#"{"kms_requests_per_second":8}"#).unwrap();
    assert_eq!(rate.kms_requests_per_second, 8);
    assert_eq!(rate.concurrency, Settings::default().concurrency);
}

#[test]
fn blank_text_means_none_and_text_is_trimmed() {
    let blanks = parse_config(
        r#"{"iam_endpoint":"","kms_endpoint":"  ","account_name":" acme ","proxy_url":" https://p.example.com "}"#,
    )
    .unwrap();
    assert_eq!(blanks.iam_endpoint, None);
    assert_eq!(blanks.kms_endpoint, None);
    assert_eq!(blanks.account_name.as_deref(), Some("acme"));
    assert_eq!(blanks.proxy_url, "https://p.example.com");
    let nulls = parse_config(r#"{"iam_endpoint":null,"account_name":null}"#).unwrap();
    assert_eq!(nulls, Settings::default());
}

#[test]
fn a_wrong_type_names_the_field_even_nested() {
    let wrong_type = parse_config(r#"{"concurrency":"8"}"#).unwrap_err();
    assert!(
        matches!(&wrong_type, ConfigError::WrongField { field, .. } if field == "concurrency"),
        "{wrong_type:?}"
    );
    let rate = parse_config(r#"{"kms_requests_per_second":"8"}"#).unwrap_err();
    assert!(
        matches!(&rate, ConfigError::WrongField { field, .. } if field == "kms_requests_per_second"),
        "{rate:?}"
    );
    let nested = parse_config(r#"{"rotation_policy":{"rotate_after_days":-1}}"#).unwrap_err();
    assert!(
        matches!(&nested, ConfigError::WrongField { field, .. } if field == "rotation_policy.rotate_after_days"),
        "{nested:?}"
    );
}

#[test]
fn an_unknown_field_is_refused_by_name() {
    let unknown = parse_config(r#"{"proxy":"http://x"}"#).unwrap_err();
    assert!(
        matches!(&unknown, ConfigError::WrongField { detail, .. } if detail.contains("unknown field `proxy`")),
        "{unknown:?}"
    );
}

#[test]
fn a_refused_value_names_the_first_field_and_why() {
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
    for rate in [0, 21] {
        assert_eq!(
            parse_config(&format!(r#"{{"kms_requests_per_second":{rate}}}"#)),
            Err(ConfigError::InvalidField {
                field: SettingsField::KmsRequestsPerSecond,
                error: FieldError::OutOfRange { min: 1, max: 20 }
            }),
            "{rate}"
        );
    }
    assert_eq!(
        parse_config(r#"{"proxy_url":"ftp://p","region":"nowhere-1"}"#),
        Err(ConfigError::InvalidField {
            field: SettingsField::ProxyUrl,
            error: FieldError::UrlScheme
        })
    );
    assert_eq!(
        parse_config(r#"{"proxy_url":"   "}"#),
        Err(ConfigError::InvalidField {
            field: SettingsField::ProxyUrl,
            error: FieldError::Required
        })
    );
    assert_eq!(
        parse_config(r#"{"rotation_policy":{"rotate_after_days":10,"warn_before_days":10}}"#),
        Err(ConfigError::InvalidField {
            field: SettingsField::WarnBeforeDays,
            error: FieldError::WarnNotBeforeRotate
        })
    );
}

#[test]
fn a_file_that_is_not_a_json_object_is_not_json() {
    for text in [
        "[1]",
        "{",
        "",
        "null",
        "42",
        "\"settings\"",
        "proxy_url = 1",
    ] {
        assert!(
            matches!(parse_config(text), Err(ConfigError::NotJson(_))),
            "{text:?}"
        );
    }
}

#[test]
fn an_html_page_means_there_is_no_config_json() {
    for text in [
        "<!DOCTYPE html><html></html>",
        "  \n<html><body>404</body></html>",
    ] {
        assert_eq!(parse_config(text), Err(ConfigError::NotFound), "{text:?}");
    }
}

#[test]
fn a_misspelled_policy_field_is_refused_too() {
    let unknown = parse_config(r#"{"rotation_policy": {"rotate_after_dayz": 30}}"#).unwrap_err();
    assert!(
        matches!(&unknown, ConfigError::WrongField { detail, .. } if detail.contains("unknown field `rotate_after_dayz`")),
        "{unknown:?}"
    );
}
