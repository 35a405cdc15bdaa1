//! Region and range checks, and `validate` over whole settings.

use keyturn_core::endpoints;
use keyturn_core::kms::KMS_REQUESTS_PER_SECOND;
use keyturn_core::policy::RotationPolicy;
use keyturn_core::settings::{
    CONCURRENCY_RANGE, DEFAULT_CONCURRENCY, DEFAULT_KMS_REQUESTS_PER_SECOND, DEFAULT_PROXY_URL,
    DEFAULT_REGION, FieldError, KMS_RATE_RANGE, Settings, SettingsField, check_range, check_region,
    validate,
};

use crate::fixture::sample;

#[test]
fn the_defaults_and_the_sample_are_valid() {
    assert_eq!(validate(&Settings::default()), []);
    assert_eq!(validate(&sample()), []);
    let defaults = Settings::default();
    assert_eq!(defaults.proxy_url, DEFAULT_PROXY_URL);
    assert_eq!(defaults.region, DEFAULT_REGION);
    assert_eq!(defaults.concurrency, DEFAULT_CONCURRENCY);
    assert_eq!(
        defaults.kms_requests_per_second,
        DEFAULT_KMS_REQUESTS_PER_SECOND
    );
    assert_eq!(defaults.rotation_policy, RotationPolicy::default());
    assert_eq!(
        (
            defaults.iam_endpoint,
            defaults.kms_endpoint,
            defaults.account_name
        ),
        (None, None, None)
    );
}

#[test]
fn every_official_region_is_accepted() {
    assert!(!endpoints::regions().is_empty());
    for region in endpoints::regions() {
        assert_eq!(check_region(&region.id), Ok(()), "{}", region.id);
    }
}

#[test]
fn an_unknown_or_empty_region_is_refused() {
    assert_eq!(check_region(""), Err(FieldError::Required));
    for region in [
        "nowhere-1",
        "mars-1",
        "CN-NORTH-4",
        " cn-north-4",
        "cn-north",
    ] {
        assert_eq!(
            check_region(region),
            Err(FieldError::UnknownRegion),
            "{region:?}"
        );
    }
}

#[test]
fn ranges_are_inclusive_and_name_their_bounds() {
    assert_eq!(CONCURRENCY_RANGE, 1..=32);
    for ok in [1, 8, 32] {
        assert_eq!(check_range(ok, CONCURRENCY_RANGE), Ok(()), "{ok}");
    }
    for bad in [0, 33, u32::MAX] {
        assert_eq!(
            check_range(bad, CONCURRENCY_RANGE),
            Err(FieldError::OutOfRange { min: 1, max: 32 }),
            "{bad}"
        );
    }
    assert_eq!(
        check_range(4, 5..=5),
        Err(FieldError::OutOfRange { min: 5, max: 5 })
    );
}

#[test]
fn the_kms_rate_stays_under_kms_own_limit() {
    assert_eq!(KMS_RATE_RANGE, 1..=KMS_REQUESTS_PER_SECOND);
    assert_eq!(KMS_REQUESTS_PER_SECOND, 20);
    assert_eq!(DEFAULT_KMS_REQUESTS_PER_SECOND, 15);
    for ok in [1, 15, 20] {
        assert_eq!(check_range(ok, KMS_RATE_RANGE), Ok(()), "{ok}");
    }
    for bad in [0, 21, u32::MAX] {
        let settings = Settings {
            kms_requests_per_second: bad,
            ..Settings::default()
        };
        assert_eq!(
            validate(&settings),
            [(
                SettingsField::KmsRequestsPerSecond,
                FieldError::OutOfRange { min: 1, max: 20 }
            )],
            "{bad}"
        );
    }
}

#[test]
fn every_refused_field_is_listed_in_form_order() {
    let settings = Settings {
        proxy_url: "ftp://proxy".into(),
        region: "mars-1".into(),
        iam_endpoint: Some("iam.example.com".into()),
        kms_endpoint: Some("https://kms.example.com/?x".into()),
        account_name: Some("whatever".into()),
        concurrency: 0,
        kms_requests_per_second: 21,
        rotation_policy: RotationPolicy {
            rotate_after_days: 0,
            ..RotationPolicy::default()
        },
    };
    assert_eq!(
        validate(&settings),
        [
            (SettingsField::ProxyUrl, FieldError::UrlScheme),
            (SettingsField::Region, FieldError::UnknownRegion),
            (SettingsField::IamEndpoint, FieldError::UrlNotAbsolute),
            (
                SettingsField::KmsEndpoint,
                FieldError::UrlHasQueryOrFragment
            ),
            (
                SettingsField::RotateAfterDays,
                FieldError::OutOfRange { min: 1, max: 3650 }
            ),
            (
                SettingsField::Concurrency,
                FieldError::OutOfRange { min: 1, max: 32 }
            ),
            (
                SettingsField::KmsRequestsPerSecond,
                FieldError::OutOfRange { min: 1, max: 20 }
            ),
        ]
    );
}

#[test]
fn unset_endpoints_are_not_checked_but_set_ones_are() {
    assert_eq!(Settings::default().iam_endpoint, None);
    assert_eq!(validate(&Settings::default()), []);
    let settings = Settings {
        iam_endpoint: Some(String::new()),
        ..Settings::default()
    };
    assert_eq!(
        validate(&settings),
        [(SettingsField::IamEndpoint, FieldError::Required)],
        "normalize first: an empty override means none"
    );
    assert_eq!(validate(&settings.normalized()), []);
}

#[test]
fn each_policy_problem_lands_on_its_field() {
    let with = |policy: RotationPolicy| {
        validate(&Settings {
            rotation_policy: policy,
            ..Settings::default()
        })
    };
    let base = RotationPolicy::default();
    assert_eq!(
        with(RotationPolicy {
            rotate_after_days: 3651,
            ..base
        }),
        [(
            SettingsField::RotateAfterDays,
            FieldError::OutOfRange { min: 1, max: 3650 }
        )]
    );
    assert_eq!(
        with(RotationPolicy {
            new_key_grace_days: 366,
            ..base
        }),
        [(
            SettingsField::NewKeyGraceDays,
            FieldError::OutOfRange { min: 0, max: 365 }
        )]
    );
    assert_eq!(
        with(RotationPolicy {
            unused_after_days: 0,
            ..base
        }),
        [(
            SettingsField::UnusedAfterDays,
            FieldError::OutOfRange { min: 1, max: 3650 }
        )]
    );
    for warn in [30, 31] {
        assert_eq!(
            with(RotationPolicy {
                rotate_after_days: 30,
                warn_before_days: warn,
                ..base
            }),
            [(
                SettingsField::WarnBeforeDays,
                FieldError::WarnNotBeforeRotate
            )],
            "warn {warn}"
        );
    }
    assert_eq!(
        with(RotationPolicy {
            rotate_after_days: 30,
            warn_before_days: 29,
            ..base
        }),
        []
    );
}

#[test]
fn fields_have_stable_paths_and_ids() {
    let paths: Vec<&str> = SettingsField::ALL.iter().map(|f| f.config_path()).collect();
    assert_eq!(
        paths,
        [
            "proxy_url",
            "region",
            "iam_endpoint",
            "kms_endpoint",
            "account_name",
            "rotation_policy.rotate_after_days",
            "rotation_policy.warn_before_days",
            "rotation_policy.new_key_grace_days",
            "rotation_policy.unused_after_days",
            "concurrency",
            "kms_requests_per_second",
        ]
    );
    for field in SettingsField::ALL {
        let id = field.input_id();
        assert!(id.starts_with("settings-"), "{id}");
        let expected = field
            .config_path()
            .trim_start_matches("rotation_policy.")
            .replace('_', "-");
        assert_eq!(id, format!("settings-{expected}"));
    }
    let mut sorted = SettingsField::ALL;
    sorted.sort();
    assert_eq!(sorted, SettingsField::ALL, "form order is the Ord order");
}

#[test]
fn normalizing_trims_text_and_unsets_blank_options() {
    let settings = Settings {
        proxy_url: "  http://127.0.0.1:8787 ".into(),
        region: " cn-north-4\n".into(),
        iam_endpoint: Some("   ".into()),
        kms_endpoint: Some(" https://kms.example.com ".into()),
        account_name: Some(String::new()),
        ..Settings::default()
    }
    .normalized();
    assert_eq!(settings.proxy_url, "http://127.0.0.1:8787");
    assert_eq!(settings.region, "cn-north-4");
    assert_eq!(settings.iam_endpoint, None);
    assert_eq!(
        settings.kms_endpoint.as_deref(),
        Some("https://kms.example.com")
    );
    assert_eq!(settings.account_name, None);
    assert_eq!(settings, settings.clone().normalized(), "idempotent");
}

#[test]
fn settings_with_a_plain_http_proxy_elsewhere_are_refused_wherever_they_come_from() {
    use keyturn_core::settings::{ConfigError, apply_overlay, parse_config};
    let settings = Settings {
        proxy_url: "http://proxy.example.com".into(),
        ..Settings::default()
    };
    assert_eq!(
        validate(&settings),
        [(SettingsField::ProxyUrl, FieldError::ProxyNotHttps)]
    );
    assert_eq!(
        parse_config(r#"{"proxy_url": "http://proxy.example.com"}"#),
        Err(ConfigError::InvalidField {
            field: SettingsField::ProxyUrl,
            error: FieldError::ProxyNotHttps,
        }),
        "config.json"
    );
    assert_eq!(
        apply_overlay(
            &Settings::default(),
            r#"{"proxy_url": "http://proxy.example.com"}"#
        ),
        None,
        "a stored overlay is ignored"
    );
}
