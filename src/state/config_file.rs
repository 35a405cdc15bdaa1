//! Reading the runtime configuration file, config.json, served next to index.html.

use gloo_net::http::Request;
use serde_json::Value;
use web_sys::RequestCache;

use super::validate::validate;
use super::{ConfigError, Settings};

/// URL of the configuration file, relative to the document's base URL.
pub const CONFIG_URL: &str = "config.json";

/// Fetches and reads config.json, bypassing the HTTP cache so an edit shows on reload.
pub async fn fetch_config(url: &str) -> Result<Settings, ConfigError> {
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| ConfigError::Unreachable(error.to_string()))?;
    match response.status() {
        404 => return Err(ConfigError::NotFound),
        200..=299 => {}
        status => return Err(ConfigError::Status(status)),
    }
    let text = response
        .text()
        .await
        .map_err(|error| ConfigError::Unreachable(error.to_string()))?;
    parse_config(&text)
}

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
