//! The non-secret settings without the browser: values and defaults, config.json, the sparse
//! overlay this browser stores, validation, the settings form's draft and the settings reducer.

mod config;
mod config_error;
mod draft;
mod field;
mod overlay;
mod state;
mod validate;
mod values;

pub use config::{CONFIG_URL, parse_config};
pub use config_error::ConfigError;
pub use draft::SettingsDraft;
pub use field::{FieldError, SettingsField};
pub use overlay::{diff, merge};
pub use state::{ConfigStatus, SettingsAction, SettingsState, apply_overlay, overlay_for};
pub use validate::{
    CONCURRENCY_RANGE, KMS_RATE_RANGE, LOOPBACK_HOSTS, check_proxy_url, check_range, check_region,
    check_url, same_proxy, validate,
};
pub use values::{
    DEFAULT_CONCURRENCY, DEFAULT_KMS_REQUESTS_PER_SECOND, DEFAULT_PROXY_URL, DEFAULT_REGION,
    Settings,
};
