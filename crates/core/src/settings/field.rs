//! The fields of the settings form and why a value can be refused.

/// One non-secret setting, as shown on the settings page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SettingsField {
    /// URL of the CORS proxy.
    ProxyUrl,
    /// Huawei Cloud region id.
    Region,
    /// Optional IAM endpoint replacing the region's.
    IamEndpoint,
    /// Optional KMS endpoint replacing the region's.
    KmsEndpoint,
    /// Optional account (domain) name.
    AccountName,
    /// Rotation policy: age at which a key is due.
    RotateAfterDays,
    /// Rotation policy: how many days before that a key is flagged.
    WarnBeforeDays,
    /// Rotation policy: age under which a key is never flagged as unused.
    NewKeyGraceDays,
    /// Rotation policy: days without use after which a key is flagged as unused.
    UnusedAfterDays,
    /// Maximum number of requests in flight.
    Concurrency,
    /// Most KMS calls a second.
    KmsRequestsPerSecond,
}

impl SettingsField {
    /// Every field, in form order.
    pub const ALL: [SettingsField; 11] = [
        SettingsField::ProxyUrl,
        SettingsField::Region,
        SettingsField::IamEndpoint,
        SettingsField::KmsEndpoint,
        SettingsField::AccountName,
        SettingsField::RotateAfterDays,
        SettingsField::WarnBeforeDays,
        SettingsField::NewKeyGraceDays,
        SettingsField::UnusedAfterDays,
        SettingsField::Concurrency,
        SettingsField::KmsRequestsPerSecond,
    ];

    /// The field's path in config.json and in the stored settings.
    pub fn config_path(self) -> &'static str {
        match self {
            SettingsField::ProxyUrl => "proxy_url",
            SettingsField::Region => "region",
            SettingsField::IamEndpoint => "iam_endpoint",
            SettingsField::KmsEndpoint => "kms_endpoint",
            SettingsField::AccountName => "account_name",
            SettingsField::RotateAfterDays => "rotation_policy.rotate_after_days",
            SettingsField::WarnBeforeDays => "rotation_policy.warn_before_days",
            SettingsField::NewKeyGraceDays => "rotation_policy.new_key_grace_days",
            SettingsField::UnusedAfterDays => "rotation_policy.unused_after_days",
            SettingsField::Concurrency => "concurrency",
            SettingsField::KmsRequestsPerSecond => "kms_requests_per_second",
        }
    }

    /// The `id` of the field's control on the settings page.
    pub fn input_id(self) -> &'static str {
        match self {
            SettingsField::ProxyUrl => "settings-proxy-url",
            SettingsField::Region => "settings-region",
            SettingsField::IamEndpoint => "settings-iam-endpoint",
            SettingsField::KmsEndpoint => "settings-kms-endpoint",
            SettingsField::AccountName => "settings-account-name",
            SettingsField::RotateAfterDays => "settings-rotate-after-days",
            SettingsField::WarnBeforeDays => "settings-warn-before-days",
            SettingsField::NewKeyGraceDays => "settings-new-key-grace-days",
            SettingsField::UnusedAfterDays => "settings-unused-after-days",
            SettingsField::Concurrency => "settings-concurrency",
            SettingsField::KmsRequestsPerSecond => "settings-kms-requests-per-second",
        }
    }
}

/// Why a settings value is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// The field may not be empty.
    Required,
    /// Not an absolute URL.
    UrlNotAbsolute,
    /// The URL's scheme is neither http nor https.
    UrlScheme,
    /// The proxy URL is plain http to a host other than this computer: the secrets the proxy
    /// relays would cross the network unencrypted.
    ProxyNotHttps,
    /// The URL carries a user name or password.
    UrlHasCredentials,
    /// The URL carries a query or a fragment.
    UrlHasQueryOrFragment,
    /// The region is not in the official list.
    UnknownRegion,
    /// Not a whole number.
    NotAWholeNumber,
    /// A number outside `min..=max`.
    OutOfRange {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value.
        max: u32,
    },
    /// The warning period is not shorter than the rotation age.
    WarnNotBeforeRotate,
}
