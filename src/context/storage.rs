//! localStorage access for the settings overlay, the language choice and the rotation book;
//! credentials and secrets never go through here.

use wasm_bindgen::JsCast;

/// localStorage key of the stored settings overlay (JSON object, see `keyturn_core::settings::overlay_for`).
pub const SETTINGS_KEY: &str = "keyturn.settings";
/// localStorage key of the chosen language code (`en` or `zh-CN`).
pub const LANG_KEY: &str = "keyturn.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value stored under `key`, if storage is available and holds one.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; the error explains why the browser refused.
pub fn write(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage().ok_or_else(|| "localStorage is not available".to_owned())?;
    storage.set_item(key, value).map_err(|error| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_else(|| "localStorage refused the value".to_owned())
    })
}

/// Removes `key`; does nothing when storage is unavailable.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
