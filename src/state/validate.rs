//! Checks applied to settings from config.json, from localStorage and from the form.

use std::ops::RangeInclusive;

use keyturn_core::endpoints;
use keyturn_core::policy::RotationPolicy;
use keyturn_core::validate::ValidationError;

use super::{FieldError, Settings, SettingsField};

/// Accepted values of [`Settings::concurrency`].
pub const CONCURRENCY_RANGE: RangeInclusive<u32> = 1..=32;

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
    if let Some((field, error)) = check_policy(&settings.rotation_policy) {
        check(field, Err(error));
    }
    check(
        SettingsField::Concurrency,
        check_range(settings.concurrency, CONCURRENCY_RANGE),
    );
    errors.sort_by_key(|(field, _)| *field);
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
