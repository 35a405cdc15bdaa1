//! Checks applied to settings from config.json, from localStorage and from the form.

use std::ops::RangeInclusive;

use keyturn_core::endpoints;

use super::{FieldError, Settings, SettingsField};

/// Accepted values of [`Settings::concurrency`].
pub const CONCURRENCY_RANGE: RangeInclusive<u32> = 1..=32;
/// Accepted values of the rotation age in days.
pub const ROTATE_AFTER_RANGE: RangeInclusive<u32> = 1..=3650;
/// Accepted values of the warning period in days.
pub const WARN_BEFORE_RANGE: RangeInclusive<u32> = 0..=3650;

/// Every refused field of `settings`, in form order; empty when all are accepted.
pub fn validate(settings: &Settings) -> Vec<(SettingsField, FieldError)> {
    let mut errors = Vec::new();
    let mut check = |field, result: Result<(), FieldError>| {
        if let Err(error) = result {
            errors.push((field, error));
        }
    };
    check(SettingsField::ProxyUrl, check_url(&settings.proxy_url));
    check(SettingsField::Region, check_region(&settings.region));
    if let Some(url) = &settings.iam_endpoint {
        check(SettingsField::IamEndpoint, check_url(url));
    }
    if let Some(url) = &settings.kms_endpoint {
        check(SettingsField::KmsEndpoint, check_url(url));
    }
    if settings.account_name.as_deref() == Some("") {
        check(SettingsField::AccountName, Err(FieldError::Required));
    }
    let policy = &settings.rotation_policy;
    check(
        SettingsField::RotateAfterDays,
        check_range(policy.rotate_after_days, ROTATE_AFTER_RANGE),
    );
    check(
        SettingsField::WarnBeforeDays,
        check_range(policy.warn_before_days, WARN_BEFORE_RANGE).and(
            if policy.warn_before_days < policy.rotate_after_days {
                Ok(())
            } else {
                Err(FieldError::WarnNotBeforeRotate)
            },
        ),
    );
    check(
        SettingsField::Concurrency,
        check_range(settings.concurrency, CONCURRENCY_RANGE),
    );
    errors
}

/// Accepts an absolute http(s) URL without credentials, query or fragment.
pub fn check_url(url: &str) -> Result<(), FieldError> {
    if url.trim().is_empty() {
        return Err(FieldError::Required);
    }
    let parsed = web_sys::Url::new(url).map_err(|_| FieldError::UrlNotAbsolute)?;
    if !matches!(parsed.protocol().as_str(), "http:" | "https:") {
        return Err(FieldError::UrlScheme);
    }
    if parsed.hostname().is_empty() {
        return Err(FieldError::UrlNotAbsolute);
    }
    if !parsed.username().is_empty() || !parsed.password().is_empty() {
        return Err(FieldError::UrlHasCredentials);
    }
    if url.contains(['?', '#']) {
        return Err(FieldError::UrlHasQueryOrFragment);
    }
    Ok(())
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
