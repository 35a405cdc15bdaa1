//! The settings reducer: config.json defaults overlaid by what this browser stored.

use keyturn_core::model::Model;
use keyturn_core::settings::{
    ConfigError, ConfigStatus, FieldError, Settings, SettingsAction, SettingsField, SettingsState,
    overlay_for,
};

use crate::fixture::sample;

fn applied(mut state: SettingsState, action: SettingsAction) -> SettingsState {
    state.apply(action);
    state
}

fn loaded(defaults: Settings, stored: Option<&str>) -> SettingsState {
    applied(
        SettingsState::default(),
        SettingsAction::ConfigLoaded {
            defaults,
            stored: stored.map(str::to_owned),
        },
    )
}

fn broken_config() -> ConfigError {
    ConfigError::InvalidField {
        field: SettingsField::ProxyUrl,
        error: FieldError::UrlScheme,
    }
}

#[test]
fn before_config_json_arrives_the_built_in_defaults_stand() {
    let state = SettingsState::default();
    assert_eq!(state.config, ConfigStatus::Loading);
    assert_eq!(state.defaults, Settings::default());
    assert_eq!(state.effective, Settings::default());
    assert!(!state.stored_in_use && !state.stored_ignored);
}

#[test]
fn config_json_without_stored_settings_is_in_force() {
    let state = loaded(sample(), None);
    assert_eq!(state.config, ConfigStatus::Ready);
    assert_eq!(state.defaults, sample());
    assert_eq!(state.effective, sample());
    assert!(!state.stored_in_use && !state.stored_ignored);
}

#[test]
fn stored_settings_overlay_config_json() {
    let state = loaded(sample(), Some(r#"{"concurrency":3}"#));
    assert_eq!(state.config, ConfigStatus::Ready);
    assert_eq!(state.defaults, sample(), "the defaults stay config.json's");
    assert_eq!(
        state.effective,
        Settings {
            concurrency: 3,
            ..sample()
        }
    );
    assert!(state.stored_in_use);
    assert!(!state.stored_ignored);
}

#[test]
fn an_empty_stored_overlay_is_in_use_but_changes_nothing() {
    let state = loaded(sample(), Some("{}"));
    assert_eq!(state.effective, sample());
    assert!(state.stored_in_use);
}

#[test]
fn unusable_stored_settings_are_ignored_and_flagged() {
    for raw in [
        r#"{"region":"mars-1"}"#,
        "not json",
        "[]",
        r#"{"concurrency":0}"#,
        r#"{"kms_requests_per_second":21}"#,
    ] {
        let state = loaded(sample(), Some(raw));
        assert_eq!(state.config, ConfigStatus::Ready, "{raw}");
        assert_eq!(state.effective, sample(), "{raw}");
        assert!(!state.stored_in_use, "{raw}");
        assert!(state.stored_ignored, "{raw}");
    }
}

#[test]
fn a_failed_config_json_falls_back_to_the_built_in_defaults() {
    let state = applied(
        loaded(sample(), None),
        SettingsAction::ConfigFailed {
            error: broken_config(),
            stored: None,
        },
    );
    assert_eq!(state.config, ConfigStatus::Failed(broken_config()));
    assert_eq!(state.defaults, Settings::default());
    assert_eq!(state.effective, Settings::default());
    assert!(!state.stored_in_use && !state.stored_ignored);
}

#[test]
fn stored_settings_still_apply_over_the_built_in_defaults() {
    let state = applied(
        SettingsState::default(),
        SettingsAction::ConfigFailed {
            error: ConfigError::NotFound,
            stored: Some(r#"{"proxy_url":"http://127.0.0.1:9000"}"#.into()),
        },
    );
    assert_eq!(state.config, ConfigStatus::Failed(ConfigError::NotFound));
    assert_eq!(state.effective.proxy_url, "http://127.0.0.1:9000");
    assert_eq!(state.defaults, Settings::default());
    assert!(state.stored_in_use && !state.stored_ignored);

    let ignored = applied(
        SettingsState::default(),
        SettingsAction::ConfigFailed {
            error: ConfigError::Status(500),
            stored: Some("{".into()),
        },
    );
    assert_eq!(ignored.effective, Settings::default());
    assert!(!ignored.stored_in_use && ignored.stored_ignored);
}

#[test]
fn saving_puts_the_settings_in_force_and_clears_the_ignored_flag() {
    let state = loaded(sample(), Some(r#"{"region":"mars-1"}"#));
    assert!(state.stored_ignored);
    let mut saved = sample();
    saved.concurrency = 12;
    let state = applied(state, SettingsAction::Saved(saved.clone()));
    assert_eq!(state.effective, saved);
    assert_eq!(state.defaults, sample(), "saving leaves the defaults alone");
    assert_eq!(state.config, ConfigStatus::Ready);
    assert!(state.stored_in_use && !state.stored_ignored);
}

#[test]
fn saving_keeps_a_config_json_failure_on_record() {
    let state = applied(
        SettingsState::default(),
        SettingsAction::ConfigFailed {
            error: broken_config(),
            stored: None,
        },
    );
    let saved = Settings {
        proxy_url: "http://127.0.0.1:9000".into(),
        ..Settings::default()
    };
    let state = applied(state, SettingsAction::Saved(saved.clone()));
    assert_eq!(state.config, ConfigStatus::Failed(broken_config()));
    assert_eq!(state.effective, saved);
    assert!(state.stored_in_use);
}

#[test]
fn reset_goes_back_to_the_defaults() {
    let state = loaded(sample(), Some(r#"{"concurrency":3}"#));
    let state = applied(state, SettingsAction::Reset);
    assert_eq!(state.effective, sample());
    assert_eq!(state.defaults, sample());
    assert_eq!(state.config, ConfigStatus::Ready);
    assert!(!state.stored_in_use && !state.stored_ignored);

    let flagged = applied(loaded(sample(), Some("nonsense")), SettingsAction::Reset);
    assert!(!flagged.stored_ignored, "nothing stored is left to ignore");
}

#[test]
fn what_is_saved_is_what_a_reload_brings_back() {
    let mut saved = sample();
    saved.region = "cn-east-3".into();
    saved.rotation_policy.unused_after_days = 30;
    saved.kms_requests_per_second = 12;
    let stored = overlay_for(&sample(), &saved);
    let reloaded = loaded(sample(), Some(&stored));
    assert_eq!(reloaded.effective, saved);
    assert!(reloaded.stored_in_use);
}

#[test]
fn a_new_config_json_replaces_the_whole_state() {
    let state = applied(
        loaded(sample(), Some(r#"{"concurrency":3}"#)),
        SettingsAction::ConfigLoaded {
            defaults: Settings::default(),
            stored: None,
        },
    );
    assert_eq!(state.effective, Settings::default());
    assert!(!state.stored_in_use);
}

#[test]
fn an_action_that_changes_nothing_is_refused() {
    let mut state = loaded(sample(), None);
    assert!(!state.apply(SettingsAction::Reset));
    let mut changed = sample();
    changed.concurrency += 1;
    assert!(state.apply(SettingsAction::Saved(changed.clone())));
    assert!(!state.apply(SettingsAction::Saved(changed)));
}
