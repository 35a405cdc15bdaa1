//! The request flow for `{proxy}/{absolute upstream URL}`: origin check, target allowlist,
//! preflight, limits, forwarding, CORS headers and the access log, in that order. Every refusal
//! happens before any upstream connection.

use std::time::Instant;

use axum::body::Body;
use axum::http::Method;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::cors::{self, Caller, OriginPolicy};
use crate::error::ProxyError;
use crate::forward::{self, Forwarder};
use crate::limits::{self, InFlight};
use crate::log::{self, AccessRecord};
use crate::upstream::{Allowlist, Target};

/// Methods forwarded upstream (`OPTIONS` is answered by the proxy itself).
const FORWARDED_METHODS: [Method; 6] = [
    Method::GET,
    Method::HEAD,
    Method::POST,
    Method::PUT,
    Method::PATCH,
    Method::DELETE,
];

/// What the proxy needs to handle a request.
#[derive(Clone, Debug)]
pub struct Proxy {
    /// Browser origins allowed to call.
    pub origins: OriginPolicy,
    /// Upstreams allowed to be reached.
    pub upstreams: Allowlist,
    /// The upstream HTTP client.
    pub forwarder: Forwarder,
    /// The in-flight request bound.
    pub in_flight: InFlight,
    /// The request body cap in bytes.
    pub max_body: usize,
}

/// The upstream URL in a request path, if the path is one: `/{scheme}:…` (any scheme, so that
/// `ftp:`, `file:` and the like reach the allowlist and are refused rather than served as files).
pub fn target_text(path_and_query: &str) -> Option<&str> {
    let rest = path_and_query.strip_prefix('/')?;
    let (scheme, _) = rest.split_once(':')?;
    let mut chars = scheme.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let scheme_like =
        first_is_letter && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_like.then_some(rest)
}

impl Proxy {
    /// Handles one request whose path carries the upstream URL `raw_target`.
    pub async fn handle(&self, parts: Parts, body: Body, raw_target: &str) -> Response {
        let started = Instant::now();
        let caller = match self.origins.check(&parts.headers) {
            Ok(caller) => caller,
            Err(error) => return self.refuse(&parts.method, error, &Caller::Anonymous, started),
        };
        let target = match self.accept(raw_target) {
            Ok(target) => target,
            Err(error) => return self.refuse(&parts.method, error, &caller, started),
        };
        let outcome = self.forward(&parts, body, &target, &caller).await;
        let (mut response, code) = match outcome {
            Ok(response) => (response, None),
            Err(error) => (error.clone().into_response(), Some(error.code())),
        };
        cors::add_headers(response.headers_mut(), &caller);
        log::record(&AccessRecord {
            method: &parts.method,
            upstream: Some(target.origin().host()),
            path: Some(target.path()),
            status: response.status(),
            code,
            latency: started.elapsed(),
        });
        response
    }

    fn accept(&self, raw_target: &str) -> Result<Target, ProxyError> {
        let target = Target::parse(raw_target)?;
        self.upstreams.check(&target)?;
        Ok(target)
    }

    async fn forward(
        &self,
        parts: &Parts,
        body: Body,
        target: &Target,
        caller: &Caller,
    ) -> Result<Response, ProxyError> {
        let method = parts.method.clone();
        if method == Method::OPTIONS {
            return cors::preflight(caller, &parts.headers);
        }
        if !FORWARDED_METHODS.contains(&method) {
            return Err(ProxyError::method_not_allowed());
        }
        let permit = self.in_flight.enter()?;
        let body = limits::read_body(&parts.headers, body, self.max_body).await?;
        let upstream = self
            .forwarder
            .send(method, target, &parts.headers, body)
            .await?;
        Ok(forward::into_response(upstream, permit))
    }

    fn refuse(
        &self,
        method: &Method,
        error: ProxyError,
        caller: &Caller,
        started: Instant,
    ) -> Response {
        log::record(&AccessRecord {
            method,
            upstream: None,
            path: None,
            status: error.status(),
            code: Some(error.code()),
            latency: started.elapsed(),
        });
        let mut response = error.into_response();
        cors::add_headers(response.headers_mut(), caller);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_absolute_urls_in_the_path() {
        assert_eq!(
            target_text("/https://iam.myhuaweicloud.com/v3?a=b"),
            Some("https://iam.myhuaweicloud.com/v3?a=b")
        );
        assert_eq!(target_text("/ftp://x"), Some("ftp://x"));
        assert_eq!(
            target_text("/file:///etc/passwd"),
            Some("file:///etc/passwd")
        );
        assert_eq!(target_text("/"), None);
        assert_eq!(target_text("/index.html"), None);
        assert_eq!(target_text("/keys?x=a:b"), None);
        assert_eq!(target_text("/assets/app.js"), None);
        assert_eq!(target_text("/1http://x"), None);
    }
}
