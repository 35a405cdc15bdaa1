//! Checks applied to settings from config.json, from localStorage and from the form.

use std::ops::RangeInclusive;

use crate::endpoints;
use crate::kms::KMS_REQUESTS_PER_SECOND;
use crate::policy::RotationPolicy;
use crate::validate::ValidationError;

use super::{FieldError, Settings, SettingsField};

/// Accepted values of [`Settings::concurrency`].
pub const CONCURRENCY_RANGE: RangeInclusive<u32> = 1..=32;

/// Accepted values of [`Settings::kms_requests_per_second`]: up to KMS's own limit.
pub const KMS_RATE_RANGE: RangeInclusive<u32> = 1..=KMS_REQUESTS_PER_SECOND;

/// Every refused field of `settings`, in form order; empty when all are accepted.
pub fn validate(settings: &Settings) -> Vec<(SettingsField, FieldError)> {
    let mut errors = Vec::new();
    let mut check = |field, result: Result<(), FieldError>| {
        if let Err(error) = result {
            errors.push((field, error));
        }
    };
    check(
        SettingsField::ProxyUrl,
        check_proxy_url(&settings.proxy_url),
    );
    check(SettingsField::Region, check_region(&settings.region));
    if let Some(url) = &settings.iam_endpoint {
        check(SettingsField::IamEndpoint, check_url(url));
    }
    if let Some(url) = &settings.kms_endpoint {
        check(SettingsField::KmsEndpoint, check_url(url));
    }
    if let Some((field, error)) = check_policy(&settings.rotation_policy) {
        check(field, Err(error));
    }
    check(
        SettingsField::Concurrency,
        check_range(settings.concurrency, CONCURRENCY_RANGE),
    );
    check(
        SettingsField::KmsRequestsPerSecond,
        check_range(settings.kms_requests_per_second, KMS_RATE_RANGE),
    );
    errors.sort_by_key(|(field, _)| *field);
    errors
}

/// Accepts an absolute http(s) URL without credentials, query or fragment.
pub fn check_url(url: &str) -> Result<(), FieldError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(FieldError::Required);
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return Err(FieldError::UrlNotAbsolute);
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok {
        return Err(FieldError::UrlNotAbsolute);
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(FieldError::UrlScheme);
    }
    let after_slashes = rest.trim_start_matches(['/', '\\']);
    let authority = after_slashes
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or_default();
    let (userinfo, host_port) = match authority.rsplit_once('@') {
        Some((userinfo, host_port)) => (Some(userinfo), host_port),
        None => (None, authority),
    };
    let (host_ok, port) = match host_port.strip_prefix('[') {
        Some(bracketed) => {
            let (host, after) = bracketed.split_once(']').unwrap_or(("", ""));
            let ipv6 = host.contains(':')
                && host
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'));
            let port = match after {
                "" => Some(""),
                _ => after.strip_prefix(':'),
            };
            (ipv6, port)
        }
        None => {
            let (host, port) = host_port.split_once(':').unwrap_or((host_port, ""));
            let name = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'));
            (name, Some(port))
        }
    };
    // As the browser's URL parser: the port is empty or a number up to 65535.
    let port_ok = port.is_some_and(|port| {
        port.is_empty()
            || (port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|number| number <= 65_535))
    });
    if !host_ok || !port_ok {
        return Err(FieldError::UrlNotAbsolute);
    }
    if userinfo.is_some_and(|info| !info.is_empty() && info != ":") {
        return Err(FieldError::UrlHasCredentials);
    }
    if url.contains(['?', '#']) {
        return Err(FieldError::UrlHasQueryOrFragment);
    }
    Ok(())
}

/// Hosts a plain-http proxy URL may name: this computer, by the names of its loopback address.
/// The same two are the only plain-http sources of the built site's Content-Security-Policy
/// (`build/csp.mjs`), so what the settings accept is what the browser lets the app reach. (A
/// policy cannot name an IPv6 address, so `http://[::1]` is refused; `https://[::1]` is not.)
pub const LOOPBACK_HOSTS: [&str; 2] = ["127.0.0.1", "localhost"];

/// Accepts the URL of the CORS proxy: a URL [`check_url`] accepts, over https unless it names
/// this computer ([`LOOPBACK_HOSTS`]). Every secret the app sends (signed requests, the
/// password, tokens, new secret keys in answers) passes through the proxy, so plain http to
/// another host would put them on the network unencrypted.
pub fn check_proxy_url(url: &str) -> Result<(), FieldError> {
    check_url(url)?;
    let (scheme, host) = scheme_and_host(url).ok_or(FieldError::UrlNotAbsolute)?;
    let loopback = LOOPBACK_HOSTS
        .iter()
        .any(|name| host.eq_ignore_ascii_case(name));
    if scheme.eq_ignore_ascii_case("https") || loopback {
        Ok(())
    } else {
        Err(FieldError::ProxyNotHttps)
    }
}

/// Whether two proxy URLs name the same proxy: equal once trimmed, without trailing slashes,
/// with the scheme and host compared without regard to case.
pub fn same_proxy(a: &str, b: &str) -> bool {
    fn key(url: &str) -> String {
        let url = url.trim().trim_end_matches('/');
        match url.split_once("://") {
            Some((scheme, rest)) => {
                let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
                format!(
                    "{}://{}{path}",
                    scheme.to_ascii_lowercase(),
                    authority.to_ascii_lowercase()
                )
            }
            None => url.to_owned(),
        }
    }
    key(a) == key(b)
}

/// The scheme and host (IPv6 in brackets) of a URL [`check_url`] accepted.
fn scheme_and_host(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.trim().split_once(':')?;
    let authority = rest
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\', '?', '#'])
        .next()?;
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, after)| after);
    let host = match host_port.find(']') {
        Some(end) if host_port.starts_with('[') => &host_port[..=end],
        _ => host_port.split(':').next()?,
    };
    Some((scheme, host))
}

/// Accepts a region id from the official list.
pub fn check_region(region: &str) -> Result<(), FieldError> {
    if region.is_empty() {
        Err(FieldError::Required)
    } else if endpoints::region(region).is_some() {
        Ok(())
    } else {
        Err(FieldError::UnknownRegion)
    }
}

/// Accepts a number inside `range`.
pub fn check_range(value: u32, range: RangeInclusive<u32>) -> Result<(), FieldError> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(FieldError::OutOfRange {
            min: *range.start(),
            max: *range.end(),
        })
    }
}

/// The first problem [`RotationPolicy::validate`] finds, as the form field it concerns.
fn check_policy(policy: &RotationPolicy) -> Option<(SettingsField, FieldError)> {
    match policy.validate().err()? {
        ValidationError::PolicyDays {
            setting, min, max, ..
        } => {
            let field = SettingsField::ALL
                .into_iter()
                .find(|field| field.config_path() == format!("rotation_policy.{setting}"))?;
            Some((field, FieldError::OutOfRange { min, max }))
        }
        ValidationError::WarningNotBeforeRotation { .. } => Some((
            SettingsField::WarnBeforeDays,
            FieldError::WarnNotBeforeRotate,
        )),
        ValidationError::KmsKeyId
        | ValidationError::RotationInterval(_)
        | ValidationError::AccessKeyId
        | ValidationError::UserId => None,
    }
}
