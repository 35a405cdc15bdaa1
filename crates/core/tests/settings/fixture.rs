//! Settings that differ from the defaults in every field but one.

use keyturn_core::policy::RotationPolicy;
use keyturn_core::settings::Settings;

/// Valid settings with every field but `kms_endpoint` away from its default.
pub fn sample() -> Settings {
    Settings {
        proxy_url: "https://proxy.example.com/cors".into(),
        region: "ap-southeast-1".into(),
        iam_endpoint: Some("http://127.0.0.1:8780".into()),
        kms_endpoint: None,
        account_name: Some("acme".into()),
        concurrency: 5,
        kms_requests_per_second: 8,
        rotation_policy: RotationPolicy {
            rotate_after_days: 60,
            warn_before_days: 10,
            new_key_grace_days: 3,
            unused_after_days: 45,
        },
    }
}
