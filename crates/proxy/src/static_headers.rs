//! The security headers on every answer of `--serve-dir` (files, `index.html` for the app's
//! routes, refusals).
//!
//! `Content-Security-Policy` narrows where the app may connect to its own origin and the proxy
//! that `config.json` (`proxy_url`) in the served directory names, plus the `--connect-src`
//! origins, and forbids framing: `connect-src 'self' https://proxy.example.com; frame-ancestors
//! 'none'`. The built `index.html` carries its own policy in a `<meta>` (script hashes,
//! `default-src 'none'`, `connect-src 'self' https:` and the loopback names); the browser
//! enforces both, so this header adds only what a `<meta>` cannot say (`frame-ancestors`) or
//! cannot know at build time (the site's own proxy). `config.json` is read for every answer, so
//! an edited `proxy_url` takes effect with the next page load, as the app itself picks it up
//! then. When it names no usable proxy (missing, unreadable, not JSON, no `proxy_url`) and no
//! `--connect-src` is given, the policy says only `frame-ancestors 'none'`: narrowing
//! `connect-src` to `'self'` would cut the app off from any proxy.
//!
//! Beside it: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` and
//! `X-Frame-Options: DENY` (for browsers that predate `frame-ancestors`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::HeaderMap;
use axum::http::header::{self, HeaderValue};

use crate::origin::Origin;
use crate::url_parts::{AbsoluteUrl, UrlError};

/// The name of the app's configuration file in the served directory.
pub const CONFIG_JSON: &str = "config.json";
/// The directive every policy ends with: no page may frame the app.
pub const FRAME_ANCESTORS: &str = "frame-ancestors 'none'";

const NOSNIFF: HeaderValue = HeaderValue::from_static("nosniff");
const NO_REFERRER: HeaderValue = HeaderValue::from_static("no-referrer");
const DENY: HeaderValue = HeaderValue::from_static("DENY");

/// Why `config.json` names no proxy origin the policy can use.
#[derive(Debug, thiserror::Error)]
pub enum ConfigJsonError {
    /// The file could not be read (missing, a directory, no permission).
    #[error("cannot read it: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The file is not a JSON object.
    #[error("not a JSON object")]
    NotAnObject,
    /// The object has no `proxy_url` string (the app then uses its default proxy).
    #[error("no proxy_url string in it")]
    NoProxyUrl,
    /// `proxy_url` is not an http(s) URL.
    #[error("its proxy_url is not usable: {0}")]
    BadProxyUrl(UrlError),
    /// `proxy_url` names an IPv6 address, which a policy cannot name.
    #[error("its proxy_url names an IPv6 address, which a Content-Security-Policy cannot name")]
    Ipv6,
}

/// The origin of the proxy that the text of a `config.json` names in `proxy_url` (its path, if
/// any, dropped).
pub fn proxy_origin(config_json: &[u8]) -> Result<Origin, ConfigJsonError> {
    let value: serde_json::Value =
        serde_json::from_slice(config_json).map_err(|_| ConfigJsonError::NotAnObject)?;
    let object = value.as_object().ok_or(ConfigJsonError::NotAnObject)?;
    let url = object
        .get("proxy_url")
        .and_then(serde_json::Value::as_str)
        .ok_or(ConfigJsonError::NoProxyUrl)?;
    let parsed = AbsoluteUrl::parse(url.trim()).map_err(ConfigJsonError::BadProxyUrl)?;
    let origin = Origin::of(&parsed);
    if is_ipv6(&origin) {
        return Err(ConfigJsonError::Ipv6);
    }
    Ok(origin)
}

/// Parses a `--connect-src` value: an origin a policy can name (not an IPv6 address).
pub fn parse_connect_source(text: &str) -> Result<Origin, String> {
    let origin: Origin = text.parse().map_err(|error| format!("{error}"))?;
    if is_ipv6(&origin) {
        return Err(
            "a Content-Security-Policy cannot name an IPv6 address; use a host name".to_owned(),
        );
    }
    Ok(origin)
}

fn is_ipv6(origin: &Origin) -> bool {
    origin.host().starts_with('[')
}

/// The policy allowing connections to the page's own origin and `sources` (in order, each
/// once), or, without sources, only forbidding framing.
pub fn content_security_policy<'a>(sources: impl IntoIterator<Item = &'a Origin>) -> String {
    let mut named: Vec<&Origin> = Vec::new();
    for source in sources {
        if !named.contains(&source) {
            named.push(source);
        }
    }
    if named.is_empty() {
        return FRAME_ANCESTORS.to_owned();
    }
    let mut policy = "connect-src 'self'".to_owned();
    for source in named {
        policy.push(' ');
        policy.push_str(&source.to_string());
    }
    policy.push_str("; ");
    policy.push_str(FRAME_ANCESTORS);
    policy
}

/// The headers of a served directory's answers.
#[derive(Clone, Debug)]
pub struct StaticHeaders {
    config_json: PathBuf,
    connect_src: Arc<[Origin]>,
}

impl StaticHeaders {
    /// The headers for the directory `dir`, whose `config.json` names the proxy, with the extra
    /// origins `connect_src`.
    pub fn new(dir: &Path, connect_src: &[Origin]) -> StaticHeaders {
        StaticHeaders {
            config_json: dir.join(CONFIG_JSON),
            connect_src: connect_src.into(),
        }
    }

    /// Where `config.json` is.
    pub fn config_json(&self) -> &Path {
        &self.config_json
    }

    /// The origin of the proxy that `config.json` names now.
    pub async fn configured_proxy(&self) -> Result<Origin, ConfigJsonError> {
        let text = tokio::fs::read(&self.config_json).await?;
        proxy_origin(&text)
    }

    /// The policy for `configured` (config.json's proxy, when usable) and `--connect-src`.
    pub fn policy_with(&self, configured: Option<&Origin>) -> String {
        content_security_policy(configured.into_iter().chain(self.connect_src.iter()))
    }

    /// The policy to send now.
    pub async fn content_security_policy(&self) -> String {
        let configured = self.configured_proxy().await.ok();
        self.policy_with(configured.as_ref())
    }

    /// Sets the security headers on an answer, replacing any of the same name.
    pub async fn apply(&self, headers: &mut HeaderMap) {
        let policy = self.content_security_policy().await;
        let policy =
            HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static(FRAME_ANCESTORS));
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        headers.insert(header::X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        headers.insert(header::REFERRER_POLICY, NO_REFERRER);
        headers.insert(header::X_FRAME_OPTIONS, DENY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins(texts: &[&str]) -> Vec<Origin> {
        texts.iter().map(|text| text.parse().unwrap()).collect()
    }

    #[test]
    fn the_repositorys_config_json_names_a_proxy() {
        let shipped = include_bytes!("../../../static/config.json");
        assert!(proxy_origin(shipped).is_ok());
    }

    #[test]
    fn proxy_url_becomes_its_origin() {
        for (proxy_url, origin) in [
            ("http://127.0.0.1:8787", "http://127.0.0.1:8787"),
            (
                "https://keyproxy.example.com",
                "https://keyproxy.example.com",
            ),
            (
                "https://KeyProxy.Example.com:443/cors/",
                "https://keyproxy.example.com",
            ),
            (
                " https://keyproxy.example.com:8443/ ",
                "https://keyproxy.example.com:8443",
            ),
            ("http://localhost:8787?x=1", "http://localhost:8787"),
        ] {
            let text = serde_json::json!({ "proxy_url": proxy_url, "region": "cn-north-4" });
            let parsed = proxy_origin(text.to_string().as_bytes());
            assert_eq!(parsed.unwrap().to_string(), origin, "{proxy_url}");
        }
    }

    #[test]
    fn config_json_without_a_usable_proxy_url_names_none() {
        for text in [
            "",
            "not json",
            "[]",
            "\"http://127.0.0.1:8787\"",
            "{}",
            r#"{"proxy_url":null}"#,
            r#"{"proxy_url":8787}"#,
            r#"{"proxy_url":""}"#,
            r#"{"proxy_url":"127.0.0.1:8787"}"#,
            r#"{"proxy_url":"ftp://keyproxy.example.com"}"#,
            r#"{"proxy_url":"https://user@keyproxy.example.com"}"#,
            r#"{"proxy_url":"https://[::1]:8787"}"#,
        ] {
            assert!(proxy_origin(text.as_bytes()).is_err(), "{text}");
        }
    }

    #[test]
    fn connect_sources_are_origins_a_policy_can_name() {
        for text in ["https://keyproxy.example.com", "http://127.0.0.1:8787/"] {
            assert!(parse_connect_source(text).is_ok(), "{text}");
        }
        for text in [
            "*",
            "https:",
            "'self'",
            "https://keyproxy.example.com/cors",
            "https://[::1]:8787",
            "ws://keyproxy.example.com",
        ] {
            assert!(parse_connect_source(text).is_err(), "{text}");
        }
    }

    #[test]
    fn the_policy_names_each_source_once_after_self() {
        assert_eq!(content_security_policy(&[]), "frame-ancestors 'none'");
        let sources = origins(&[
            "https://keyproxy.example.com",
            "http://127.0.0.1:8787",
            "https://keyproxy.example.com:443",
        ]);
        assert_eq!(
            content_security_policy(&sources),
            "connect-src 'self' https://keyproxy.example.com http://127.0.0.1:8787; \
             frame-ancestors 'none'"
        );
    }
}
