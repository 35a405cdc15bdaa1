//! Whether a failed write's answer says what happened: every kind of failure.

use keyturn_core::error::{ApiError, Error};
use keyturn_core::rotation::is_unclear;
use keyturn_core::signer::SignError;
use keyturn_core::validate::ValidationError;

fn api(status: u16) -> Error {
    Error::Api(ApiError {
        status,
        code: status.to_string(),
        message: "answer".into(),
        request_id: Some("req-1".into()),
    })
}

/// One failure of every kind; the match fails to compile when a kind is added, so that this
/// test is brought up to date.
fn every_kind() -> Vec<(Error, bool)> {
    let all = vec![
        (api(500), true),
        (Error::Network("proxy unreachable".into()), true),
        (Error::Cancelled, true),
        (Error::NoProjectToken("cn-north-4".into()), false),
        (Error::NoProject("cn-north-4".into()), false),
        (Error::Decode("expected a credential".into()), true),
        (Error::Invalid(ValidationError::AccessKeyId), false),
        (Error::Sign(SignError::EmptyKey), false),
    ];
    for (error, _) in &all {
        match error {
            Error::Api(_)
            | Error::Network(_)
            | Error::Cancelled
            | Error::NoProjectToken(_)
            | Error::NoProject(_)
            | Error::Decode(_)
            | Error::Invalid(_)
            | Error::Sign(_) => {}
        }
    }
    all
}

#[test]
fn each_kind_of_failure() {
    for (error, unclear) in every_kind() {
        assert_eq!(is_unclear(&error), unclear, "{error:?}");
    }
}

#[test]
fn a_client_error_is_clear() {
    for status in [400, 401, 403, 404, 409, 429, 499] {
        assert!(!is_unclear(&api(status)), "{status}");
    }
    let quota = ApiError::from_response(
        400,
        r#"{"error": {"message": "akSkNumExceed", "code": 400, "title": "Bad Request"}}"#,
        Some("req-2"),
    );
    assert!(quota.is_access_key_quota_exceeded());
    assert!(!is_unclear(&Error::Api(quota)));
}

#[test]
fn a_server_or_gateway_error_is_unclear() {
    for status in [500, 502, 503, 504, 599] {
        assert!(is_unclear(&api(status)), "{status}");
    }
}

#[test]
fn no_answer_is_unclear() {
    assert!(is_unclear(&Error::Network("timed out".into())));
    assert!(
        is_unclear(&Error::Cancelled),
        "the page went away mid-write"
    );
    assert!(
        is_unclear(&Error::Decode("missing field secret".into())),
        "an answer that could not be read may still be a success"
    );
}

#[test]
fn a_failure_before_sending_is_clear() {
    assert!(!is_unclear(&Error::Invalid(ValidationError::UserId)));
    assert!(!is_unclear(&Error::Sign(SignError::MissingHeader(
        "host".into()
    ))));
    assert!(!is_unclear(&Error::NoProjectToken("eu-west-0".into())));
    assert!(!is_unclear(&Error::NoProject("eu-west-0".into())));
}
