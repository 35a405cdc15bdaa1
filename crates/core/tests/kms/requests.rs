//! The KMS request builders and the region's project lookup: documented paths, byte-exact
//! bodies and idempotency.

use keyturn_core::ids::{KmsKeyId, ProjectId};
use keyturn_core::kms::{RotationInterval, Step};
use keyturn_core::request::{Idempotency, Method, iam, kms};
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest};
use keyturn_core::validate::ValidationError;

const KMS: &str = "https://kms.cn-north-4.myhuaweicloud.com";
const IAM: &str = "https://iam.myhuaweicloud.com";
const PROJECT: &str = "0a7c4bd1e78091a92f16c015d2f8d5bd";
const KEY: &str = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";

fn project() -> ProjectId {
    ProjectId::parse(PROJECT).unwrap()
}

fn key() -> KmsKeyId {
    KmsKeyId::parse(KEY).unwrap()
}

fn days(days: u32) -> RotationInterval {
    RotationInterval::new(days).unwrap()
}

#[test]
fn every_kms_call_is_a_post_with_an_exact_body() {
    let key_body = format!(r#"{{"key_id":"{KEY}"}}"#);
    let cases = [
        (
            kms::list_keys(KMS, &project(), None, None),
            "list-keys",
            r#"{"key_spec":"ALL"}"#.to_owned(),
            Idempotency::Idempotent,
        ),
        (
            kms::list_keys(KMS, &project(), Some(100), Some("200")),
            "list-keys",
            r#"{"limit":"100","marker":"200","key_spec":"ALL"}"#.to_owned(),
            Idempotency::Idempotent,
        ),
        (
            kms::rotation_status(KMS, &project(), &key()),
            "get-key-rotation-status",
            key_body.clone(),
            Idempotency::Idempotent,
        ),
        (
            kms::enable_rotation(KMS, &project(), &key()),
            "enable-key-rotation",
            key_body.clone(),
            Idempotency::NotIdempotent,
        ),
        (
            kms::disable_rotation(KMS, &project(), &key()),
            "disable-key-rotation",
            key_body,
            Idempotency::NotIdempotent,
        ),
        (
            kms::set_rotation_interval(KMS, &project(), &key(), days(90)),
            "update-key-rotation-interval",
            format!(r#"{{"key_id":"{KEY}","rotation_interval":90}}"#),
            Idempotency::Idempotent,
        ),
    ];
    for (request, operation, body, idempotency) in cases {
        let request = request.unwrap();
        assert_eq!(request.method(), Method::Post, "{operation}");
        assert_eq!(request.base_url(), KMS);
        assert_eq!(request.path(), format!("/v1.0/{PROJECT}/kms/{operation}"));
        assert!(request.query_pairs().is_empty());
        assert_eq!(request.body(), Some(body.as_str()), "{operation}");
        assert_eq!(request.idempotency(), idempotency, "{operation}");
    }
}

#[test]
fn each_bulk_step_is_its_write() {
    for (step, operation) in [
        (Step::Enable, "enable-key-rotation"),
        (Step::SetInterval(days(30)), "update-key-rotation-interval"),
        (Step::Disable, "disable-key-rotation"),
    ] {
        let request = kms::rotation_step(KMS, &project(), &key(), step).unwrap();
        assert!(request.path().ends_with(operation), "{step:?}");
    }
    let set = kms::rotation_step(KMS, &project(), &key(), Step::SetInterval(days(365))).unwrap();
    assert_eq!(
        set.body(),
        Some(format!(r#"{{"key_id":"{KEY}","rotation_interval":365}}"#).as_str())
    );
}

#[test]
fn project_and_key_ids_are_checked_where_they_enter() {
    for bad in ["", "../v3/users", "a/b", "a b", "a?b", &"a".repeat(65)] {
        assert_eq!(
            ProjectId::parse(bad),
            Err(ValidationError::UserId),
            "{bad:?}"
        );
    }
    for good in [PROJECT, "cn-north-4_sub", "p"] {
        assert_eq!(ProjectId::parse(good).unwrap().as_str(), good);
    }
    assert_eq!(
        KmsKeyId::parse("0D0466B0-E727-4D9C-B35D-F84BB474A37F"),
        Err(ValidationError::KmsKeyId)
    );
    let from_json: KmsKeyId = serde_json::from_str(&format!("\"{KEY}\"")).unwrap();
    assert_eq!(from_json, key());
    assert!(serde_json::from_str::<ProjectId>("\"a/b\"").is_err());
}

#[test]
fn the_region_s_project_and_a_token_for_it() {
    let request = iam::projects(IAM, "cn-north-4");
    assert_eq!(request.method(), Method::Get);
    assert_eq!(request.path(), "/v3/projects");
    assert_eq!(
        request.query_pairs(),
        [("name".to_owned(), "cn-north-4".to_owned())]
    );
    assert_eq!(request.body(), None);
    assert_eq!(request.idempotency(), Idempotency::Idempotent);

    // A project-scoped token needs no new constructor: the scope names the region's project.
    let body = TokenRequest::password(
        "acme",
        "alice",
        "pw",
        Scope::project(ScopeRef::Name("cn-north-4".into())),
    );
    let token = iam::issue_token(IAM, &body).unwrap();
    assert!(
        token
            .body()
            .unwrap()
            .ends_with(r#""scope":{"project":{"name":"cn-north-4"}}}}"#)
    );
}
