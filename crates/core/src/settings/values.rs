//! The non-secret settings and their built-in defaults.

use serde::{Deserialize, Serialize};

use crate::policy::RotationPolicy;

/// Proxy URL used when config.json names none.
pub const DEFAULT_PROXY_URL: &str = "http://127.0.0.1:8787";
/// Region used when config.json names none.
pub const DEFAULT_REGION: &str = "cn-north-4";
/// Requests in flight used when config.json names none: browsers open at most 6 HTTP/1.1
/// connections to one host, so through an HTTP/1.1 proxy (keyturn-proxy) a 7th request would
/// only wait for one of them. Raise it for a proxy that speaks HTTP/2.
pub const DEFAULT_CONCURRENCY: u32 = 6;
/// KMS calls a second used when config.json names none: below KMS's limit
/// ([`KMS_REQUESTS_PER_SECOND`](crate::kms::KMS_REQUESTS_PER_SECOND)) because requests travel
/// with varying delays, so calls sent evenly spaced can still reach KMS bunched up.
pub const DEFAULT_KMS_REQUESTS_PER_SECOND: u32 = 15;

/// Everything Keyturn remembers about where and how to call Huawei Cloud. Nothing here is
/// secret: this is what config.json holds and what localStorage keeps.
///
/// The serde form is the config.json schema: every field is optional there and falls back to
/// [`Settings::default`]; unknown fields are refused so a typo is reported, not ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// CORS proxy; requests go to `{proxy_url}/{upstream URL}`.
    pub proxy_url: String,
    /// Region id from the official list.
    pub region: String,
    /// IAM endpoint replacing the region's, e.g. a local emulator.
    pub iam_endpoint: Option<String>,
    /// KMS endpoint replacing the region's.
    pub kms_endpoint: Option<String>,
    /// Account (domain) name offered for password sign-in.
    pub account_name: Option<String>,
    /// Maximum number of requests in flight.
    pub concurrency: u32,
    /// Most KMS calls a second (status reads, bulk changes); KMS's limit is 20.
    pub kms_requests_per_second: u32,
    /// When access keys are due for rotation.
    pub rotation_policy: RotationPolicy,
}

impl Settings {
    /// The same settings with text trimmed and blank optional fields unset, so `""` in
    /// config.json means "none" like `null` does.
    pub fn normalized(self) -> Self {
        let optional = |text: Option<String>| {
            text.map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty())
        };
        Self {
            proxy_url: self.proxy_url.trim().to_owned(),
            region: self.region.trim().to_owned(),
            iam_endpoint: optional(self.iam_endpoint),
            kms_endpoint: optional(self.kms_endpoint),
            account_name: optional(self.account_name),
            ..self
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            proxy_url: DEFAULT_PROXY_URL.to_owned(),
            region: DEFAULT_REGION.to_owned(),
            iam_endpoint: None,
            kms_endpoint: None,
            account_name: None,
            concurrency: DEFAULT_CONCURRENCY,
            kms_requests_per_second: DEFAULT_KMS_REQUESTS_PER_SECOND,
            rotation_policy: RotationPolicy::default(),
        }
    }
}
