//! Turning an [`ApiRequest`] into exactly what the browser sends: proxied URL, headers,
//! signature. Pure, so tests can check it against the core signer.

use std::fmt;

use crate::endpoints::proxied_url;
use crate::error::Error;
use crate::signer::{self, SignableRequest};
use chrono::{DateTime, Utc};

use super::upstream::split_base_url;
use super::{ApiRequest, Auth, Method};

/// The `Content-Type` of every request (the value the IAM documentation lists).
pub const CONTENT_TYPE: &str = "application/json;charset=utf8";

/// Headers whose values are tokens, never shown by `Debug`.
const TOKEN_HEADERS: [&str; 2] = ["x-auth-token", "x-subject-token"];

/// A request ready to send through the proxy.
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    /// HTTP method.
    pub method: Method,
    /// `{proxy}/{upstream URL with query}`: where the browser sends it.
    pub url: String,
    /// Upstream authority, signed as `host`; the proxy sets `Host` to it.
    pub upstream_host: String,
    /// Upstream path as sent (base path + request path).
    pub path: String,
    /// Query as sent, in canonical form (sorted, encoded); empty if none.
    pub query: String,
    /// Headers the browser sends (lower-case names). `Host` is not among them: a browser
    /// cannot set it.
    pub headers: Vec<(String, String)>,
    /// Exact body text.
    pub body: Option<String>,
}

impl PreparedRequest {
    /// The value of header `name` (case-insensitive), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

impl fmt::Debug for PreparedRequest {
    /// Hides the token headers' values and the body (which can carry a password).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let secret = TOKEN_HEADERS.iter().any(|t| name.eq_ignore_ascii_case(t));
                let shown = if secret { "<redacted>" } else { value.as_str() };
                (name.as_str(), shown)
            })
            .collect();
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("upstream_host", &self.upstream_host)
            .field("headers", &headers)
            .field("body_bytes", &self.body.as_ref().map(String::len))
            .finish()
    }
}

/// Builds the proxied URL and headers of `request`, signing at `now` (the server's time as
/// best known) when `auth` is an access key; [`Auth::None`] adds no credential header.
pub fn prepare(
    request: &ApiRequest,
    auth: &Auth,
    proxy_url: &str,
    now: DateTime<Utc>,
) -> Result<PreparedRequest, Error> {
    let upstream = split_base_url(request.base_url()).ok_or_else(|| {
        Error::Network(format!(
            "the endpoint {:?} is not an absolute http(s) URL",
            request.base_url()
        ))
    })?;
    let separator = if request.path().starts_with('/') {
        ""
    } else {
        "/"
    };
    let path = format!("{}{separator}{}", upstream.base_path, request.path());
    let pairs: Vec<(&str, &str)> = request
        .query_pairs()
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    let query = signer::canonical_query(&pairs);
    let upstream_url = if query.is_empty() {
        format!("{}{path}", upstream.origin)
    } else {
        format!("{}{path}?{query}", upstream.origin)
    };
    let mut headers = vec![("content-type".to_owned(), CONTENT_TYPE.to_owned())];
    headers.extend(request.headers().iter().cloned());
    match auth {
        Auth::AkSk {
            ak,
            sk,
            domain_id,
            project_id,
        } => {
            headers.push(("x-sdk-date".to_owned(), signer::format_sdk_date(now)));
            if let Some(id) = domain_id {
                headers.push(("x-domain-id".to_owned(), id.clone()));
            }
            if let Some(id) = project_id {
                headers.push(("x-project-id".to_owned(), id.clone()));
            }
            let mut signed: Vec<(&str, &str)> = headers
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            signed.push(("host", upstream.authority));
            let signable = SignableRequest {
                method: request.method().as_str(),
                path: &path,
                query: &query,
                headers: &signed,
                body: request.body().unwrap_or_default().as_bytes(),
            };
            let signature = signer::sign(&signable, ak, sk)?;
            headers.push(("authorization".to_owned(), signature.authorization));
        }
        Auth::Token(token) => headers.push(("x-auth-token".to_owned(), token.clone())),
        Auth::None => {}
    }
    Ok(PreparedRequest {
        method: request.method(),
        url: proxied_url(proxy_url, &upstream_url),
        upstream_host: upstream.authority.to_owned(),
        path,
        query,
        headers,
        body: request.body().map(str::to_owned),
    })
}
