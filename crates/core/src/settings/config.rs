//! Reading config.json, the runtime configuration served next to index.html.

use serde_json::Value;

use super::validate::validate;
use super::{ConfigError, Settings};

/// URL of the configuration file, relative to the document's base URL.
pub const CONFIG_URL: &str = "config.json";

/// Reads the text of config.json: every field optional, unknown fields refused, values
/// checked like the settings form checks them. The error names the first bad field.
pub fn parse_config(text: &str) -> Result<Settings, ConfigError> {
    if text.trim_start().starts_with('<') {
        return Err(ConfigError::NotFound);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|error| ConfigError::NotJson(error.to_string()))?;
    if !value.is_object() {
        return Err(ConfigError::NotJson("expected an object { … }".to_owned()));
    }
    let settings: Settings =
        serde_path_to_error::deserialize(value).map_err(|error| ConfigError::WrongField {
            field: error.path().to_string(),
            detail: error.into_inner().to_string(),
        })?;
    let settings = settings.normalized();
    match validate(&settings).into_iter().next() {
        Some((field, error)) => Err(ConfigError::InvalidField { field, error }),
        None => Ok(settings),
    }
}
