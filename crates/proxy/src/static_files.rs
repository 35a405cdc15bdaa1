//! Serving the built app next to the proxy (`--serve-dir`).

use std::path::Path;

use tower_http::services::{ServeDir, ServeFile};

/// Files under `dir`; any path that names no file gets `dir/index.html`, so the app's own
/// routes (e.g. `/keys`) load the app on a full page load.
pub fn app_files(dir: &Path) -> ServeDir<ServeFile> {
    ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))
}
