//! The request flow for `{proxy}/{absolute upstream URL}`: origin check, shared secret, target
//! allowlist, preflight, body (within its deadline), in-flight slot, forwarding, then the CORS and
//! hardening headers and the access log. Every refusal happens before any upstream connection.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method};
use axum::response::{IntoResponse, Response};

use crate::cors::{self, Caller, OriginPolicy};
use crate::error::ProxyError;
use crate::forward::{self, Forwarder};
use crate::header_policy;
use crate::limits::{self, InFlight};
use crate::log::{self, AccessRecord};
use crate::shared_secret::SharedSecret;
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
    /// The header every request but a preflight must carry, if any.
    pub secret: Option<SharedSecret>,
    /// Upstreams allowed to be reached.
    pub upstreams: Allowlist,
    /// The upstream HTTP client.
    pub forwarder: Forwarder,
    /// The in-flight request bound.
    pub in_flight: InFlight,
    /// The request body cap in bytes.
    pub max_body: usize,
    /// The time a request body has to arrive.
    pub body_timeout: Duration,
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
        let caller = match self.admit(&parts) {
            Ok(caller) => caller,
            Err((error, grant)) => return refuse(&parts.method, error, grant.as_ref(), started),
        };
        let target = match self.accept(raw_target) {
            Ok(target) => target,
            Err(error) => return refuse(&parts.method, error, caller.grant(), started),
        };
        let outcome = self.forward(&parts, body, &target, &caller).await;
        let (mut response, code) = match outcome {
            Ok(response) => (response, None),
            Err(error) => (error.clone().into_response(), Some(error.code())),
        };
        finish(&mut response, caller.grant());
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

    /// The caller, once its origin and (but for a preflight) the shared secret are accepted; a
    /// refusal still grants an allowed origin, so that the app can read why.
    fn admit(&self, parts: &Parts) -> Result<Caller, (ProxyError, Option<HeaderValue>)> {
        let caller = self.origins.check(parts).map_err(|error| (error, None))?;
        if let Some(secret) = &self.secret
            && parts.method != Method::OPTIONS
        {
            secret
                .check(&parts.headers)
                .map_err(|error| (error, caller.grant().cloned()))?;
        }
        Ok(caller)
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
            return self.origins.preflight(caller, &parts.headers);
        }
        if !FORWARDED_METHODS.contains(&method) {
            return Err(ProxyError::method_not_allowed());
        }
        let body =
            limits::read_body(&parts.headers, body, self.max_body, self.body_timeout).await?;
        let permit = self.in_flight.enter()?;
        let upstream = self
            .forwarder
            .send(method, target, &parts.headers, body)
            .await?;
        forward::into_response(upstream, permit)
    }
}

/// The answer to a request refused before its target was known, logged as such.
fn refuse(
    method: &Method,
    error: ProxyError,
    grant: Option<&HeaderValue>,
    started: Instant,
) -> Response {
    log::refusal(method, &error, started);
    let mut response = error.into_response();
    finish(&mut response, grant);
    response
}

/// Adds the CORS and hardening headers every answer to a proxied path carries.
fn finish(response: &mut Response, grant: Option<&HeaderValue>) {
    let headers = response.headers_mut();
    cors::add_headers(headers, grant);
    header_policy::harden(headers);
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
