//! CORS: which browser origins may use the proxy, the preflight answer, and the headers added to
//! every answer. The caller's origin is echoed, never `*`.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ProxyError;
use crate::origin::Origin;

/// Methods a page may use through the proxy.
pub const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
/// Request headers a page may send (those the Huawei Cloud APIs need, signed or not).
pub const ALLOW_HEADERS: &str = "Authorization, Content-Type, X-Sdk-Date, X-Auth-Token, X-Project-Id, X-Domain-Id, X-Security-Token, X-Subject-Token, X-Language";
/// Response headers a page may read: the issued token, request ids, and the server clock.
pub const EXPOSE_HEADERS: &str = "X-Subject-Token, X-Request-Id, X-IAM-Trace-Id, Date";
/// How long (seconds) a browser may cache a preflight answer.
pub const MAX_AGE_SECS: &str = "600";

/// Who is calling, as far as CORS is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// A page from an allowed origin: answers grant that origin read access.
    Allowed(HeaderValue),
    /// A request without `Origin`: answers carry no CORS grant.
    Anonymous,
}

/// The browser origins allowed to use the proxy.
#[derive(Clone, Debug)]
pub struct OriginPolicy {
    allowed: Vec<String>,
}

impl OriginPolicy {
    /// A policy that admits exactly these origins.
    pub fn new(origins: &[Origin]) -> Self {
        OriginPolicy {
            allowed: origins.iter().map(Origin::to_string).collect(),
        }
    }

    /// Classifies the caller from its request headers.
    ///
    /// * `Origin` present: it must equal an allowed origin (one header, exact serialisation),
    ///   otherwise the request is refused.
    /// * `Origin` absent: browsers omit it only on same-origin `GET`/`HEAD` (a page served by
    ///   `--serve-dir`), on navigations, and on "no-cors" loads such as `<img src>` from a
    ///   foreign page. Non-browser clients (curl, SDKs) omit it too and could forge any value,
    ///   so refusing them protects nothing. The request is therefore accepted, without any CORS
    ///   grant, unless `Sec-Fetch-Site` shows a browser sent it from another site
    ///   (`cross-site` or `same-site`), which is refused.
    pub fn check(&self, headers: &HeaderMap) -> Result<Caller, ProxyError> {
        let mut origins = headers.get_all(header::ORIGIN).iter();
        match (origins.next(), origins.next()) {
            (Some(origin), None) => {
                let allowed = origin
                    .to_str()
                    .is_ok_and(|text| self.allowed.iter().any(|a| a == text));
                if allowed {
                    Ok(Caller::Allowed(origin.clone()))
                } else {
                    Err(ProxyError::origin_not_allowed())
                }
            }
            (Some(_), Some(_)) => Err(ProxyError::origin_not_allowed()),
            (None, _) => match headers.get("sec-fetch-site").map(HeaderValue::as_bytes) {
                None | Some(b"same-origin" | b"none") => Ok(Caller::Anonymous),
                Some(_) => Err(ProxyError::origin_missing()),
            },
        }
    }
}

/// The answer to an `OPTIONS` preflight; it is never forwarded upstream. When a page on a public
/// site asks to reach a proxy on the local network (`Access-Control-Request-Private-Network`),
/// an allowed origin is granted that too.
pub fn preflight(caller: &Caller, request: &HeaderMap) -> Result<Response, ProxyError> {
    let Caller::Allowed(origin) = caller else {
        return Err(ProxyError::origin_missing());
    };
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(ALLOW_METHODS),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static(ALLOW_HEADERS),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static(MAX_AGE_SECS),
    );
    if request
        .get("access-control-request-private-network")
        .is_some_and(|value| value == "true")
    {
        headers.insert(
            "access-control-allow-private-network",
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// Adds the proxy's CORS headers to an answer: `Vary: Origin` always, and for an allowed caller
/// `Access-Control-Allow-Origin: <its origin>` and the exposed headers.
pub fn add_headers(headers: &mut HeaderMap, caller: &Caller) {
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Caller::Allowed(origin) = caller {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSE_HEADERS),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_headers::headers;

    fn policy() -> OriginPolicy {
        OriginPolicy::new(&["http://localhost:8080".parse().unwrap()])
    }

    #[test]
    fn allowed_origin_is_echoed() {
        let caller = policy()
            .check(&headers(&[("origin", "http://localhost:8080")]))
            .unwrap();
        assert_eq!(
            caller,
            Caller::Allowed(HeaderValue::from_static("http://localhost:8080"))
        );
    }

    #[test]
    fn foreign_null_and_duplicate_origins_are_refused() {
        for pairs in [
            &[("origin", "http://evil.example")][..],
            &[("origin", "null")],
            &[("origin", "http://localhost:8080/")],
            &[("origin", "http://localhost:8081")],
            &[
                ("origin", "http://localhost:8080"),
                ("origin", "http://evil.example"),
            ],
        ] {
            let error = policy().check(&headers(pairs)).unwrap_err();
            assert_eq!(error.code(), "proxy.origin_not_allowed", "{pairs:?}");
        }
    }

    #[test]
    fn missing_origin_is_anonymous_unless_a_browser_says_cross_site() {
        assert_eq!(policy().check(&headers(&[])), Ok(Caller::Anonymous));
        assert_eq!(
            policy().check(&headers(&[("sec-fetch-site", "same-origin")])),
            Ok(Caller::Anonymous)
        );
        for site in ["cross-site", "same-site"] {
            let error = policy()
                .check(&headers(&[("sec-fetch-site", site)]))
                .unwrap_err();
            assert_eq!(error.code(), "proxy.origin_missing");
        }
    }

    #[test]
    fn allowed_callers_get_their_origin_and_the_exposed_headers() {
        let mut map = headers(&[("vary", "Accept-Encoding")]);
        add_headers(
            &mut map,
            &Caller::Allowed(HeaderValue::from_static("http://localhost:8080")),
        );
        assert_eq!(map["access-control-allow-origin"], "http://localhost:8080");
        assert_eq!(map["access-control-expose-headers"], EXPOSE_HEADERS);
        let vary: Vec<_> = map.get_all("vary").iter().collect();
        assert_eq!(vary, ["Accept-Encoding", "Origin"]);
    }

    #[test]
    fn anonymous_answers_get_no_grant() {
        let mut map = HeaderMap::new();
        add_headers(&mut map, &Caller::Anonymous);
        assert!(map.get("access-control-allow-origin").is_none());
        assert_eq!(map["vary"], "Origin");
    }

    #[test]
    fn preflight_needs_an_allowed_origin() {
        assert_eq!(
            preflight(&Caller::Anonymous, &HeaderMap::new())
                .unwrap_err()
                .code(),
            "proxy.origin_missing"
        );
        let allowed = Caller::Allowed(HeaderValue::from_static("http://localhost:8080"));
        let response = preflight(&allowed, &HeaderMap::new()).unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            response.headers()["access-control-allow-methods"],
            ALLOW_METHODS
        );
        assert!(
            response
                .headers()
                .get("access-control-allow-private-network")
                .is_none()
        );
        let private = headers(&[("access-control-request-private-network", "true")]);
        let response = preflight(&allowed, &private).unwrap();
        assert_eq!(
            response.headers()["access-control-allow-private-network"],
            "true"
        );
    }
}
