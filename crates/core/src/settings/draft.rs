//! The settings form's contents: text as typed, turned into [`Settings`] on save.

use crate::policy::RotationPolicy;

use super::validate::validate;
use super::{FieldError, Settings, SettingsField};

/// What the settings form holds, one string per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsDraft {
    proxy_url: String,
    region: String,
    iam_endpoint: String,
    kms_endpoint: String,
    account_name: String,
    rotate_after_days: String,
    warn_before_days: String,
    new_key_grace_days: String,
    unused_after_days: String,
    concurrency: String,
    kms_requests_per_second: String,
}

impl From<&Settings> for SettingsDraft {
    fn from(settings: &Settings) -> Self {
        Self {
            proxy_url: settings.proxy_url.clone(),
            region: settings.region.clone(),
            iam_endpoint: settings.iam_endpoint.clone().unwrap_or_default(),
            kms_endpoint: settings.kms_endpoint.clone().unwrap_or_default(),
            account_name: settings.account_name.clone().unwrap_or_default(),
            rotate_after_days: settings.rotation_policy.rotate_after_days.to_string(),
            warn_before_days: settings.rotation_policy.warn_before_days.to_string(),
            new_key_grace_days: settings.rotation_policy.new_key_grace_days.to_string(),
            unused_after_days: settings.rotation_policy.unused_after_days.to_string(),
            concurrency: settings.concurrency.to_string(),
            kms_requests_per_second: settings.kms_requests_per_second.to_string(),
        }
    }
}

impl SettingsDraft {
    /// The text of `field`.
    pub fn get(&self, field: SettingsField) -> &str {
        self.slot(field)
    }

    /// The draft with `field` set to `value`.
    pub fn with(&self, field: SettingsField, value: String) -> Self {
        let mut draft = self.clone();
        *draft.slot_mut(field) = value;
        draft
    }

    /// The settings the form describes (text trimmed, empty optional fields unset), or every
    /// refused field in form order.
    pub fn parse(&self) -> Result<Settings, Vec<(SettingsField, FieldError)>> {
        let rotate_after = whole_number(&self.rotate_after_days);
        let warn_before = whole_number(&self.warn_before_days);
        let new_key_grace = whole_number(&self.new_key_grace_days);
        let unused_after = whole_number(&self.unused_after_days);
        let concurrency = whole_number(&self.concurrency);
        let kms_rate = whole_number(&self.kms_requests_per_second);
        let settings = Settings {
            proxy_url: self.proxy_url.clone(),
            region: self.region.clone(),
            iam_endpoint: Some(self.iam_endpoint.clone()),
            kms_endpoint: Some(self.kms_endpoint.clone()),
            account_name: Some(self.account_name.clone()),
            concurrency: concurrency.unwrap_or(1),
            kms_requests_per_second: kms_rate.unwrap_or(1),
            rotation_policy: RotationPolicy {
                rotate_after_days: rotate_after.unwrap_or(u32::MAX),
                warn_before_days: warn_before.unwrap_or(0),
                new_key_grace_days: new_key_grace.unwrap_or(0),
                unused_after_days: unused_after.unwrap_or(1),
            },
        }
        .normalized();
        let unparsed: Vec<SettingsField> = [
            (SettingsField::RotateAfterDays, rotate_after.is_none()),
            (SettingsField::WarnBeforeDays, warn_before.is_none()),
            (SettingsField::NewKeyGraceDays, new_key_grace.is_none()),
            (SettingsField::UnusedAfterDays, unused_after.is_none()),
            (SettingsField::Concurrency, concurrency.is_none()),
            (SettingsField::KmsRequestsPerSecond, kms_rate.is_none()),
        ]
        .into_iter()
        .filter_map(|(field, failed)| failed.then_some(field))
        .collect();
        let refused = validate(&settings);
        let errors: Vec<(SettingsField, FieldError)> = SettingsField::ALL
            .into_iter()
            .filter_map(|field| {
                if unparsed.contains(&field) {
                    return Some((field, FieldError::NotAWholeNumber));
                }
                refused.iter().find(|(f, _)| *f == field).cloned()
            })
            .collect();
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    fn slot(&self, field: SettingsField) -> &String {
        match field {
            SettingsField::ProxyUrl => &self.proxy_url,
            SettingsField::Region => &self.region,
            SettingsField::IamEndpoint => &self.iam_endpoint,
            SettingsField::KmsEndpoint => &self.kms_endpoint,
            SettingsField::AccountName => &self.account_name,
            SettingsField::RotateAfterDays => &self.rotate_after_days,
            SettingsField::WarnBeforeDays => &self.warn_before_days,
            SettingsField::NewKeyGraceDays => &self.new_key_grace_days,
            SettingsField::UnusedAfterDays => &self.unused_after_days,
            SettingsField::Concurrency => &self.concurrency,
            SettingsField::KmsRequestsPerSecond => &self.kms_requests_per_second,
        }
    }

    fn slot_mut(&mut self, field: SettingsField) -> &mut String {
        match field {
            SettingsField::ProxyUrl => &mut self.proxy_url,
            SettingsField::Region => &mut self.region,
            SettingsField::IamEndpoint => &mut self.iam_endpoint,
            SettingsField::KmsEndpoint => &mut self.kms_endpoint,
            SettingsField::AccountName => &mut self.account_name,
            SettingsField::RotateAfterDays => &mut self.rotate_after_days,
            SettingsField::WarnBeforeDays => &mut self.warn_before_days,
            SettingsField::NewKeyGraceDays => &mut self.new_key_grace_days,
            SettingsField::UnusedAfterDays => &mut self.unused_after_days,
            SettingsField::Concurrency => &mut self.concurrency,
            SettingsField::KmsRequestsPerSecond => &mut self.kms_requests_per_second,
        }
    }
}

fn whole_number(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Only digits: parsing fails on overflow alone, and a huge number is out of range.
    Some(text.parse().unwrap_or(u32::MAX))
}
