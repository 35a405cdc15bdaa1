//! Unit-test helper shared by the modules that read or write header maps.

use axum::http::{HeaderMap, HeaderValue};

/// A header map with `pairs`, in order (repeated names are appended, not replaced).
pub(crate) fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, HeaderValue::from_static(value));
    }
    map
}
