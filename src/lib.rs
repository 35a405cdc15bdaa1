//! Keyturn: a browser console that keeps Huawei Cloud access keys and KMS keys rotated.
//!
//! `app` holds the routes, `pages` one module per route, `components` the reusable pieces,
//! `state` settings and language with their contexts, `i18n` every string in English and
//! Simplified Chinese, `api` the only code that talks to the network (through the proxy).

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod storage;
