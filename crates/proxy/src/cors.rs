//! CORS: which browser origins may use the proxy, the preflight answer, and the headers added to
//! every answer. The caller's origin is echoed, never `*`.

use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ProxyError;
use crate::header_policy;
use crate::origin::Origin;

/// Methods a page may use through the proxy.
pub const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
/// Response headers a page may read: the issued token, request ids, and the server clock.
pub const EXPOSE_HEADERS: &str = "X-Subject-Token, X-Request-Id, X-IAM-Trace-Id, Date";
/// How long (seconds) a browser may cache a preflight answer.
pub const MAX_AGE_SECS: &str = "600";

/// Who is calling, as far as CORS is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// A page from an allowed origin: answers grant that origin read access.
    Allowed(HeaderValue),
    /// A page of an allowed origin served by this proxy itself, reading (`GET`/`HEAD`) without
    /// `Origin`, as browsers do on their own origin: answers need no CORS grant.
    SameOrigin,
}

/// The browser origins allowed to use the proxy, and the request headers they may send.
#[derive(Clone, Debug)]
pub struct OriginPolicy {
    allowed: Vec<String>,
    allow_headers: HeaderValue,
}

impl OriginPolicy {
    /// A policy that admits exactly `origins`, which may send the headers the proxy forwards
    /// plus `secret_header` (the shared secret's name, if one is required).
    pub fn new(origins: &[Origin], secret_header: Option<&HeaderName>) -> Self {
        let names: Vec<&str> = header_policy::FORWARDED
            .into_iter()
            .chain(secret_header.map(HeaderName::as_str))
            .collect();
        OriginPolicy {
            allowed: origins.iter().map(Origin::to_string).collect(),
            allow_headers: HeaderValue::from_str(&names.join(", "))
                .expect("header names are valid header text"),
        }
    }

    /// Classifies the caller of a proxied request.
    ///
    /// * `Origin` present: it must equal an allowed origin (one header, exact serialisation).
    /// * `Origin` absent: browsers omit it on reads from their own origin, so a `GET` or `HEAD`
    ///   that the browser marks `Sec-Fetch-Site: same-origin` is accepted when this proxy's own
    ///   origin (`http://` or `https://` and the `Host`, already checked) is an allowed origin:
    ///   the app served by `--serve-dir`. Everything else without `Origin` is refused: a curl or
    ///   script that cannot be bothered to send one, a navigation, or an `<img src>` from a foreign
    ///   page. (A non-browser client can forge both headers; `--require-header` and
    ///   `--allow-client` are what keep those out.)
    pub fn check(&self, request: &Parts) -> Result<Caller, ProxyError> {
        let mut origins = request.headers.get_all(header::ORIGIN).iter();
        match (origins.next(), origins.next()) {
            (Some(origin), None) if self.allows(origin.to_str().unwrap_or_default()) => {
                Ok(Caller::Allowed(origin.clone()))
            }
            (Some(_), _) => Err(ProxyError::origin_not_allowed()),
            (None, _) if self.same_origin_read(request) => Ok(Caller::SameOrigin),
            (None, _) => Err(ProxyError::origin_missing()),
        }
    }

    fn allows(&self, origin: &str) -> bool {
        self.allowed.iter().any(|allowed| allowed == origin)
    }

    fn same_origin_read(&self, request: &Parts) -> bool {
        let read = request.method == Method::GET || request.method == Method::HEAD;
        let same_origin = request
            .headers
            .get("sec-fetch-site")
            .is_some_and(|site| site == "same-origin");
        let own_origin_allowed = request
            .headers
            .get(header::HOST)
            .and_then(|host| host.to_str().ok())
            .is_some_and(|host| {
                ["http", "https"].iter().any(|scheme| {
                    format!("{scheme}://{host}")
                        .parse::<Origin>()
                        .is_ok_and(|origin| self.allows(&origin.to_string()))
                })
            });
        read && same_origin && own_origin_allowed
    }

    /// The answer to an `OPTIONS` preflight; it is never forwarded upstream. When a page on a
    /// public site asks to reach a proxy on the local network
    /// (`Access-Control-Request-Private-Network`), an allowed origin is granted that too.
    pub fn preflight(&self, caller: &Caller, request: &HeaderMap) -> Result<Response, ProxyError> {
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
            self.allow_headers.clone(),
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
}

impl Caller {
    /// The origin granted read access to the answer, if any.
    pub fn grant(&self) -> Option<&HeaderValue> {
        match self {
            Caller::Allowed(origin) => Some(origin),
            Caller::SameOrigin => None,
        }
    }
}

/// Adds the proxy's CORS headers to an answer: `Vary: Origin` always, and for a granted origin
/// `Access-Control-Allow-Origin: <that origin>` and the exposed headers.
pub fn add_headers(headers: &mut HeaderMap, grant: Option<&HeaderValue>) {
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(origin) = grant {
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

    const APP: &str = "http://localhost:8080";

    fn policy() -> OriginPolicy {
        OriginPolicy::new(&[APP.parse().unwrap()], None)
    }

    fn request(method: &str, pairs: &[(&'static str, &'static str)]) -> Parts {
        let mut request = axum::http::Request::builder()
            .method(method)
            .body(())
            .unwrap();
        *request.headers_mut() = headers(pairs);
        request.into_parts().0
    }

    #[test]
    fn allowed_origin_is_echoed() {
        let caller = policy()
            .check(&request("POST", &[("origin", APP)]))
            .unwrap();
        assert_eq!(caller, Caller::Allowed(HeaderValue::from_static(APP)));
    }

    #[test]
    fn foreign_null_and_duplicate_origins_are_refused() {
        for pairs in [
            &[("origin", "http://evil.example")][..],
            &[("origin", "null")],
            &[("origin", "http://localhost:8080/")],
            &[("origin", "http://localhost:8081")],
            &[("origin", APP), ("origin", "http://evil.example")],
            &[("origin", APP), ("origin", APP)],
        ] {
            let error = policy().check(&request("GET", pairs)).unwrap_err();
            assert_eq!(error.code(), "proxy.origin_not_allowed", "{pairs:?}");
        }
    }

    #[test]
    fn same_origin_reads_of_an_allowed_origin_need_no_origin_header() {
        let read = [
            ("host", "localhost:8080"),
            ("sec-fetch-site", "same-origin"),
        ];
        for method in ["GET", "HEAD"] {
            assert_eq!(
                policy().check(&request(method, &read)),
                Ok(Caller::SameOrigin)
            );
        }
        let https = OriginPolicy::new(&["https://keys.example.com".parse().unwrap()], None);
        let behind_tls = [
            ("host", "keys.example.com"),
            ("sec-fetch-site", "same-origin"),
        ];
        assert_eq!(
            https.check(&request("GET", &behind_tls)),
            Ok(Caller::SameOrigin)
        );
    }

    #[test]
    fn everything_else_without_origin_is_refused() {
        let cases: [(&str, &[(&'static str, &'static str)]); 7] = [
            ("GET", &[("host", "localhost:8080")]),
            (
                "POST",
                &[
                    ("host", "localhost:8080"),
                    ("sec-fetch-site", "same-origin"),
                ],
            ),
            (
                "GET",
                &[("host", "localhost:8080"), ("sec-fetch-site", "none")],
            ),
            (
                "GET",
                &[("host", "localhost:8080"), ("sec-fetch-site", "cross-site")],
            ),
            (
                "GET",
                &[("host", "localhost:8080"), ("sec-fetch-site", "same-site")],
            ),
            (
                "GET",
                &[
                    ("host", "127.0.0.1:8787"),
                    ("sec-fetch-site", "same-origin"),
                ],
            ),
            ("GET", &[("sec-fetch-site", "same-origin")]),
        ];
        for (method, pairs) in cases {
            let error = policy().check(&request(method, pairs)).unwrap_err();
            assert_eq!(error.code(), "proxy.origin_missing", "{method} {pairs:?}");
        }
    }

    #[test]
    fn granted_answers_get_the_origin_and_the_exposed_headers() {
        let mut map = headers(&[("vary", "Accept-Encoding")]);
        add_headers(&mut map, Some(&HeaderValue::from_static(APP)));
        assert_eq!(map["access-control-allow-origin"], APP);
        assert_eq!(map["access-control-expose-headers"], EXPOSE_HEADERS);
        let vary: Vec<_> = map.get_all("vary").iter().collect();
        assert_eq!(vary, ["Accept-Encoding", "Origin"]);
    }

    #[test]
    fn ungranted_answers_get_only_vary() {
        let mut map = HeaderMap::new();
        add_headers(&mut map, Caller::SameOrigin.grant());
        assert!(map.get("access-control-allow-origin").is_none());
        assert_eq!(map["vary"], "Origin");
    }

    #[test]
    fn preflight_needs_an_allowed_origin_and_lists_the_forwarded_headers() {
        assert_eq!(
            policy()
                .preflight(&Caller::SameOrigin, &HeaderMap::new())
                .unwrap_err()
                .code(),
            "proxy.origin_missing"
        );
        let allowed = Caller::Allowed(HeaderValue::from_static(APP));
        let response = policy().preflight(&allowed, &HeaderMap::new()).unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            response.headers()["access-control-allow-methods"],
            ALLOW_METHODS
        );
        assert_eq!(
            response.headers()["access-control-allow-headers"],
            header_policy::FORWARDED.join(", ")
        );
        assert!(
            response
                .headers()
                .get("access-control-allow-private-network")
                .is_none()
        );
        let private = headers(&[("access-control-request-private-network", "true")]);
        let response = policy().preflight(&allowed, &private).unwrap();
        assert_eq!(
            response.headers()["access-control-allow-private-network"],
            "true"
        );
    }

    #[test]
    fn preflight_allows_the_secret_header_when_one_is_required() {
        let name = HeaderName::from_static("x-keyturn-secret");
        let policy = OriginPolicy::new(&[APP.parse().unwrap()], Some(&name));
        let allowed = Caller::Allowed(HeaderValue::from_static(APP));
        let response = policy.preflight(&allowed, &HeaderMap::new()).unwrap();
        let listed = response.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap();
        assert!(
            listed.ends_with(", X-Language, x-keyturn-secret"),
            "{listed}"
        );
    }
}
