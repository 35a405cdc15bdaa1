//! Every IAM and KMS endpoint of every region the app knows is allowed by default, over https
//! only, and nothing else under the same domains is.

use keyturn_core::endpoints::{global_iam_endpoint, regions};
use keyturn_proxy::upstream::{Allowlist, Target, TargetError};

fn check(url: &str) -> Result<(), TargetError> {
    Allowlist::default().check(&Target::parse(url)?)
}

#[test]
fn every_known_endpoint_is_allowed_over_https_only() {
    let endpoints: Vec<String> = regions()
        .iter()
        .flat_map(|region| [region.iam.clone(), region.kms.clone()])
        .flatten()
        .chain([global_iam_endpoint().to_owned()])
        .collect();
    assert!(endpoints.len() > 50, "region table looks empty");

    for endpoint in endpoints {
        assert_eq!(
            check(&format!("{endpoint}/v3/auth/tokens")),
            Ok(()),
            "{endpoint}"
        );
        let plain = endpoint.replacen("https://", "http://", 1);
        assert_eq!(
            check(&format!("{plain}/v3/auth/tokens")),
            Err(TargetError::HttpsRequired),
            "{plain}"
        );
    }
}

#[test]
fn other_services_and_lookalikes_in_the_same_domains_are_refused() {
    for region in regions() {
        let id = &region.id;
        for url in [
            format!("https://obs.{id}.myhuaweicloud.com/"),
            format!("https://sts.{id}.myhuaweicloud.com/"),
            format!("https://iam.{id}.myhuaweicloud.com.evil.example/"),
            format!("https://evil.iam.{id}.myhuaweicloud.com/"),
        ] {
            assert_eq!(check(&url), Err(TargetError::HostNotAllowed), "{url}");
        }
    }
}
