//! The `Host` the proxy answers for. A page on `rebind.example:8787`, whose name an attacker points
//! at 127.0.0.1 (DNS rebinding), is same-origin with itself, not with the proxy: checking `Host`
//! is what tells the two apart. Allowed: the listen address and the loopback names on the listen
//! port, plus the hosts given with `--allow-host`.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::http::{HeaderMap, Uri, header};

use crate::error::ProxyError;
use crate::url_parts::{Authority, UrlError, parse_authority};

/// Names that always mean this machine.
const LOOPBACK_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];
/// The port a `Host` without one means: the proxy itself speaks plain http.
const HTTP_PORT: u16 = 80;

/// A host given with `--allow-host`: `name` (any port) or `name:port`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowedHost {
    host: String,
    port: Option<u16>,
}

impl FromStr for AllowedHost {
    type Err = UrlError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let authority = parse_authority(text)?;
        Ok(AllowedHost {
            host: authority.host_key(),
            port: authority.port,
        })
    }
}

impl fmt::Display for AllowedHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.host)?;
        match self.port {
            Some(port) => write!(f, ":{port}"),
            None => Ok(()),
        }
    }
}

/// Decides whether a request was meant for this proxy.
#[derive(Clone, Debug)]
pub struct HostPolicy {
    listen_port: u16,
    own_names: Vec<String>,
    allowed: Vec<AllowedHost>,
}

impl HostPolicy {
    /// Accepts the listen address and loopback names on `listen`'s port, and `allowed`.
    pub fn new(listen: SocketAddr, allowed: &[AllowedHost]) -> Self {
        let listen_name = match listen.ip() {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        };
        let own_names = LOOPBACK_NAMES
            .iter()
            .map(|name| (*name).to_owned())
            .chain([listen_name])
            .collect();
        HostPolicy {
            listen_port: listen.port(),
            own_names,
            allowed: allowed.to_vec(),
        }
    }

    /// Accepts the request when its one `Host` (and the authority of an absolute-form target,
    /// if any) names this proxy; answers `421 proxy.host_not_served` otherwise.
    pub fn check(&self, uri: &Uri, headers: &HeaderMap) -> Result<(), ProxyError> {
        let mut hosts = headers.get_all(header::HOST).iter();
        let host = match (hosts.next(), hosts.next()) {
            (Some(host), None) => host.to_str().ok(),
            (None, None) => None,
            _ => return Err(ProxyError::host_not_served()),
        };
        let named: Vec<&str> = host
            .into_iter()
            .chain(uri.authority().map(|authority| authority.as_str()))
            .collect();
        let served = !named.is_empty()
            && named
                .iter()
                .all(|text| parse_authority(text).is_ok_and(|a| self.serves(&a)));
        if served {
            Ok(())
        } else {
            Err(ProxyError::host_not_served())
        }
    }

    fn serves(&self, authority: &Authority<'_>) -> bool {
        let host = authority.host_key();
        let port = authority.port.unwrap_or(HTTP_PORT);
        let own = port == self.listen_port && self.own_names.contains(&host);
        own || self
            .allowed
            .iter()
            .any(|allowed| allowed.host == host && allowed.port.is_none_or(|p| p == port))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_headers::headers;

    fn policy(listen: &str, allowed: &[&str]) -> HostPolicy {
        let allowed: Vec<AllowedHost> = allowed.iter().map(|a| a.parse().unwrap()).collect();
        HostPolicy::new(listen.parse().unwrap(), &allowed)
    }

    fn check(policy: &HostPolicy, host: &'static str) -> bool {
        policy
            .check(&Uri::from_static("/"), &headers(&[("host", host)]))
            .is_ok()
    }

    #[test]
    fn serves_its_listen_address_and_loopback_names_on_its_port() {
        let policy = policy("127.0.0.1:8787", &[]);
        for host in [
            "127.0.0.1:8787",
            "localhost:8787",
            "LocalHost:8787",
            "[::1]:8787",
        ] {
            assert!(check(&policy, host), "{host}");
        }
        for host in [
            "rebind.example:8787",
            "localhost:8788",
            "localhost",
            "127.0.0.1",
            "localhost.:8787",
            "user@localhost:8787",
            "",
        ] {
            assert!(!check(&policy, host), "{host}");
        }
    }

    #[test]
    fn serves_allowed_hosts_on_any_port_or_the_one_named() {
        let policy = policy(
            "0.0.0.0:8787",
            &["keyproxy.example.com", "lan.example:8787"],
        );
        for host in [
            "0.0.0.0:8787",
            "keyproxy.example.com",
            "KeyProxy.Example.com:443",
            "lan.example:8787",
        ] {
            assert!(check(&policy, host), "{host}");
        }
        assert!(!check(&policy, "lan.example"));
        assert!(!check(&policy, "lan.example:8788"));
    }

    #[test]
    fn port_80_is_the_default() {
        let policy = policy("[::1]:80", &[]);
        assert!(check(&policy, "localhost"));
        assert!(check(&policy, "[0:0::1]:80"));
    }

    #[test]
    fn a_missing_or_repeated_host_and_a_foreign_absolute_target_are_refused() {
        let policy = policy("127.0.0.1:8787", &[]);
        let error = policy
            .check(&Uri::from_static("/"), &HeaderMap::new())
            .unwrap_err();
        assert_eq!(error.code(), "proxy.host_not_served");
        let twice = headers(&[("host", "127.0.0.1:8787"), ("host", "127.0.0.1:8787")]);
        assert!(policy.check(&Uri::from_static("/"), &twice).is_err());
        let absolute = Uri::from_static("http://rebind.example:8787/");
        let host = headers(&[("host", "127.0.0.1:8787")]);
        assert!(policy.check(&absolute, &host).is_err());
        let own = Uri::from_static("http://localhost:8787/");
        assert!(policy.check(&own, &host).is_ok());
    }
}
