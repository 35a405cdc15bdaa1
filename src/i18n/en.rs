//! English messages.

use std::borrow::Cow;

use super::Text;
use keyturn_core::settings::{ConfigError, FieldError, SettingsField};

/// `text` in English.
pub(super) fn text(text: &Text) -> Cow<'static, str> {
    match text {
        Text::SkipToContent => "Skip to content".into(),
        Text::Pages => "Pages".into(),
        Text::RowsPerPage => "Rows per page".into(),
        Text::FirstPage => "First page".into(),
        Text::PreviousPage => "Previous page".into(),
        Text::NextPage => "Next page".into(),
        Text::LastPage => "Last page".into(),
        Text::PageStatus {
            from,
            to,
            total,
            page,
            pages,
        } => format!("Rows {from}–{to} of {total}, page {page} of {pages}").into(),
        Text::MainNavigation => "Main".into(),
        Text::NavConnect => "Connect".into(),
        Text::NavCredentials => "Access keys".into(),
        Text::NavRotation => "Rotation".into(),
        Text::NavKms => "KMS keys".into(),
        Text::NavSettings => "Settings".into(),
        Text::Tagline => "Huawei Cloud access keys and KMS key rotation".into(),
        Text::LoadingConfig => "Loading configuration…".into(),
        Text::ConnectPlaceholder => "Sign in to your Huawei Cloud account here: with an access key \
             (AK/SK) whose requests are signed in this browser, with an IAM user name and password, \
             or with a token you paste. Secrets stay in memory only; a reload asks for them again."
            .into(),
        Text::PanicTitle => "Keyturn stopped after an unexpected error".into(),
        Text::PanicBody => "This page can no longer be used. Reload it to start again: you \
             will need to sign in again, as secrets were kept only in this page's memory. Changes \
             the cloud had already confirmed are kept; check them after reloading."
            .into(),
        Text::PanicReload => "Reload Keyturn".into(),
        Text::PanicDetails => "Technical details".into(),
        Text::NotFoundTitle => "Page not found".into(),
        Text::NotFoundBody => "There is no page at this address.".into(),
        Text::BackToStart => "Go to the start page".into(),
        Text::ConfigErrorTitle => "The configuration cannot be used".into(),
        Text::Config(error) => config_error(error),
        Text::ConfigErrorHelp => "Fix config.json next to index.html on the web server and \
             reload, or save settings for this browser on the settings page."
            .into(),
        Text::ConfigFailedUsingStored => {
            "config.json could not be used; the settings saved in this browser are in use.".into()
        }
        Text::OpenSettings => "Open settings".into(),
        Text::SettingsIntro => "These settings are not secret. They are kept in this browser \
             and start from the site's config.json. Passwords, secret keys and tokens are never \
             stored."
            .into(),
        Text::SettingsUsingBuiltInDefaults => "config.json could not be used, so the defaults \
             below are Keyturn's built-in ones."
            .into(),
        Text::SettingsStoredIgnored => "The settings stored in this browser were not valid and \
             were ignored."
            .into(),
        Text::FieldLabel(field) => field_label(*field).into(),
        Text::FieldHint(field) => field_hint(*field).into(),
        Text::Field(error) => field_error(error),
        Text::SettingsConnectionGroup => "Connection".into(),
        Text::SettingsPolicyGroup => "Rotation policy and performance".into(),
        Text::ResolvedEndpoints => "Endpoints in use".into(),
        Text::ResolvedIam(url) => format!("IAM: {url}").into(),
        Text::ResolvedKms(url) => format!("KMS: {url}").into(),
        Text::ResolvedKmsNone => "KMS: this region has no KMS endpoint; set an override.".into(),
        Text::SaveSettings => "Save settings".into(),
        Text::ResetToDefaults => "Reset to defaults".into(),
        Text::SettingsSaved => "Settings saved.".into(),
        Text::SettingsResetDone => "Settings reset to defaults.".into(),
        Text::SettingsNotSaved => "Settings not saved: correct the marked fields.".into(),
        Text::StorageFailed(detail) => {
            format!("This browser refused to store the settings: {detail}").into()
        }
        Text::Connect(text) => super::connect::en(text),
        Text::Keys(keys) => super::keys::en(keys),
        Text::Kms(kms) => super::kms::en(kms),
        Text::Rotation(text) => super::rotation::en(text),
    }
}

fn field_label(field: SettingsField) -> &'static str {
    match field {
        SettingsField::ProxyUrl => "Proxy URL",
        SettingsField::Region => "Region",
        SettingsField::IamEndpoint => "IAM endpoint override",
        SettingsField::KmsEndpoint => "KMS endpoint override",
        SettingsField::AccountName => "Account name",
        SettingsField::RotateAfterDays => "Rotate after (days)",
        SettingsField::WarnBeforeDays => "Warn before (days)",
        SettingsField::NewKeyGraceDays => "New key grace (days)",
        SettingsField::UnusedAfterDays => "Unused after (days)",
        SettingsField::Concurrency => "Concurrency",
        SettingsField::KmsRequestsPerSecond => "KMS requests per second",
    }
}

fn field_hint(field: SettingsField) -> &'static str {
    match field {
        SettingsField::ProxyUrl => {
            "Every request goes to {proxy URL}/{Huawei Cloud URL}, e.g. http://127.0.0.1:8787."
        }
        SettingsField::Region => "The region whose IAM and KMS endpoints are used.",
        SettingsField::IamEndpoint => {
            "Optional: replaces the region's IAM endpoint, e.g. for a local emulator."
        }
        SettingsField::KmsEndpoint => {
            "Optional: replaces the region's KMS endpoint, e.g. for a local emulator."
        }
        SettingsField::AccountName => {
            "Optional: the account (domain) name offered for password sign-in."
        }
        SettingsField::RotateAfterDays => "An access key older than this is overdue.",
        SettingsField::WarnBeforeDays => {
            "A key is marked due soon this many days before it is overdue."
        }
        SettingsField::NewKeyGraceDays => {
            "A key younger than this is never flagged as never used or unused."
        }
        SettingsField::UnusedAfterDays => "A key not used for this many days is flagged as unused.",
        SettingsField::Concurrency => "How many requests may run at the same time.",
        SettingsField::KmsRequestsPerSecond => {
            "KMS calls a second, at most 20 (the rate KMS allows). Status reads and bulk changes are spaced to stay under it."
        }
    }
}

fn field_error(error: &FieldError) -> Cow<'static, str> {
    match error {
        FieldError::Required => "Enter a value.".into(),
        FieldError::UrlNotAbsolute => "Enter a full URL, e.g. https://example.com.".into(),
        FieldError::UrlScheme => "The URL must start with http:// or https://.".into(),
        FieldError::ProxyNotHttps => "The proxy URL must start with https://: passwords, \
             tokens and secret keys pass through the proxy. Plain http:// is accepted only for \
             a proxy on this computer (127.0.0.1 or localhost)."
            .into(),
        FieldError::UrlHasCredentials => "The URL must not contain a user name or password.".into(),
        FieldError::UrlHasQueryOrFragment => "The URL must not contain ? or #.".into(),
        FieldError::UnknownRegion => "Choose a region from the list.".into(),
        FieldError::NotAWholeNumber => "Enter a whole number.".into(),
        FieldError::OutOfRange { min, max } => {
            format!("Enter a number from {min} to {max}.").into()
        }
        FieldError::WarnNotBeforeRotate => {
            "The warning period must be shorter than the rotation age.".into()
        }
    }
}

fn config_error(error: &ConfigError) -> Cow<'static, str> {
    match error {
        ConfigError::Unreachable(detail) => {
            format!("config.json could not be fetched: {detail}").into()
        }
        ConfigError::NotFound => "config.json was not found on the web server.".into(),
        ConfigError::Status(status) => {
            format!("The web server answered HTTP {status} for config.json.").into()
        }
        ConfigError::NotJson(detail) => {
            format!("config.json is not a valid JSON object: {detail}").into()
        }
        ConfigError::WrongField { field, detail } => {
            format!("config.json, field \"{field}\": {detail}").into()
        }
        ConfigError::InvalidField { field, error } => format!(
            "config.json, field \"{}\": {}",
            field.config_path(),
            field_error(error)
        )
        .into(),
    }
}
