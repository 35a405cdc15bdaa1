//! Strict parsing of absolute `http`/`https` URLs into scheme, authority and the rest, exactly as
//! written: nothing is decoded, normalised or re-encoded.

use std::fmt;
use std::net::Ipv6Addr;

/// The two URL schemes the proxy speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Plain `http`.
    Http,
    /// `https`.
    Https,
}

impl Scheme {
    /// The scheme as it appears in a URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    /// The port used when a URL names none.
    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a URL could not be taken apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// The scheme is neither `http` nor `https`.
    #[error("only http and https URLs are accepted")]
    SchemeNotAllowed,
    /// The text is not `scheme://authority[/path][?query]`, or carries a fragment.
    #[error("the URL must look like https://host[:port]/path?query, without a fragment")]
    Malformed,
    /// The authority carries `user[:password]@`.
    #[error("user names and passwords in the URL are refused")]
    Userinfo,
    /// The host is empty, percent-encoded, non-ASCII or otherwise not a plain name or IP literal.
    #[error(
        "the host must be plain ASCII letters, digits, dots and hyphens, or a bracketed IPv6 address"
    )]
    BadHost,
    /// The port is empty, not a number, or out of range.
    #[error("the port must be a number from 1 to 65535")]
    BadPort,
}

/// The `host[:port]` part of a URL, borrowed from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authority<'a> {
    /// The authority exactly as written (this becomes the upstream `Host` header).
    pub text: &'a str,
    /// The host as written: a DNS name, a dotted IPv4 address or a bracketed IPv6 address.
    pub host: &'a str,
    /// The port, when the URL names one explicitly.
    pub port: Option<u16>,
}

impl Authority<'_> {
    /// The host in the form used for comparisons: ASCII-lowercased, IPv6 in canonical form.
    pub fn host_key(&self) -> String {
        match self.ipv6() {
            Some(ip) => format!("[{ip}]"),
            None => self.host.to_ascii_lowercase(),
        }
    }

    /// Whether the host is an IP address literal rather than a DNS name.
    pub fn is_ip_literal(&self) -> bool {
        self.ipv6().is_some() || self.host.parse::<std::net::Ipv4Addr>().is_ok()
    }

    fn ipv6(&self) -> Option<Ipv6Addr> {
        self.host.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
    }
}

/// An absolute URL split into its parts, borrowed from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AbsoluteUrl<'a> {
    /// `http` or `https` (matched case-insensitively).
    pub scheme: Scheme,
    /// `host[:port]`.
    pub authority: Authority<'a>,
    /// Everything after the authority: empty, or starting with `/` or `?`.
    pub rest: &'a str,
}

impl<'a> AbsoluteUrl<'a> {
    /// Splits `raw` without decoding anything; refuses userinfo, fragments, encoded or
    /// non-ASCII hosts and every scheme but `http` and `https`.
    pub fn parse(raw: &'a str) -> Result<Self, UrlError> {
        let (scheme, after_scheme) = raw.split_once(':').ok_or(UrlError::Malformed)?;
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            Scheme::Https
        } else if scheme.eq_ignore_ascii_case("http") {
            Scheme::Http
        } else {
            return Err(UrlError::SchemeNotAllowed);
        };
        let after_slashes = after_scheme.strip_prefix("//").ok_or(UrlError::Malformed)?;
        if after_slashes.contains('#') {
            return Err(UrlError::Malformed);
        }
        let end = after_slashes
            .find(['/', '?'])
            .unwrap_or(after_slashes.len());
        let (authority, rest) = after_slashes.split_at(end);
        Ok(AbsoluteUrl {
            scheme,
            authority: parse_authority(authority)?,
            rest,
        })
    }
}

/// Parses `host[:port]` as written in a URL or a `Host` header; refuses userinfo and encoded,
/// non-ASCII or empty hosts.
pub fn parse_authority(text: &str) -> Result<Authority<'_>, UrlError> {
    if text.contains('@') {
        return Err(UrlError::Userinfo);
    }
    let (host, port) = if text.starts_with('[') {
        let close = text.find(']').ok_or(UrlError::BadHost)?;
        let (host, after) = text.split_at(close + 1);
        match after {
            "" => (host, None),
            _ => (
                host,
                Some(after.strip_prefix(':').ok_or(UrlError::BadHost)?),
            ),
        }
    } else {
        match text.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    let authority = Authority {
        text,
        host,
        port: port.map(parse_port).transpose()?,
    };
    let plain_name = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if plain_name || authority.ipv6().is_some() {
        Ok(authority)
    } else {
        Err(UrlError::BadHost)
    }
}

fn parse_port(text: &str) -> Result<u16, UrlError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(UrlError::BadPort);
    }
    match text.parse::<u16>() {
        Ok(port) if port != 0 => Ok(port),
        _ => Err(UrlError::BadPort),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_without_touching_the_rest() {
        let url = AbsoluteUrl::parse("https://iam.myhuaweicloud.com/v3/a%2Fb?x=%20&x=!").unwrap();
        assert_eq!(url.scheme, Scheme::Https);
        assert_eq!(url.authority.text, "iam.myhuaweicloud.com");
        assert_eq!(url.authority.port, None);
        assert_eq!(url.rest, "/v3/a%2Fb?x=%20&x=!");
    }

    #[test]
    fn keeps_explicit_ports_and_query_only_rests() {
        let url = AbsoluteUrl::parse("http://127.0.0.1:8780?a=b").unwrap();
        assert_eq!(url.authority.text, "127.0.0.1:8780");
        assert_eq!(url.authority.host, "127.0.0.1");
        assert_eq!(url.authority.port, Some(8780));
        assert_eq!(url.rest, "?a=b");
        assert!(url.authority.is_ip_literal());
    }

    #[test]
    fn scheme_is_case_insensitive_and_host_key_lowercase() {
        let url = AbsoluteUrl::parse("HTTPS://IAM.MyHuaweiCloud.com").unwrap();
        assert_eq!(url.scheme, Scheme::Https);
        assert_eq!(url.authority.host_key(), "iam.myhuaweicloud.com");
        assert_eq!(url.rest, "");
    }

    #[test]
    fn ipv6_literals_are_canonicalised() {
        let url = AbsoluteUrl::parse("http://[0:0::1]:8780/").unwrap();
        assert_eq!(url.authority.host_key(), "[::1]");
        assert_eq!(url.authority.port, Some(8780));
        assert!(url.authority.is_ip_literal());
    }

    #[test]
    fn refuses_what_could_hide_another_host() {
        let cases = [
            ("ftp://iam.myhuaweicloud.com/", UrlError::SchemeNotAllowed),
            ("file:///etc/passwd", UrlError::SchemeNotAllowed),
            ("javascript:alert(1)", UrlError::SchemeNotAllowed),
            ("https:/iam.myhuaweicloud.com/", UrlError::Malformed),
            ("https://iam.myhuaweicloud.com/#frag", UrlError::Malformed),
            (
                "https://iam.myhuaweicloud.com@evil.example/",
                UrlError::Userinfo,
            ),
            ("https://a:b@iam.myhuaweicloud.com/", UrlError::Userinfo),
            ("https://iam%2emyhuaweicloud.com/", UrlError::BadHost),
            ("https://iám.myhuaweicloud.com/", UrlError::BadHost),
            (
                "https://evil.example\\.iam.myhuaweicloud.com/",
                UrlError::BadHost,
            ),
            ("https:///v3", UrlError::BadHost),
            ("https://[::1%25eth0]/", UrlError::BadHost),
            ("https://[::1]x/", UrlError::BadHost),
            ("https://iam.myhuaweicloud.com:/", UrlError::BadPort),
            ("https://iam.myhuaweicloud.com:0/", UrlError::BadPort),
            ("https://iam.myhuaweicloud.com:+443/", UrlError::BadPort),
            ("https://iam.myhuaweicloud.com:65536/", UrlError::BadPort),
            ("https://iam.myhuaweicloud.com:443:1/", UrlError::BadPort),
        ];
        for (raw, expected) in cases {
            assert_eq!(AbsoluteUrl::parse(raw), Err(expected), "{raw}");
        }
    }
}
