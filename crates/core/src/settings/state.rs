//! The settings in force: config.json defaults overlaid by what this browser stored.

use serde_json::Value;

use super::overlay::{diff, merge};
use super::validate::validate;
use super::{ConfigError, Settings};
use crate::model::Model;

/// Where reading config.json stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigStatus {
    /// config.json is being fetched.
    Loading,
    /// config.json was read and accepted.
    Ready,
    /// config.json could not be used; built-in defaults stand in for it.
    Failed(ConfigError),
}

/// The app-wide settings state.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsState {
    /// Where reading config.json stands.
    pub config: ConfigStatus,
    /// The defaults: config.json, or the built-in ones when it failed.
    pub defaults: Settings,
    /// The settings in force: `defaults` overlaid by the stored settings.
    pub effective: Settings,
    /// Whether settings saved in this browser are part of `effective`.
    pub stored_in_use: bool,
    /// Whether stored settings existed but were unusable and so were ignored.
    pub stored_ignored: bool,
}

impl Default for SettingsState {
    fn default() -> Self {
        Self {
            config: ConfigStatus::Loading,
            defaults: Settings::default(),
            effective: Settings::default(),
            stored_in_use: false,
            stored_ignored: false,
        }
    }
}

/// What can happen to the settings.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsAction {
    /// config.json was read; `stored` is the raw localStorage value, if any.
    ConfigLoaded {
        /// Settings read from config.json.
        defaults: Settings,
        /// Raw stored overlay.
        stored: Option<String>,
    },
    /// config.json could not be used; `stored` is the raw localStorage value, if any.
    ConfigFailed {
        /// Why config.json was refused.
        error: ConfigError,
        /// Raw stored overlay.
        stored: Option<String>,
    },
    /// The user saved valid settings (already written to storage).
    Saved(Settings),
    /// The user went back to the defaults (storage already cleared).
    Reset,
}

impl Model for SettingsState {
    type Action = SettingsAction;

    fn apply(&mut self, action: SettingsAction) -> bool {
        let before = self.clone();
        *self = match action {
            SettingsAction::ConfigLoaded { defaults, stored } => {
                with_stored(ConfigStatus::Ready, defaults, stored.as_deref())
            }
            SettingsAction::ConfigFailed { error, stored } => with_stored(
                ConfigStatus::Failed(error),
                Settings::default(),
                stored.as_deref(),
            ),
            SettingsAction::Saved(effective) => SettingsState {
                effective,
                stored_in_use: true,
                stored_ignored: false,
                ..self.clone()
            },
            SettingsAction::Reset => SettingsState {
                effective: self.defaults.clone(),
                stored_in_use: false,
                stored_ignored: false,
                ..self.clone()
            },
        };
        *self != before
    }
}

fn with_stored(config: ConfigStatus, defaults: Settings, stored: Option<&str>) -> SettingsState {
    let overlaid = stored.map(|raw| apply_overlay(&defaults, raw));
    let stored_ignored = matches!(overlaid, Some(None));
    let stored = overlaid.flatten();
    SettingsState {
        config,
        stored_in_use: stored.is_some(),
        effective: stored.unwrap_or_else(|| defaults.clone()),
        defaults,
        stored_ignored,
    }
}

/// `defaults` overlaid by the stored JSON `raw`; `None` when the result is not valid settings.
pub fn apply_overlay(defaults: &Settings, raw: &str) -> Option<Settings> {
    let overlay: Value = serde_json::from_str(raw).ok()?;
    if !overlay.is_object() {
        return None;
    }
    let mut merged = serde_json::to_value(defaults).ok()?;
    merge(&mut merged, &overlay);
    let settings = serde_json::from_value::<Settings>(merged)
        .ok()?
        .normalized();
    validate(&settings).is_empty().then_some(settings)
}

/// The JSON to store so that [`apply_overlay`] on `defaults` gives back `settings`: only the
/// fields that differ from `defaults`.
pub fn overlay_for(defaults: &Settings, settings: &Settings) -> String {
    let base = serde_json::to_value(defaults).unwrap_or_default();
    let current = serde_json::to_value(settings).unwrap_or_default();
    diff(&base, &current).to_string()
}
