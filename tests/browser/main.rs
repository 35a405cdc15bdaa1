//! The app in a real browser (headless Chromium): what needs a DOM or `fetch`. Everything
//! decided without a browser is tested natively in `keyturn-core`.
//!
//! One module per feature or widget, all on one harness (`support`). The crate is empty on
//! other targets than wasm32.

#![cfg(target_arch = "wasm32")]

mod support;

mod app;
mod connect_page;
mod hardening;
mod keys_actions;
mod keys_dialogs;
mod keys_loading;
mod keys_table;
mod kms_page;
mod language;
mod settings_page;
mod transport;
mod ui;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
