//! The settings form's draft: text per field, parsed and checked on save.

use keyturn_core::settings::{FieldError, Settings, SettingsDraft, SettingsField, overlay_for};
use serde_json::{Value, json};

use crate::fixture::sample;

fn draft_with(changes: &[(SettingsField, &str)]) -> SettingsDraft {
    changes.iter().fold(
        SettingsDraft::from(&Settings::default()),
        |draft, (field, value)| draft.with(*field, (*value).to_owned()),
    )
}

#[test]
fn a_draft_shows_every_field_of_the_settings() {
    let draft = SettingsDraft::from(&sample());
    let shown: Vec<&str> = SettingsField::ALL.iter().map(|f| draft.get(*f)).collect();
    assert_eq!(
        shown,
        [
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
        ]
    );
    assert_eq!(
        draft.parse(),
        Ok(sample()),
        "an untouched draft gives its settings back"
    );
}

#[test]
fn with_changes_one_field_only() {
    let draft = SettingsDraft::from(&sample());
    for field in SettingsField::ALL {
        let changed = draft.with(field, "typed".into());
        for other in SettingsField::ALL {
            let expected = if other == field {
                "typed"
            } else {
                draft.get(other)
            };
            assert_eq!(changed.get(other), expected, "{field:?} → {other:?}");
        }
    }
}

#[test]
fn text_is_trimmed_and_empty_optional_fields_are_unset() {
    let settings = draft_with(&[
        (SettingsField::ProxyUrl, " http://127.0.0.1:9999 "),
        (SettingsField::Region, "cn-east-3"),
        (SettingsField::IamEndpoint, "  "),
        (SettingsField::KmsEndpoint, "http://127.0.0.1:8780"),
        (SettingsField::AccountName, " acme "),
        (SettingsField::Concurrency, " 12 "),
        (SettingsField::KmsRequestsPerSecond, " 9 "),
        (SettingsField::WarnBeforeDays, "20"),
    ])
    .parse()
    .unwrap();
    assert_eq!(settings.proxy_url, "http://127.0.0.1:9999");
    assert_eq!(settings.region, "cn-east-3");
    assert_eq!(settings.iam_endpoint, None);
    assert_eq!(
        settings.kms_endpoint.as_deref(),
        Some("http://127.0.0.1:8780")
    );
    assert_eq!(settings.account_name.as_deref(), Some("acme"));
    assert_eq!(settings.concurrency, 12);
    assert_eq!(settings.kms_requests_per_second, 9);
    assert_eq!(settings.rotation_policy.warn_before_days, 20);
}

#[test]
fn a_saved_draft_is_stored_as_the_changes_from_config_json() {
    let defaults = Settings::default();
    let settings = draft_with(&[
        (SettingsField::ProxyUrl, " http://127.0.0.1:9999 "),
        (SettingsField::Region, "cn-east-3"),
        (SettingsField::Concurrency, "12"),
        (SettingsField::KmsRequestsPerSecond, "8"),
        (SettingsField::WarnBeforeDays, "20"),
        (SettingsField::KmsEndpoint, "http://127.0.0.1:8780"),
    ])
    .parse()
    .unwrap();
    let stored: Value = serde_json::from_str(&overlay_for(&defaults, &settings)).unwrap();
    assert_eq!(
        stored,
        json!({
            "proxy_url": "http://127.0.0.1:9999",
            "region": "cn-east-3",
            "kms_endpoint": "http://127.0.0.1:8780",
            "concurrency": 12,
            "kms_requests_per_second": 8,
            "rotation_policy": { "warn_before_days": 20 }
        })
    );
}

#[test]
fn numbers_out_of_range_or_not_numbers_are_refused_field_by_field() {
    assert_eq!(
        draft_with(&[
            (SettingsField::Concurrency, "eight"),
            (SettingsField::RotateAfterDays, "30"),
            (SettingsField::WarnBeforeDays, "30"),
        ])
        .parse(),
        Err(vec![
            (
                SettingsField::WarnBeforeDays,
                FieldError::WarnNotBeforeRotate
            ),
            (SettingsField::Concurrency, FieldError::NotAWholeNumber),
        ])
    );
    assert_eq!(
        draft_with(&[(SettingsField::Concurrency, "33")]).parse(),
        Err(vec![(
            SettingsField::Concurrency,
            FieldError::OutOfRange { min: 1, max: 32 }
        )])
    );
}

#[test]
fn the_kms_rate_takes_a_whole_number_up_to_kms_limit() {
    let refused = |text: &str, error: FieldError| {
        assert_eq!(
            draft_with(&[(SettingsField::KmsRequestsPerSecond, text)]).parse(),
            Err(vec![(SettingsField::KmsRequestsPerSecond, error)]),
            "{text:?}"
        );
    };
    for text in ["0", "21", "99999999999999999999999"] {
        refused(text, FieldError::OutOfRange { min: 1, max: 20 });
    }
    for text in ["abc", "", "1.5", "-1"] {
        refused(text, FieldError::NotAWholeNumber);
    }
    for (text, value) in [("1", 1), (" 8 ", 8), ("20", 20)] {
        assert_eq!(
            draft_with(&[(SettingsField::KmsRequestsPerSecond, text)])
                .parse()
                .map(|s| s.kms_requests_per_second),
            Ok(value),
            "{text:?}"
        );
    }
}

#[test]
fn only_plain_digits_are_whole_numbers() {
    for text in [
        "", " ", "eight", "-1", "+5", "1.5", "1e3", "0x10", "１２", "1 2",
    ] {
        assert_eq!(
            draft_with(&[(SettingsField::Concurrency, text)]).parse(),
            Err(vec![(
                SettingsField::Concurrency,
                FieldError::NotAWholeNumber
            )]),
            "{text:?}"
        );
    }
    for (text, value) in [("007", 7), (" 32", 32), ("1\n", 1)] {
        assert_eq!(
            draft_with(&[(SettingsField::Concurrency, text)])
                .parse()
                .map(|s| s.concurrency),
            Ok(value),
            "{text:?}"
        );
    }
}

#[test]
fn huge_numbers_are_out_of_range_not_garbage() {
    assert_eq!(
        draft_with(&[(SettingsField::Concurrency, "99999999999999999999999")]).parse(),
        Err(vec![(
            SettingsField::Concurrency,
            FieldError::OutOfRange { min: 1, max: 32 }
        )])
    );
    assert_eq!(
        draft_with(&[(SettingsField::RotateAfterDays, "4294967296")]).parse(),
        Err(vec![(
            SettingsField::RotateAfterDays,
            FieldError::OutOfRange { min: 1, max: 3650 }
        )])
    );
}

#[test]
fn every_refused_field_is_reported_in_form_order() {
    let errors = draft_with(&[
        (SettingsField::KmsRequestsPerSecond, "abc"),
        (SettingsField::Concurrency, "0"),
        (SettingsField::UnusedAfterDays, "x"),
        (SettingsField::NewKeyGraceDays, "y"),
        (SettingsField::WarnBeforeDays, "z"),
        (SettingsField::RotateAfterDays, "w"),
        (SettingsField::KmsEndpoint, "kms"),
        (SettingsField::IamEndpoint, "ftp://iam"),
        (SettingsField::Region, ""),
        (SettingsField::ProxyUrl, "not a url"),
    ])
    .parse()
    .unwrap_err();
    assert_eq!(
        errors,
        [
            (SettingsField::ProxyUrl, FieldError::UrlNotAbsolute),
            (SettingsField::Region, FieldError::Required),
            (SettingsField::IamEndpoint, FieldError::UrlScheme),
            (SettingsField::KmsEndpoint, FieldError::UrlNotAbsolute),
            (SettingsField::RotateAfterDays, FieldError::NotAWholeNumber),
            (SettingsField::WarnBeforeDays, FieldError::NotAWholeNumber),
            (SettingsField::NewKeyGraceDays, FieldError::NotAWholeNumber),
            (SettingsField::UnusedAfterDays, FieldError::NotAWholeNumber),
            (
                SettingsField::Concurrency,
                FieldError::OutOfRange { min: 1, max: 32 }
            ),
            (
                SettingsField::KmsRequestsPerSecond,
                FieldError::NotAWholeNumber
            ),
        ]
    );
}

#[test]
fn the_proxy_url_errors_of_the_settings_page() {
    for (typed, error) in [
        ("not a url", FieldError::UrlNotAbsolute),
        ("ftp://example.com", FieldError::UrlScheme),
        ("http://user:pw@example.com", FieldError::UrlHasCredentials),
        ("", FieldError::Required),
    ] {
        assert_eq!(
            draft_with(&[(SettingsField::ProxyUrl, typed)]).parse(),
            Err(vec![(SettingsField::ProxyUrl, error)]),
            "{typed:?}"
        );
    }
}
