//! The failure classification table: every way a connection fails, explained.

use keyturn::api::diagnosis::{CLOCK_SKEW_CODE, Circumstances, Diagnosis, diagnose};
use keyturn::api::fetch_error::CANCELLED;
use keyturn::api::identify::SignInFailure;
use keyturn::api::sign_in::SignInMethod;
use keyturn_core::error::{ApiError, Error};
use keyturn_core::validate::ValidationError;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROXY: &str = "http://127.0.0.1:8787";
const ORIGIN: &str = "http://127.0.0.1:8080";

fn circumstances(method: SignInMethod, proxy_answers: Option<bool>) -> Circumstances<'static> {
    Circumstances {
        method,
        proxy_url: PROXY,
        page_origin: ORIGIN,
        proxy_answers,
        clock_offset_ms: 1_234_000,
    }
}

fn api(status: u16, body: &str) -> SignInFailure {
    SignInFailure::Call(Error::Api(ApiError::from_response(
        status,
        body,
        Some("rid"),
    )))
}

fn no_answer() -> SignInFailure {
    SignInFailure::Call(Error::Network(
        "proxy unreachable or refused by CORS (Failed to fetch)".into(),
    ))
}

const SIGNATURE: &str = r#"{"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","error_code":"APIGW.0301","request_id":"r"}"#;
const EXPIRED: &str = r#"{"error_msg":"Incorrect app authentication information: the X-Sdk-Date of the request is more than 15 minutes away from the server time","error_code":"APIGW.0303","request_id":"r"}"#;
const DATE_IN_0301: &str = r#"{"error_msg":"Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes away from the server time","error_code":"APIGW.0301"}"#;
const WRONG_PASSWORD: &str = r#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#;
const LOGIN_PROTECTION: &str = r#"{"error":{"code":401,"message":"The user has login protection: add the \"totp\" method with an MFA passcode.","title":"Unauthorized"}}"#;
const WRONG_PASSCODE: &str =
    r#"{"error":{"code":401,"message":"The MFA passcode is wrong.","title":"Unauthorized"}}"#;
const TOKEN_EXPIRED: &str = r#"{"error":{"code":401,"message":"The request you have made requires authentication: the token has expired.","title":"Unauthorized"}}"#;
const PROJECT_TOKEN: &str = r#"{"error":{"code":403,"message":"IAM is a global service: use a domain-scoped token.","title":"Forbidden"}}"#;

#[wasm_bindgen_test]
fn every_failure_has_its_explanation() {
    use SignInMethod::{AkSk, Password, Token};
    let table: Vec<(SignInFailure, Circumstances, Diagnosis)> = vec![
        (
            no_answer(),
            circumstances(AkSk, Some(false)),
            Diagnosis::ProxyUnreachable {
                proxy: PROXY.into(),
            },
        ),
        (
            no_answer(),
            circumstances(Token, None),
            Diagnosis::ProxyUnreachable {
                proxy: PROXY.into(),
            },
        ),
        (
            no_answer(),
            circumstances(Password, Some(true)),
            Diagnosis::CorsRefused {
                proxy: PROXY.into(),
                origin: ORIGIN.into(),
            },
        ),
        (
            api(
                403,
                r#"{"error":{"code":"proxy.host_not_allowed","message":"upstream not allowed"}}"#,
            ),
            circumstances(AkSk, None),
            Diagnosis::ProxyRefused {
                code: "proxy.host_not_allowed".into(),
            },
        ),
        (
            api(
                502,
                r#"{"error":{"code":"proxy.upstream_unreachable","message":"connection refused"}}"#,
            ),
            circumstances(AkSk, None),
            Diagnosis::UpstreamUnreachable,
        ),
        (
            api(
                504,
                r#"{"error":{"code":"proxy.upstream_timeout","message":"timeout"}}"#,
            ),
            circumstances(Token, None),
            Diagnosis::UpstreamUnreachable,
        ),
        (
            api(503, r#"{"error":{"code":"proxy.busy","message":"busy"}}"#),
            circumstances(AkSk, None),
            Diagnosis::Busy,
        ),
        (
            api(
                429,
                r#"{"error_code":"APIGW.0308","error_msg":"throttled"}"#,
            ),
            circumstances(AkSk, None),
            Diagnosis::Busy,
        ),
        (
            api(
                502,
                r#"{"error_code":"APIGW.0202","error_msg":"bad gateway"}"#,
            ),
            circumstances(AkSk, None),
            Diagnosis::UpstreamUnreachable,
        ),
        (
            api(401, SIGNATURE),
            circumstances(AkSk, None),
            Diagnosis::BadSignature,
        ),
        (
            api(401, EXPIRED),
            circumstances(AkSk, None),
            Diagnosis::ClockSkew {
                offset_ms: 1_234_000,
            },
        ),
        (
            api(401, DATE_IN_0301),
            circumstances(AkSk, None),
            Diagnosis::ClockSkew {
                offset_ms: 1_234_000,
            },
        ),
        (
            api(401, WRONG_PASSWORD),
            circumstances(Password, None),
            Diagnosis::WrongPassword,
        ),
        (
            api(401, LOGIN_PROTECTION),
            circumstances(Password, None),
            Diagnosis::MfaNeeded,
        ),
        (
            api(401, WRONG_PASSCODE),
            circumstances(Password, None),
            Diagnosis::MfaNeeded,
        ),
        (
            api(401, TOKEN_EXPIRED),
            circumstances(Token, None),
            Diagnosis::TokenRejected,
        ),
        (
            api(403, PROJECT_TOKEN),
            circumstances(Token, None),
            Diagnosis::Forbidden,
        ),
        (
            api(
                404,
                r#"{"error_code":"APIGW.0101","error_msg":"The API does not exist"}"#,
            ),
            circumstances(AkSk, None),
            Diagnosis::NotIam,
        ),
        (
            SignInFailure::Call(Error::Decode("missing field `domains`".into())),
            circumstances(AkSk, None),
            Diagnosis::UnreadableAnswer,
        ),
        (
            SignInFailure::AccountMismatch {
                given: "other".into(),
                actual: "mine".into(),
            },
            circumstances(AkSk, None),
            Diagnosis::AccountMismatch {
                given: "other".into(),
                actual: "mine".into(),
            },
        ),
        (
            SignInFailure::NoAccount,
            circumstances(Token, None),
            Diagnosis::NoAccount,
        ),
        (
            api(500, "oops"),
            circumstances(AkSk, None),
            Diagnosis::Other,
        ),
        (
            SignInFailure::Call(Error::Invalid(ValidationError::AccessKeyId)),
            circumstances(AkSk, None),
            Diagnosis::Other,
        ),
        (
            SignInFailure::Call(Error::Network(CANCELLED.into())),
            circumstances(AkSk, Some(true)),
            Diagnosis::Other,
        ),
    ];
    for (failure, circumstances, expected) in table {
        assert_eq!(diagnose(&failure, &circumstances), expected, "{failure:?}");
    }
}

#[wasm_bindgen_test]
fn the_same_401_means_something_else_for_each_way_in() {
    let failure = api(401, WRONG_PASSWORD);
    assert_eq!(
        diagnose(&failure, &circumstances(SignInMethod::AkSk, None)),
        Diagnosis::BadSignature
    );
    assert_eq!(
        diagnose(&failure, &circumstances(SignInMethod::Password, None)),
        Diagnosis::WrongPassword
    );
    assert_eq!(
        diagnose(&failure, &circumstances(SignInMethod::Token, None)),
        Diagnosis::TokenRejected
    );
}

#[wasm_bindgen_test]
fn only_an_access_key_can_be_off_the_clock() {
    assert!(EXPIRED.contains(CLOCK_SKEW_CODE));
    let failure = api(401, EXPIRED);
    assert_eq!(
        diagnose(&failure, &circumstances(SignInMethod::Token, None)),
        Diagnosis::TokenRejected,
        "a token carries no signing date"
    );
}
