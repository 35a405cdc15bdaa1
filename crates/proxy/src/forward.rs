//! Sending a request upstream unchanged (method, path, query, body and end-to-end headers) and
//! turning the upstream answer into the proxy's answer. Redirects are passed back, not followed.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::response::Response;
use futures_util::StreamExt;
use reqwest::{Client, Url, redirect};
use tokio::sync::OwnedSemaphorePermit;

use crate::error::ProxyError;
use crate::upstream::Target;

/// Hop-by-hop headers (RFC 9110 section 7.6.1): they describe one connection, never the message.
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// Request headers never sent upstream: replaced (`host`, `content-length`), handled by the
/// proxy (`expect`), or browser context that is never signed and the upstream need not see.
const DROPPED_REQUEST: [&str; 6] = [
    "host",
    "content-length",
    "expect",
    "cookie",
    "origin",
    "referer",
];
/// Response headers never passed back: the proxy's origin must not collect upstream cookies.
/// Upstream `Access-Control-*` headers are dropped as well; the proxy sets its own.
const DROPPED_RESPONSE: [&str; 1] = ["set-cookie"];

/// The HTTP client that talks to upstreams.
#[derive(Clone, Debug)]
pub struct Forwarder {
    client: Client,
}

impl Forwarder {
    /// A client that gives up after `timeout` (connecting, waiting and reading together), never
    /// follows redirects and ignores `HTTP_PROXY`-style environment variables.
    pub fn new(timeout: Duration) -> Result<Self, reqwest::Error> {
        let client = Client::builder()
            .redirect(redirect::Policy::none())
            .no_proxy()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build()?;
        Ok(Forwarder { client })
    }

    /// Sends the request upstream and returns the answer's head (its body streams later).
    pub async fn send(
        &self,
        method: Method,
        target: &Target,
        incoming: &HeaderMap,
        body: Bytes,
    ) -> Result<reqwest::Response, ProxyError> {
        let url = verbatim_url(target)?;
        let mut request = self
            .client
            .request(method, url)
            .headers(request_headers(incoming, target.authority()));
        if !body.is_empty() || incoming.contains_key(header::CONTENT_LENGTH) {
            request = request.body(body);
        }
        request.send().await.map_err(|error| {
            if error.is_timeout() {
                ProxyError::upstream_timeout()
            } else {
                ProxyError::upstream_unreachable()
            }
        })
    }
}

/// The URL the HTTP client will request, refused when the client would send anything other than
/// the exact scheme, host, port, path and query that the caller wrote (the URL library resolves
/// dot segments and percent-encodes a few characters; a signed request must not be altered).
fn verbatim_url(target: &Target) -> Result<Url, ProxyError> {
    let url = Url::parse(&target.url()).map_err(|_| ProxyError::not_byte_exact())?;
    let origin = target.origin();
    let sent = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let same = url.scheme() == origin.scheme().as_str()
        && url.host_str() == Some(origin.host())
        && url.port_or_known_default() == Some(origin.port())
        && sent == target.path_and_query();
    if same {
        Ok(url)
    } else {
        Err(ProxyError::not_byte_exact())
    }
}

/// The headers sent upstream: the caller's end-to-end headers unchanged, minus hop-by-hop
/// headers (and those named in `Connection`), cookies, `Origin` and `Referer`, with `Host` set
/// to the upstream authority as written in the URL.
pub fn request_headers(incoming: &HeaderMap, authority: &str) -> HeaderMap {
    let mut headers = end_to_end(incoming);
    for name in DROPPED_REQUEST {
        headers.remove(name);
    }
    if let Ok(host) = HeaderValue::from_str(authority) {
        headers.insert(header::HOST, host);
    }
    headers
}

/// The upstream answer's headers that are passed back to the caller.
pub fn response_headers(upstream: &HeaderMap) -> HeaderMap {
    let mut headers = end_to_end(upstream);
    let upstream_cors: Vec<HeaderName> = headers
        .keys()
        .filter(|name| name.as_str().starts_with("access-control-"))
        .cloned()
        .collect();
    for name in DROPPED_RESPONSE
        .map(HeaderName::from_static)
        .into_iter()
        .chain(upstream_cors)
    {
        headers.remove(name);
    }
    headers
}

/// Turns the upstream answer into the proxy's answer, streaming the body; `permit` (the
/// in-flight slot) is released once the body has been sent or abandoned.
pub fn into_response(upstream: reqwest::Response, permit: OwnedSemaphorePermit) -> Response {
    let status = upstream.status();
    let headers = response_headers(upstream.headers());
    let body = upstream.bytes_stream().map(move |chunk| {
        let _slot = &permit;
        chunk
    });
    let mut response = Response::new(Body::from_stream(body));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

fn end_to_end(headers: &HeaderMap) -> HeaderMap {
    let listed: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|name| HeaderName::from_bytes(name.trim().as_bytes()).ok())
        .collect();
    let mut kept = headers.clone();
    for name in HOP_BY_HOP {
        kept.remove(name);
    }
    for name in listed {
        kept.remove(name);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_headers::headers;

    #[test]
    fn request_headers_keep_signed_headers_and_drop_the_rest() {
        let incoming = headers(&[
            ("host", "127.0.0.1:8787"),
            (
                "authorization",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00",
            ),
            ("x-sdk-date", "20191115T033655Z"),
            ("content-type", "application/json;charset=utf8"),
            ("content-length", "2"),
            ("connection", "keep-alive, x-hop"),
            ("x-hop", "1"),
            ("keep-alive", "timeout=5"),
            ("te", "trailers"),
            ("upgrade", "websocket"),
            ("proxy-authorization", "Basic eA=="),
            ("cookie", "session=1"),
            ("origin", "http://localhost:8080"),
            ("referer", "http://localhost:8080/keys"),
            ("expect", "100-continue"),
        ]);
        let sent = request_headers(&incoming, "iam.myhuaweicloud.com");
        let mut names: Vec<&str> = sent.keys().map(HeaderName::as_str).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            ["authorization", "content-type", "host", "x-sdk-date"]
        );
        assert_eq!(sent["host"], "iam.myhuaweicloud.com");
        assert_eq!(sent["authorization"], incoming["authorization"]);
        assert_eq!(sent["content-type"], "application/json;charset=utf8");
    }

    #[test]
    fn repeated_headers_keep_every_value_in_order() {
        let sent = request_headers(&headers(&[("x-a", "1"), ("x-a", "2")]), "h");
        let values: Vec<_> = sent.get_all("x-a").iter().collect();
        assert_eq!(values, ["1", "2"]);
    }

    #[test]
    fn response_headers_drop_cookies_and_hop_by_hop() {
        let kept = response_headers(&headers(&[
            ("x-subject-token", "MII..."),
            ("date", "Fri, 15 Nov 2019 03:36:55 GMT"),
            ("content-length", "2"),
            ("set-cookie", "a=b"),
            ("access-control-allow-origin", "*"),
            ("access-control-allow-credentials", "true"),
            ("transfer-encoding", "chunked"),
            ("connection", "close"),
        ]));
        let mut names: Vec<&str> = kept.keys().map(HeaderName::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["content-length", "date", "x-subject-token"]);
    }

    #[test]
    fn verbatim_urls_pass_and_rewritten_ones_are_refused() {
        for raw in [
            "https://iam.myhuaweicloud.com/v3/a%2Fb?x=%20&x=!&y=~&z=%2F",
            "https://iam.myhuaweicloud.com:443/v3?",
            "http://[::1]:8780/a",
            "http://127.0.0.1:8780",
        ] {
            assert!(verbatim_url(&Target::parse(raw).unwrap()).is_ok(), "{raw}");
        }
        for raw in [
            "https://iam.myhuaweicloud.com/v3/../admin",
            "https://iam.myhuaweicloud.com/v3/%2e%2e/admin",
            "https://iam.myhuaweicloud.com/v3?x='",
            "https://iam.myhuaweicloud.com/v3/{x}",
            "http://0x7f.1:8780/",
        ] {
            assert_eq!(
                verbatim_url(&Target::parse(raw).unwrap())
                    .unwrap_err()
                    .code(),
                "proxy.target_not_verbatim",
                "{raw}"
            );
        }
    }
}
