//! The `Host` check in front of every route. A hostile page whose name its DNS points at 127.0.0.1
//! (DNS rebinding) reaches the emulator as a same-origin page would, but its requests carry its own
//! name in `Host`; they are refused with 403 unless `Host` names the endpoint's host, a loopback
//! address, `localhost` (or `*.localhost`), or a host given with `--allow-host`.

use std::net::IpAddr;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::uri::Authority;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The host part of a `Host` header or an endpoint, without port or brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Ip(IpAddr),
    /// Lower case.
    Name(String),
}

impl Host {
    /// Parses `host` or `host:port` (`[v6]` or `[v6]:port` for IPv6); `None` if malformed.
    pub fn parse(text: &str) -> Option<Self> {
        let authority: Authority = text.parse().ok()?;
        if authority.as_str().contains('@') {
            return None;
        }
        let host = authority.host();
        let bare = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        Some(match bare.parse() {
            Ok(ip) => Self::Ip(ip),
            Err(_) => Self::Name(bare.to_ascii_lowercase()),
        })
    }

    fn is_loopback(&self) -> bool {
        match self {
            Self::Ip(ip) => ip.is_loopback(),
            Self::Name(name) => name == "localhost" || name.ends_with(".localhost"),
        }
    }
}

/// The hosts the emulator answers to.
#[derive(Debug)]
pub struct HostPolicy {
    allowed: Vec<Host>,
    /// Listening on 0.0.0.0 or [::]: any IP address is one of ours.
    any_ip: bool,
}

impl HostPolicy {
    /// Allows `endpoint`'s host (`http://host:port`) and `extra` (`--allow-host`), besides loopback.
    pub fn new(endpoint: &str, extra: &[String]) -> Arc<Self> {
        let own = Host::parse(
            endpoint
                .split_once("://")
                .map_or(endpoint, |(_, rest)| rest),
        );
        let any_ip = matches!(own, Some(Host::Ip(ip)) if ip.is_unspecified());
        let allowed = own
            .into_iter()
            .chain(extra.iter().filter_map(|h| Host::parse(h)))
            .collect();
        Arc::new(Self { allowed, any_ip })
    }

    fn allows(&self, host: &Host) -> bool {
        host.is_loopback()
            || (self.any_ip && matches!(host, Host::Ip(_)))
            || self.allowed.contains(host)
    }
}

/// Middleware: 403 `{"error": …}` for a missing or foreign `Host`, before any route runs.
pub async fn check(
    State(policy): State<Arc<HostPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let sent = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    if sent
        .and_then(Host::parse)
        .is_some_and(|host| policy.allows(&host))
    {
        return next.run(request).await;
    }
    let shown = sent.unwrap_or("(none)");
    tracing::warn!(host = shown, "refused: foreign Host header");
    let message = format!(
        "Host {shown} is not this emulator's address (DNS rebinding?); start it with --allow-host to accept another name"
    );
    (StatusCode::FORBIDDEN, Json(json!({ "error": message }))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allows(policy: &HostPolicy, host: &str) -> bool {
        Host::parse(host).is_some_and(|h| policy.allows(&h))
    }

    #[test]
    fn loopback_and_own_address_only() {
        let policy = HostPolicy::new("http://127.0.0.1:8780", &[]);
        for host in [
            "127.0.0.1:8780",
            "127.0.0.2",
            "localhost:8780",
            "LocalHost",
            "app.localhost:1",
            "[::1]:8780",
        ] {
            assert!(allows(&policy, host), "{host}");
        }
        for host in [
            "rebind.example:8780",
            "localhost.example",
            "10.0.0.5:8780",
            "user@127.0.0.1",
            "",
        ] {
            assert!(!allows(&policy, host), "{host}");
        }
    }

    #[test]
    fn extra_hosts_and_an_unspecified_listen_address() {
        let extra = ["Emu.Example".to_owned(), "[fd00::1]".to_owned()];
        let policy = HostPolicy::new("http://192.168.1.10:8780", &extra);
        for host in ["192.168.1.10:8780", "emu.example:8780", "[fd00::1]:8780"] {
            assert!(allows(&policy, host), "{host}");
        }
        assert!(!allows(&policy, "10.0.0.5"));
        let any = HostPolicy::new("http://0.0.0.0:8780", &[]);
        assert!(allows(&any, "10.0.0.5:8780"));
        assert!(!allows(&any, "rebind.example"));
    }
}
