//! Requests signed exactly as the app signs them (SDK-HMAC-SHA256 over the upstream `Host`,
//! `X-Sdk-Date`, `Content-Type` and `X-Domain-Id`), sent through the proxy from the app's origin.

use chrono::Utc;
use keyturn_core::endpoints::proxied_url;
use keyturn_core::signer::{SignableRequest, canonical_query, format_sdk_date, sign};

use super::client::{APP_ORIGIN, Proxy, Reply, from_app};

/// The content type the app sends with every signed request.
const CONTENT_TYPE: &str = "application/json;charset=utf8";

/// The access key a request is signed with, and the account it is for.
pub struct Key<'a> {
    /// Access key id.
    pub ak: &'a str,
    /// Secret key.
    pub sk: &'a str,
    /// The account (domain) id sent in `X-Domain-Id`.
    pub domain_id: &'a str,
}

/// One API call: method, path, query pairs (canonicalised as the app does) and body.
pub struct Call<'a> {
    /// Method.
    pub method: &'a str,
    /// Path on the upstream.
    pub path: &'a str,
    /// Query pairs, in any order.
    pub pairs: &'a [(&'a str, &'a str)],
    /// Body.
    pub body: &'a [u8],
}

impl<'a> Call<'a> {
    /// `GET path?pairs`, without a body.
    pub const fn get(path: &'a str, pairs: &'a [(&'a str, &'a str)]) -> Self {
        Call {
            method: "GET",
            path,
            pairs,
            body: b"",
        }
    }

    /// `POST path` with `body` and no query.
    pub const fn post(path: &'a str, body: &'a [u8]) -> Self {
        Call {
            method: "POST",
            path,
            pairs: &[],
            body,
        }
    }

    /// The query the app sends: `canonical_query(pairs)`.
    pub fn query(&self) -> String {
        canonical_query(self.pairs)
    }
}

/// A signed request ready to go through the proxy.
pub struct Signed {
    proxy: Proxy,
    method: String,
    target: String,
    headers: Vec<(&'static str, String)>,
}

impl Signed {
    /// Sends the request with `body` (normally the body that was signed).
    pub async fn send(&self, body: &[u8]) -> Reply {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        self.proxy
            .send(
                &self.method,
                &self.target,
                &from_app(&headers),
                body.to_vec(),
            )
            .await
    }
}

impl Proxy {
    /// Signs `call` for `signed_host` (the upstream's authority, when the app gets it right) and
    /// aims it at `upstream` (an origin such as `http://127.0.0.1:PORT`) through this proxy.
    pub fn sign(
        &self,
        upstream: &str,
        signed_host: &str,
        key: &Key<'_>,
        call: &Call<'_>,
    ) -> Signed {
        let query = call.query();
        let date = format_sdk_date(Utc::now());
        let signed = sign(
            &SignableRequest {
                method: call.method,
                path: call.path,
                query: &query,
                headers: &[
                    ("Host", signed_host),
                    ("X-Sdk-Date", &date),
                    ("Content-Type", CONTENT_TYPE),
                    ("X-Domain-Id", key.domain_id),
                ],
                body: call.body,
            },
            key.ak,
            key.sk,
        )
        .unwrap();
        let proxy_base = format!("http://{}", self.addr);
        let upstream_url = format!("{upstream}{}?{query}", call.path);
        let url = proxied_url(&proxy_base, upstream_url.trim_end_matches('?'));
        Signed {
            proxy: *self,
            method: call.method.to_owned(),
            target: url.strip_prefix(&proxy_base).unwrap().to_owned(),
            headers: vec![
                ("referer", format!("{APP_ORIGIN}/keys")),
                ("x-sdk-date", date),
                ("content-type", CONTENT_TYPE.to_owned()),
                ("x-domain-id", key.domain_id.to_owned()),
                ("authorization", signed.authorization),
            ],
        }
    }

    /// Signs `call` for `upstream`'s own authority, as the app does, and sends it through the
    /// proxy.
    pub async fn send_signed(&self, upstream: &str, key: &Key<'_>, call: &Call<'_>) -> Reply {
        let authority = upstream
            .split_once("://")
            .map_or(upstream, |(_, authority)| authority);
        self.sign(upstream, authority, key, call)
            .send(call.body)
            .await
    }
}
