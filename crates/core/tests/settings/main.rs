//! The non-secret settings without a browser: URL, region and range checks, config.json,
//! the stored overlay, the settings form's draft and the settings reducer.

mod config;
mod draft;
mod fixture;
mod overlay;
mod state;
mod url;
mod validate;
