//! Sending a request upstream unchanged (method, path, query, body and the allowed headers) and
//! turning the upstream answer into the proxy's answer. Redirects are neither followed nor passed
//! on: the browser would follow one, with the request's tokens, wherever it points.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, header};
use axum::response::Response;
use futures_util::StreamExt;
use reqwest::{Client, Url, redirect};
use tokio::sync::OwnedSemaphorePermit;

use crate::error::ProxyError;
use crate::header_policy;
use crate::upstream::Target;

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
            .headers(header_policy::request_headers(incoming, target.authority()));
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

/// Turns the upstream answer into the proxy's answer, streaming the body; `permit` (the
/// in-flight slot) is released once the body has been sent or abandoned. A redirect (any 3xx)
/// becomes `502 proxy.upstream_redirect`.
pub fn into_response(
    upstream: reqwest::Response,
    permit: OwnedSemaphorePermit,
) -> Result<Response, ProxyError> {
    let status = upstream.status();
    if status.is_redirection() {
        return Err(ProxyError::upstream_redirect());
    }
    let headers = header_policy::response_headers(upstream.headers());
    let body = upstream.bytes_stream().map(move |chunk| {
        let _slot = &permit;
        chunk
    });
    let mut response = Response::new(Body::from_stream(body));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

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
