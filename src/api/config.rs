//! Fetching config.json, served next to index.html.

use gloo_net::http::Request;
use keyturn_core::settings::{ConfigError, Settings, parse_config};
use web_sys::RequestCache;

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
