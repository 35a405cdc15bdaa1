//! Taking an upstream base URL apart: origin, authority (the signed `host`) and path prefix.

/// The parts of an upstream base URL such as `https://iam.myhuaweicloud.com` or
/// `http://127.0.0.1:8780/prefix`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upstream<'a> {
    /// `scheme://authority`, as written.
    pub origin: &'a str,
    /// Host, plus `:port` only when the URL names one, as written: the value signed as `host`
    /// and the `Host` the proxy sends upstream.
    pub authority: &'a str,
    /// Path prefix without a trailing `/`; empty for most endpoints.
    pub base_path: &'a str,
}

/// Splits an absolute `http`/`https` base URL; `None` for anything else (relative URLs, user
/// info, queries or fragments).
pub fn split_base_url(base_url: &str) -> Option<Upstream<'_>> {
    let (scheme, rest) = base_url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority_len = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_len];
    let base_path = rest[authority_len..].trim_end_matches('/');
    if authority.is_empty() || authority.contains(['@', '?', '#']) || base_path.contains(['?', '#'])
    {
        return None;
    }
    Some(Upstream {
        origin: &base_url[..scheme.len() + 3 + authority_len],
        authority,
        base_path,
    })
}
