//! The upstream URL carried in the request path (`{proxy}/{absolute upstream URL}`) and the
//! allowlist that decides whether the proxy may forward to it.

use crate::origin::Origin;
use crate::url_parts::{AbsoluteUrl, Scheme, UrlError};

/// Domains under which Huawei Cloud serves IAM and KMS.
const HUAWEI_DOMAINS: [&str; 2] = ["myhuaweicloud.com", "myhuaweicloud.eu"];
/// Services reachable through the proxy by default.
const HUAWEI_SERVICES: [&str; 2] = ["iam", "kms"];

/// An upstream URL accepted for forwarding, kept exactly as the caller wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    origin: Origin,
    authority: String,
    explicit_port: bool,
    ip_literal: bool,
    path_and_query: String,
}

/// Why an upstream URL is refused. Every refusal happens before any connection is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// The URL could not be taken apart safely.
    #[error(transparent)]
    Url(#[from] UrlError),
    /// The host is an IP address that is not an allowed upstream origin.
    #[error("IP address upstreams are refused unless allowed with --allow-upstream")]
    IpLiteral,
    /// The host is neither a Huawei Cloud IAM/KMS host nor an allowed upstream origin.
    #[error("this upstream host is not allowed")]
    HostNotAllowed,
    /// A Huawei Cloud host was asked for over plain http.
    #[error("Huawei Cloud endpoints are only reached over https")]
    HttpsRequired,
    /// A Huawei Cloud host was asked for on a port other than 443.
    #[error("Huawei Cloud endpoints are only reached on the default port")]
    PortNotAllowed,
}

impl TargetError {
    /// The stable `proxy.*` error code for this refusal.
    pub fn code(self) -> &'static str {
        match self {
            TargetError::Url(UrlError::SchemeNotAllowed) => "proxy.scheme_not_allowed",
            TargetError::Url(UrlError::Malformed) => "proxy.invalid_target",
            TargetError::Url(UrlError::Userinfo) => "proxy.userinfo_not_allowed",
            TargetError::Url(UrlError::BadHost) => "proxy.invalid_host",
            TargetError::Url(UrlError::BadPort) => "proxy.invalid_port",
            TargetError::IpLiteral => "proxy.ip_literal_not_allowed",
            TargetError::HostNotAllowed => "proxy.host_not_allowed",
            TargetError::HttpsRequired => "proxy.https_required",
            TargetError::PortNotAllowed => "proxy.port_not_allowed",
        }
    }
}

impl Target {
    /// Parses the request target with the leading `/` removed, e.g.
    /// `https://iam.myhuaweicloud.com/v3/auth/tokens?nocatalog=true`.
    pub fn parse(raw: &str) -> Result<Self, TargetError> {
        let url = AbsoluteUrl::parse(raw)?;
        let path_and_query = match url.rest.as_bytes().first() {
            None => "/".to_owned(),
            Some(b'?') => format!("/{}", url.rest),
            Some(_) => url.rest.to_owned(),
        };
        Ok(Target {
            origin: Origin::of(&url),
            authority: url.authority.text.to_owned(),
            explicit_port: url.authority.port.is_some(),
            ip_literal: url.authority.is_ip_literal(),
            path_and_query,
        })
    }

    /// The upstream origin (scheme, lowercase host, effective port).
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The authority as written: the value of the upstream `Host` header (port only when explicit).
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The path and query exactly as received; `/` when the URL had no path.
    pub fn path_and_query(&self) -> &str {
        &self.path_and_query
    }

    /// The path without the query (what may be logged).
    pub fn path(&self) -> &str {
        self.path_and_query
            .split_once('?')
            .map_or(self.path_and_query.as_str(), |(path, _)| path)
    }

    /// The full URL to request upstream.
    pub fn url(&self) -> String {
        format!(
            "{}://{}{}",
            self.origin.scheme(),
            self.authority,
            self.path_and_query
        )
    }
}

/// Decides which upstreams may be reached: the Huawei Cloud IAM and KMS hosts over https, plus
/// the exact origins given with `--allow-upstream`.
#[derive(Clone, Debug, Default)]
pub struct Allowlist {
    extra: Vec<Origin>,
}

impl Allowlist {
    /// An allowlist with the default Huawei Cloud hosts and the given extra origins.
    pub fn new(extra: Vec<Origin>) -> Self {
        Allowlist { extra }
    }

    /// Accepts the target or says why not.
    pub fn check(&self, target: &Target) -> Result<(), TargetError> {
        let origin = target.origin();
        if self.extra.contains(origin) {
            return Ok(());
        }
        if !is_huawei_host(origin.host()) {
            return Err(if target.ip_literal {
                TargetError::IpLiteral
            } else {
                TargetError::HostNotAllowed
            });
        }
        if origin.scheme() != Scheme::Https {
            return Err(TargetError::HttpsRequired);
        }
        if target.explicit_port && origin.port() != Scheme::Https.default_port() {
            return Err(TargetError::PortNotAllowed);
        }
        Ok(())
    }
}

/// Whether `host` (lowercase) is a Huawei Cloud IAM or KMS endpoint: `iam.myhuaweicloud.com`,
/// `iam.{region}.myhuaweicloud.com`, `kms.{region}.myhuaweicloud.com` or the same under
/// `myhuaweicloud.eu`.
pub fn is_huawei_host(host: &str) -> bool {
    let Some((service, rest)) = host.split_once('.') else {
        return false;
    };
    if !HUAWEI_SERVICES.contains(&service) {
        return false;
    }
    if service == "iam" && HUAWEI_DOMAINS.contains(&rest) {
        return true;
    }
    rest.split_once('.')
        .is_some_and(|(region, domain)| HUAWEI_DOMAINS.contains(&domain) && is_region_id(region))
}

/// A region id such as `cn-north-4` or `my-kualalumpur-1`: lowercase words joined by `-`,
/// ending with a number.
fn is_region_id(label: &str) -> bool {
    let mut parts = label.rsplit('-');
    let number = parts.next().unwrap_or_default();
    let words: Vec<&str> = parts.collect();
    !number.is_empty()
        && number.len() <= 3
        && number.bytes().all(|b| b.is_ascii_digit())
        && !words.is_empty()
        && words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(list: &Allowlist, raw: &str) -> Result<(), TargetError> {
        list.check(&Target::parse(raw)?)
    }

    #[test]
    fn accepts_huawei_iam_and_kms_hosts_over_https() {
        let list = Allowlist::default();
        for raw in [
            "https://iam.myhuaweicloud.com/v3/auth/tokens",
            "https://iam.myhuaweicloud.eu/v3/auth/tokens",
            "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4",
            "https://kms.ap-southeast-1.myhuaweicloud.com/v1.0/p/kms/list-keys",
            "https://kms.my-kualalumpur-1.myhuaweicloud.com/",
            "https://iam.eu-west-101.myhuaweicloud.eu/v3/auth/domains",
            "https://kms.cn-north-11.myhuaweicloud.com",
            "https://IAM.MyHuaweiCloud.com/v3",
            "https://iam.myhuaweicloud.com:443/v3",
        ] {
            assert_eq!(check(&list, raw), Ok(()), "{raw}");
        }
    }

    #[test]
    fn refuses_everything_else_by_default() {
        let list = Allowlist::default();
        let cases = [
            ("https://evil.example/", TargetError::HostNotAllowed),
            ("https://myhuaweicloud.com/", TargetError::HostNotAllowed),
            (
                "https://obs.cn-north-4.myhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://kms.myhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://iam.myhuaweicloud.com.evil.example/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://iam.cn-north-4.evil.myhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://iam.cn-north-4.myhuaweicloud.com./",
                TargetError::HostNotAllowed,
            ),
            (
                "https://iam.-4.myhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://iam.cn-north-.myhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://iam.CN-1x.myhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://evilmyhuaweicloud.com/",
                TargetError::HostNotAllowed,
            ),
            (
                "https://evil.example/?https://iam.myhuaweicloud.com",
                TargetError::HostNotAllowed,
            ),
            ("https://1.2.3.4/", TargetError::IpLiteral),
            ("https://[::1]/", TargetError::IpLiteral),
            ("http://127.0.0.1:8780/", TargetError::IpLiteral),
            ("http://iam.myhuaweicloud.com/", TargetError::HttpsRequired),
            (
                "https://iam.myhuaweicloud.com:8443/",
                TargetError::PortNotAllowed,
            ),
            (
                "https://iam.myhuaweicloud.com@evil.example/",
                TargetError::Url(UrlError::Userinfo),
            ),
            (
                "ftp://iam.myhuaweicloud.com/",
                TargetError::Url(UrlError::SchemeNotAllowed),
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(check(&list, raw), Err(expected), "{raw}");
        }
    }

    #[test]
    fn extra_origins_match_scheme_host_and_port_exactly() {
        let list = Allowlist::new(vec!["http://127.0.0.1:8780".parse().unwrap()]);
        assert_eq!(
            check(&list, "http://127.0.0.1:8780/v3/auth/domains"),
            Ok(())
        );
        assert_eq!(check(&list, "http://127.0.0.1:8780"), Ok(()));
        assert_eq!(
            check(&list, "http://127.0.0.1:8781/"),
            Err(TargetError::IpLiteral)
        );
        assert_eq!(
            check(&list, "https://127.0.0.1:8780/"),
            Err(TargetError::IpLiteral)
        );
        assert_eq!(
            check(&list, "http://localhost:8780/"),
            Err(TargetError::HostNotAllowed)
        );
        assert_eq!(
            check(&list, "http://127.0.0.1:8780@localhost:8780/"),
            Err(TargetError::Url(UrlError::Userinfo))
        );
    }

    #[test]
    fn keeps_authority_path_and_query_verbatim() {
        let target =
            Target::parse("https://iam.myhuaweicloud.com:443/v3.0/a%2Fb/?x=%20&x=!&y").unwrap();
        assert_eq!(target.authority(), "iam.myhuaweicloud.com:443");
        assert_eq!(target.path_and_query(), "/v3.0/a%2Fb/?x=%20&x=!&y");
        assert_eq!(target.path(), "/v3.0/a%2Fb/");
        assert_eq!(
            target.url(),
            "https://iam.myhuaweicloud.com:443/v3.0/a%2Fb/?x=%20&x=!&y"
        );
    }

    #[test]
    fn supplies_a_root_path_when_the_url_has_none() {
        assert_eq!(
            Target::parse("http://127.0.0.1:8780")
                .unwrap()
                .path_and_query(),
            "/"
        );
        assert_eq!(
            Target::parse("http://127.0.0.1:8780?a=1")
                .unwrap()
                .path_and_query(),
            "/?a=1"
        );
    }

    #[test]
    fn region_ids() {
        for id in ["cn-north-4", "my-kualalumpur-1", "eu-west-101", "ae-ad-1"] {
            assert!(is_region_id(id), "{id}");
        }
        for id in [
            "",
            "cn",
            "4",
            "-4",
            "cn--4",
            "cn-north-",
            "cn-north-4a",
            "Cn-north-4",
            "cn-north-1234",
        ] {
            assert!(!is_region_id(id), "{id}");
        }
    }
}
