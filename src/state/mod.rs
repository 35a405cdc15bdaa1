//! App state: settings (config.json + localStorage), language, and their contexts.

mod config_error;
pub mod config_file;
mod field;
mod inventory_hook;
mod inventory_load;
mod inventory_risk;
mod inventory_state;
mod inventory_view;
mod lang_context;
pub mod overlay;
mod session;
mod session_context;
mod session_return;
mod settings;
mod settings_context;
mod settings_draft;
mod settings_state;
pub mod validate;

pub use config_error::ConfigError;
pub use field::{FieldError, SettingsField};
pub use inventory_hook::{InventoryHandle, use_inventory};
pub use inventory_risk::{
    CONFIRM_SUFFIX_CHARS, DeleteRisk, RECENT_USE_DAYS, confirms_delete, delete_risks,
};
pub use inventory_state::{InventoryAction, InventoryState, Listing, Scope, UserLoad};
pub use inventory_view::use_table_view;
pub use lang_context::{LangContext, LangProvider, Translator, use_lang, use_text};
pub use session::Session;
pub use session_context::{SessionHandle, SessionProvider, use_session, use_session_handle};
pub use session_return::ReturnTo;
pub use settings::{DEFAULT_CONCURRENCY, DEFAULT_PROXY_URL, DEFAULT_REGION, Settings};
pub use settings_context::{
    ConfigSource, SaveError, SettingsHandle, SettingsProvider, use_settings,
};
pub use settings_draft::SettingsDraft;
pub use settings_state::{ConfigStatus, SettingsAction, SettingsState, apply_overlay, overlay_for};
