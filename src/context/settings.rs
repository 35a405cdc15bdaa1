//! The settings context: provider, handle and `use_settings`.

use std::ops::Deref;

use yew::prelude::*;

use keyturn_core::settings::{
    ConfigError, FieldError, Settings, SettingsAction, SettingsField, SettingsState, overlay_for,
    validate,
};

use super::storage::{self, SETTINGS_KEY};
use super::{Reduced, use_model};
use crate::api::fetch_config;

/// Where the defaults come from.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigSource {
    /// Fetch config.json from this URL (relative to the document's base URL).
    Fetch(AttrValue),
    /// Use this outcome as if config.json had been read (embedding, tests).
    Fixed(Result<Settings, ConfigError>),
}

/// Why saving settings failed.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Some fields are refused; nothing was stored.
    Invalid(Vec<(SettingsField, FieldError)>),
    /// The browser refused to store them.
    Storage(String),
}

/// Read access to the settings state plus the two ways to change it.
#[derive(Clone, PartialEq)]
pub struct SettingsHandle(UseReducerHandle<Reduced<SettingsState>>);

impl Deref for SettingsHandle {
    type Target = SettingsState;

    fn deref(&self) -> &SettingsState {
        &self.0
    }
}

impl SettingsHandle {
    /// Validates `settings`, stores what differs from the defaults and puts them in force.
    /// Nothing changes when they are refused.
    pub fn save(&self, settings: Settings) -> Result<(), SaveError> {
        let refused = validate(&settings);
        if !refused.is_empty() {
            return Err(SaveError::Invalid(refused));
        }
        storage::write(SETTINGS_KEY, &overlay_for(&self.defaults, &settings))
            .map_err(SaveError::Storage)?;
        self.0.dispatch(SettingsAction::Saved(settings));
        Ok(())
    }

    /// Forgets the stored settings and puts the defaults in force.
    pub fn reset(&self) {
        storage::remove(SETTINGS_KEY);
        self.0.dispatch(SettingsAction::Reset);
    }
}

/// Props of [`SettingsProvider`].
#[derive(Properties, PartialEq)]
pub struct SettingsProviderProps {
    /// Where the defaults come from.
    pub source: ConfigSource,
    /// The part of the app that reads settings.
    pub children: Html,
}

/// Loads the defaults and the stored settings, and provides a [`SettingsHandle`].
#[component]
pub fn SettingsProvider(props: &SettingsProviderProps) -> Html {
    let state = use_model::<SettingsState>();
    {
        let state = state.clone();
        use_effect_with(props.source.clone(), move |source| match source.clone() {
            ConfigSource::Fetch(url) => wasm_bindgen_futures::spawn_local(async move {
                let outcome = fetch_config(&url).await;
                state.dispatch(loaded(outcome));
            }),
            ConfigSource::Fixed(outcome) => state.dispatch(loaded(outcome)),
        });
    }
    html! {
        <ContextProvider<SettingsHandle> context={SettingsHandle(state)}>
            { props.children.clone() }
        </ContextProvider<SettingsHandle>>
    }
}

fn loaded(outcome: Result<Settings, ConfigError>) -> SettingsAction {
    let stored = storage::read(SETTINGS_KEY);
    match outcome {
        Ok(defaults) => SettingsAction::ConfigLoaded { defaults, stored },
        Err(error) => SettingsAction::ConfigFailed { error, stored },
    }
}

/// The settings context; the component must sit inside a [`SettingsProvider`].
#[hook]
pub fn use_settings() -> SettingsHandle {
    use_context::<SettingsHandle>().expect("use_settings needs a SettingsProvider above it")
}
