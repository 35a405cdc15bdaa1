//! A call to IAM or KMS, described before any URL, header or signature exists, and what the
//! transport needs to send it: credentials, preparation (URL, headers, signature), the clock
//! offset and the answer. Retry decisions are in [`crate::retry`].

mod auth;
mod clock;
pub mod iam;
pub mod kms;
mod prepare;
mod response;
mod upstream;

use std::fmt;

use serde::Serialize;

use crate::error::Error;

pub use auth::Auth;
pub use clock::{ClockOffset, MAX_CLOCK_OFFSET_MS};
pub use prepare::{CONTENT_TYPE, PreparedRequest, prepare};
pub use response::ApiResponse;
pub use upstream::{Upstream, split_base_url};

/// The HTTP methods IAM and KMS calls use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// Whether sending a request twice has the same effect as sending it once. Only idempotent
/// requests are retried after a throttling answer or a network failure; callers say which
/// theirs is, because the method alone does not tell (KMS reads are POSTs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idempotency {
    /// Safe to repeat: reads, PUT/DELETE of a named resource, read-only KMS POSTs.
    Idempotent,
    /// Repeating could act twice, e.g. creating an access key.
    NotIdempotent,
}

/// One IAM or KMS call: method, upstream base URL, path, query pairs, extra headers and JSON
/// body.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiRequest {
    method: Method,
    base_url: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<String>,
    idempotency: Idempotency,
}

impl ApiRequest {
    /// A request for `path` (percent-encoded as it goes on the wire; a leading `/` is added if
    /// missing) under the upstream `base_url` (e.g. `https://iam.myhuaweicloud.com`, or an
    /// emulator URL).
    pub fn new(
        method: Method,
        base_url: impl Into<String>,
        path: impl Into<String>,
        idempotency: Idempotency,
    ) -> Self {
        Self {
            method,
            base_url: base_url.into(),
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            idempotency,
        }
    }

    /// Adds a query pair (unencoded; the transport encodes and sorts).
    pub fn query(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Adds a header the call needs besides the credentials, e.g. `X-Subject-Token`; it is sent
    /// (and signed) under its lower-case name.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_ascii_lowercase(), value.into()));
        self
    }

    /// Sets the JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        self.body = Some(serde_json::to_string(body)?);
        Ok(self)
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The upstream base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The path under the base URL.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query pairs, unencoded, in the order added.
    pub fn query_pairs(&self) -> &[(String, String)] {
        &self.query
    }

    /// The extra headers (lower-case names), in the order added.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The exact body text, if any.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    /// Whether the request may be repeated.
    pub fn idempotency(&self) -> Idempotency {
        self.idempotency
    }
}

impl fmt::Debug for ApiRequest {
    /// Shows the extra headers' names and the body's length only: both can carry secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("base_url", &self.base_url)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("body_bytes", &self.body.as_ref().map(String::len))
            .field("idempotency", &self.idempotency)
            .finish()
    }
}
