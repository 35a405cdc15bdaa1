//! Serving the built app next to the proxy (`--serve-dir`).
//!
//! Files come from the directory as built; a path that names no file gets `index.html`, so the
//! app's own routes (e.g. `/keys`) load the app on a full page load. When the request's
//! `Accept-Encoding` allows it, the `.br` or `.gz` written beside a file at build time is served
//! instead, with `Content-Encoding`. Trunk's hashed assets are cached for a year; everything else
//! (`index.html`, `config.json`, the app's routes) is revalidated on every use. A path with a
//! `.` or `..` segment, a backslash or a NUL, plainly or percent-encoded, is refused outright.
//! Every answer, refusals included, carries the security headers of [`StaticHeaders`].

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;
use tower::ServiceExt;
use tower::util::MapResponse;
use tower_http::services::fs::ServeFileSystemResponseBody;
use tower_http::services::{ServeDir, ServeFile};

use crate::error::ProxyError;
use crate::origin::Origin;
use crate::static_headers::StaticHeaders;

/// `Cache-Control` for files whose name changes with their content.
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// `Cache-Control` for everything else: a cached copy is revalidated before use.
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");

type FileResponse = Response<ServeFileSystemResponseBody>;
/// `index.html`, marked `no-cache` whatever path it answers.
type SpaFallback = MapResponse<ServeFile, fn(FileResponse) -> FileResponse>;

/// The built app in a directory, as served by `--serve-dir`.
#[derive(Clone, Debug)]
pub struct AppFiles {
    files: ServeDir<SpaFallback>,
    security: StaticHeaders,
}

impl AppFiles {
    /// The files under `dir` (which holds `index.html`), whose answers allow connections to the
    /// proxy of `dir/config.json` and to `connect_src`.
    pub fn new(dir: &Path, connect_src: &[Origin]) -> AppFiles {
        let index = ServeFile::new(dir.join("index.html"))
            .precompressed_br()
            .precompressed_gzip();
        let fallback: SpaFallback = MapResponse::new(index, no_cache);
        let files = ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(fallback);
        AppFiles {
            files,
            security: StaticHeaders::new(dir, connect_src),
        }
    }

    /// Answers `request` from the directory, with `Cache-Control`, `Vary: Accept-Encoding` and
    /// the security headers; a path that could leave the directory gets `400 proxy.bad_path`
    /// (with the security headers too).
    pub async fn serve(&self, request: Request) -> Response {
        let mut response = self.answer(request).await;
        self.security.apply(response.headers_mut()).await;
        response
    }

    async fn answer(&self, request: Request) -> Response {
        if !is_plain_path(request.uri().path()) {
            return ProxyError::bad_path().into_response();
        }
        let cacheable = is_hashed_asset(request.uri().path());
        let mut response = match self.files.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let ok = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
        let headers = response.headers_mut();
        if !headers.contains_key(header::CACHE_CONTROL) {
            let policy = if cacheable && ok { IMMUTABLE } else { NO_CACHE };
            headers.insert(header::CACHE_CONTROL, policy);
        }
        add_vary_accept_encoding(headers);
        response.into_response()
    }
}

fn no_cache(mut response: FileResponse) -> FileResponse {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, NO_CACHE);
    response
}

/// Every file may have precompressed variants, so caches must key on `Accept-Encoding`.
fn add_vary_accept_encoding(headers: &mut HeaderMap) {
    let already = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|name| name.trim().eq_ignore_ascii_case("accept-encoding"));
    if !already {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
}

/// Whether `path`, once percent-decoded, is valid UTF-8 made of ordinary segments: none is `.` or
/// `..`, and none holds a backslash (a separator on Windows) or a NUL.
pub fn is_plain_path(path: &str) -> bool {
    percent_decode_str(path).decode_utf8().is_ok_and(|decoded| {
        !decoded.contains(['\\', '\0'])
            && decoded
                .split('/')
                .all(|segment| segment != "." && segment != "..")
    })
}

/// Whether the last path segment is one of trunk's content-hashed names: `-`, 16 lowercase hex
/// digits, then the extension or `_bg.` (wasm-bindgen's module), e.g.
/// `keyturn-2d3dcca7ea29eef9_bg.wasm` or `style-4b7c8a2fc952ed4b.css`.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !extension.is_empty()
        && hash.len() == 16
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_pass_and_traversals_in_any_spelling_do_not() {
        for path in [
            "/",
            "/index.html",
            "/keys/AK123",
            "/assets/app-0123456789abcdef.js",
            "/a..b/c.",
            "/%E4%B8%AD",
        ] {
            assert!(is_plain_path(path), "{path}");
        }
        for path in [
            "/../Cargo.toml",
            "/..%2f..%2fCargo.toml",
            "/%2e%2e/%2e%2e/Cargo.toml",
            "/%2E%2E%2FCargo.toml",
            "/assets/./app.js",
            "/..\\..\\Cargo.toml",
            "/%5c..%5cCargo.toml",
            "/index.html%00.js",
            "/%ff",
        ] {
            assert!(!is_plain_path(path), "{path}");
        }
    }

    #[test]
    fn recognises_trunk_hashed_names() {
        for path in [
            "/keyturn-2d3dcca7ea29eef9_bg.wasm",
            "/keyturn-2d3dcca7ea29eef9.js",
            "/style-4b7c8a2fc952ed4b.css",
            "/favicon-a988ddcbbc21c251.svg",
            "/sub/app-name-0123456789abcdef.js",
        ] {
            assert!(is_hashed_asset(path), "{path}");
        }
        for path in [
            "/",
            "/index.html",
            "/config.json",
            "/favicon.svg",
            "/credentials",
            "/keys/AK123",
            "/keyturn-2d3dcca7ea29eef9",
            "/keyturn-2d3dcca7ea29eef9.",
            "/keyturn-2D3DCCA7EA29EEF9.js",
            "/keyturn-2d3dcca7ea29eef.js",
            "/keyturn-2d3dcca7ea29eef90.js",
            "/keyturn-2d3dcca7ea29eef9_x.js",
            "/keyturn-2d3dcca7ea29eef9.js/page",
        ] {
            assert!(!is_hashed_asset(path), "{path}");
        }
    }
}
