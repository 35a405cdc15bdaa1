//! Keyturn: a browser console that keeps Huawei Cloud access keys and KMS keys rotated.
//!
//! Layers, each importing only those below it (see ARCHITECTURE.md): `app` (the shell),
//! `features` (one folder per feature), `ui` (shared widgets), `context` (app-wide state),
//! `api` (the only network code) and `i18n` (every string in English and Simplified Chinese),
//! over `keyturn_core`, the pure model.

pub mod api;
pub mod app;
pub mod context;
pub mod features;
pub mod i18n;
pub mod ui;
