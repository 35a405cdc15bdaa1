//! Web origins (`scheme://host[:port]`): the browser origins allowed to call the proxy, and the
//! extra upstream origins it may forward to.

use std::fmt;
use std::str::FromStr;

use crate::url_parts::{AbsoluteUrl, Scheme, UrlError};

/// A `scheme://host[:port]` origin, compared the way browsers serialise the `Origin` header:
/// lowercase host, default port omitted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    scheme: Scheme,
    host: String,
    port: u16,
}

/// Why text is not an origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OriginError {
    /// The scheme, host or port is not acceptable.
    #[error(transparent)]
    Url(#[from] UrlError),
    /// The text carries a path or query (only a trailing `/` is tolerated).
    #[error("an origin is scheme://host[:port] with no path or query")]
    HasPath,
}

impl Origin {
    /// Builds the origin of an already parsed URL.
    pub fn of(url: &AbsoluteUrl<'_>) -> Self {
        Origin {
            scheme: url.scheme,
            host: url.authority.host_key(),
            port: url.authority.port.unwrap_or(url.scheme.default_port()),
        }
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host, lowercase (bracketed when IPv6).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, the scheme's default when none was written.
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl FromStr for Origin {
    type Err = OriginError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let url = AbsoluteUrl::parse(text)?;
        if !matches!(url.rest, "" | "/") {
            return Err(OriginError::HasPath);
        }
        Ok(Origin::of(&url))
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme, self.host)?;
        if self.port != self.scheme.default_port() {
            write!(f, ":{}", self.port)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_like_a_browser_origin_header() {
        let cases = [
            ("http://localhost:8080", "http://localhost:8080"),
            ("http://LocalHost:8080/", "http://localhost:8080"),
            ("https://app.example:443", "https://app.example"),
            ("http://app.example:80", "http://app.example"),
            ("http://[::1]:8080", "http://[::1]:8080"),
        ];
        for (input, expected) in cases {
            assert_eq!(input.parse::<Origin>().unwrap().to_string(), expected);
        }
    }

    #[test]
    fn refuses_wildcards_paths_and_opaque_origins() {
        assert_eq!(
            "*".parse::<Origin>(),
            Err(OriginError::Url(UrlError::Malformed))
        );
        assert_eq!(
            "null".parse::<Origin>(),
            Err(OriginError::Url(UrlError::Malformed))
        );
        assert_eq!(
            "http://localhost:8080/app".parse::<Origin>(),
            Err(OriginError::HasPath)
        );
        assert_eq!(
            "http://localhost:8080?x".parse::<Origin>(),
            Err(OriginError::HasPath)
        );
        assert_eq!(
            "http://*.example".parse::<Origin>(),
            Err(OriginError::Url(UrlError::BadHost))
        );
    }

    #[test]
    fn effective_port_makes_explicit_default_ports_equal() {
        let explicit: Origin = "https://iam.myhuaweicloud.com:443".parse().unwrap();
        let implicit: Origin = "https://iam.myhuaweicloud.com".parse().unwrap();
        assert_eq!(explicit, implicit);
        assert_eq!(implicit.port(), 443);
    }
}
