//! Which headers cross the proxy, by allowlist both ways. Upstream gets only the headers that
//! signing and the IAM and KMS APIs use; the browser gets only the headers the app reads and the
//! body needs, so nothing an upstream (or anyone between it and the proxy) says can set cookies,
//! HSTS, Alt-Svc or the like on the app's origin. Every API answer is also made uncacheable and
//! inert as a document.

use axum::http::{HeaderMap, HeaderName, HeaderValue, header};

/// Request headers forwarded upstream, as the app sends them (and signs some of them). A browser
/// may send these, and only these, cross-origin (the preflight's `Access-Control-Allow-Headers`).
pub const FORWARDED: [&str; 9] = [
    "Authorization",
    "Content-Type",
    "X-Sdk-Date",
    "X-Auth-Token",
    "X-Project-Id",
    "X-Domain-Id",
    "X-Security-Token",
    "X-Subject-Token",
    "X-Language",
];

/// Upstream answer headers passed back: those describing the body, the server's clock, the
/// request ids, the issued token and when to retry.
const RETURNED: [&str; 8] = [
    "content-type",
    "content-length",
    "content-encoding",
    "date",
    "retry-after",
    "x-request-id",
    "x-iam-trace-id",
    "x-subject-token",
];

/// Added to every answer to a proxied path: never stored by a cache, never sniffed as another
/// type, and never a document that could run script on the proxy's origin.
const HARDENING: [(HeaderName, HeaderValue); 3] = [
    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    (
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ),
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    ),
];

/// The headers sent upstream: the allowed ones, each with every value in order, and `Host` set
/// to the upstream authority as written in the URL (the host the app signed).
pub fn request_headers(incoming: &HeaderMap, authority: &str) -> HeaderMap {
    let mut headers = kept(incoming, &FORWARDED);
    if let Ok(host) = HeaderValue::from_str(authority) {
        headers.insert(header::HOST, host);
    }
    headers
}

/// The upstream answer's headers that are passed back to the browser.
pub fn response_headers(upstream: &HeaderMap) -> HeaderMap {
    kept(upstream, &RETURNED)
}

/// Makes an answer to a proxied path uncacheable and inert (see [`HARDENING`]).
pub fn harden(headers: &mut HeaderMap) {
    for (name, value) in HARDENING {
        headers.insert(name, value);
    }
}

fn kept(headers: &HeaderMap, names: &[&str]) -> HeaderMap {
    let mut kept = HeaderMap::new();
    for name in names {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("valid header names");
        for value in headers.get_all(&name) {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_headers::headers;

    fn names(map: &HeaderMap) -> Vec<&str> {
        let mut names: Vec<&str> = map.keys().map(HeaderName::as_str).collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn request_headers_keep_what_the_api_needs_and_nothing_else() {
        let incoming = headers(&[
            ("host", "127.0.0.1:8787"),
            (
                "authorization",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00",
            ),
            ("x-sdk-date", "20191115T033655Z"),
            ("content-type", "application/json;charset=utf8"),
            ("content-length", "2"),
            ("x-forwarded-for", "10.0.0.1"),
            ("forwarded", "for=10.0.0.1"),
            ("x-real-ip", "10.0.0.1"),
            ("via", "1.1 evil"),
            ("cookie", "session=1"),
            ("origin", "http://localhost:8080"),
            ("user-agent", "Mozilla/5.0"),
            ("connection", "x-sdk-date"),
        ]);
        let sent = request_headers(&incoming, "iam.myhuaweicloud.com");
        assert_eq!(
            names(&sent),
            ["authorization", "content-type", "host", "x-sdk-date"]
        );
        assert_eq!(sent["host"], "iam.myhuaweicloud.com");
        assert_eq!(sent["authorization"], incoming["authorization"]);
    }

    #[test]
    fn repeated_headers_keep_every_value_in_order() {
        let sent = request_headers(
            &headers(&[("x-language", "en-us"), ("x-language", "zh-cn")]),
            "h",
        );
        let values: Vec<_> = sent.get_all("x-language").iter().collect();
        assert_eq!(values, ["en-us", "zh-cn"]);
    }

    #[test]
    fn response_headers_keep_only_what_the_app_reads_and_the_body_needs() {
        let kept = response_headers(&headers(&[
            ("x-subject-token", "MII..."),
            ("date", "Fri, 15 Nov 2019 03:36:55 GMT"),
            ("content-length", "2"),
            ("set-cookie", "a=b"),
            ("clear-site-data", "\"*\""),
            ("alt-svc", "h3=\":443\""),
            ("strict-transport-security", "max-age=31536000"),
            ("access-control-allow-origin", "*"),
            ("location", "https://evil.example/"),
            ("transfer-encoding", "chunked"),
        ]));
        assert_eq!(names(&kept), ["content-length", "date", "x-subject-token"]);
    }

    #[test]
    fn hardening_replaces_upstream_cache_directives() {
        let mut map = headers(&[("cache-control", "public, max-age=600")]);
        harden(&mut map);
        assert_eq!(map["cache-control"], "no-store");
        assert_eq!(map["x-content-type-options"], "nosniff");
        assert_eq!(map.get_all("cache-control").iter().count(), 1);
    }
}
