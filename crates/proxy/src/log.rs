//! Access logging. A line names the method, upstream host, path without query, status, error code
//! and latency; never headers, query strings or bodies, which carry tokens and signatures.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use tracing_subscriber::EnvFilter;

use crate::error::ProxyError;

/// What is logged about one proxied request.
#[derive(Clone, Copy, Debug)]
pub struct AccessRecord<'a> {
    /// The request method.
    pub method: &'a Method,
    /// The upstream host, once the target was accepted.
    pub upstream: Option<&'a str>,
    /// The upstream path without its query, once the target was accepted.
    pub path: Option<&'a str>,
    /// The status answered to the caller.
    pub status: StatusCode,
    /// The `proxy.*` code when the proxy itself refused or failed the request.
    pub code: Option<&'static str>,
    /// Time from receiving the request to having the answer's head.
    pub latency: Duration,
}

/// Writes one access line at `info` level (target `keyturn_proxy::access`).
pub fn record(entry: &AccessRecord<'_>) {
    tracing::info!(
        target: "keyturn_proxy::access",
        method = %entry.method,
        upstream = entry.upstream.unwrap_or("-"),
        path = entry.path.unwrap_or("-"),
        status = entry.status.as_u16(),
        code = entry.code.unwrap_or("-"),
        latency_ms = u64::try_from(entry.latency.as_millis()).unwrap_or(u64::MAX),
    );
}

/// Writes the access line of a request refused before its upstream was known.
pub fn refusal(method: &Method, error: &ProxyError, started: Instant) {
    record(&AccessRecord {
        method,
        upstream: None,
        path: None,
        status: error.status(),
        code: Some(error.code()),
        latency: started.elapsed(),
    });
}

/// Sends logs to stderr (stdout carries only the startup line), coloured only on a terminal;
/// `RUST_LOG` overrides the default `info` level.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(filter)
        .init();
}
