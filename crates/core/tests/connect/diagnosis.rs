//! The failure classification table: every way a connection fails, explained.

use keyturn_core::connect::{CLOCK_SKEW_CODE, Diagnosis, SignInFailure, SignInMethod, diagnose};
use keyturn_core::error::Error;
use keyturn_core::signer::SignError;
use keyturn_core::validate::ValidationError;

use crate::fixture::{OFFSET_MS, ORIGIN, PROXY, api, circumstances, no_answer};

const SIGNATURE: &str = r#"{"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","error_code":"APIGW.0301","request_id":"r"}"#;
const EXPIRED: &str = r#"{"error_msg":"Incorrect app authentication information: the X-Sdk-Date of the request is more than 15 minutes away from the server time","error_code":"APIGW.0303","request_id":"r"}"#;
const DATE_IN_0301: &str = r#"{"error_msg":"Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes away from the server time","error_code":"APIGW.0301"}"#;
const WRONG_PASSWORD: &str = r#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#;
const LOGIN_PROTECTION: &str = r#"{"error":{"code":401,"message":"The user has login protection: add the \"totp\" method with an MFA passcode.","title":"Unauthorized"}}"#;
const WRONG_PASSCODE: &str =
    r#"{"error":{"code":401,"message":"The MFA passcode is wrong.","title":"Unauthorized"}}"#;
const TOKEN_EXPIRED: &str = r#"{"error":{"code":401,"message":"The request you have made requires authentication: the token has expired.","title":"Unauthorized"}}"#;
const PROJECT_TOKEN: &str = r#"{"error":{"code":403,"message":"IAM is a global service: use a domain-scoped token.","title":"Forbidden"}}"#;

fn check(
    failure: SignInFailure,
    method: SignInMethod,
    proxy_answers: Option<bool>,
    expected: Diagnosis,
) {
    assert_eq!(
        diagnose(&failure, &circumstances(method, proxy_answers)),
        expected,
        "{failure:?} for {method:?}"
    );
}

#[test]
fn no_answer_is_an_unreachable_proxy_unless_the_proxy_answers_a_probe() {
    use SignInMethod::{AkSk, Password, Token};
    let unreachable = || Diagnosis::ProxyUnreachable {
        proxy: PROXY.into(),
    };
    check(no_answer(), AkSk, Some(false), unreachable());
    check(no_answer(), Token, None, unreachable());
    for method in SignInMethod::ALL {
        check(
            no_answer(),
            method,
            Some(true),
            Diagnosis::CorsRefused {
                proxy: PROXY.into(),
                origin: ORIGIN.into(),
            },
        );
    }
    check(no_answer(), Password, None, unreachable());
}

#[test]
fn the_proxys_own_answers_are_told_apart_from_the_services() {
    use SignInMethod::{AkSk, Token};
    check(
        api(
            403,
            r#"{"error":{"code":"proxy.host_not_allowed","message":"upstream not allowed"}}"#,
        ),
        AkSk,
        None,
        Diagnosis::ProxyRefused {
            code: "proxy.host_not_allowed".into(),
        },
    );
    check(
        api(
            401,
            r#"{"error":{"code":"proxy.origin_not_allowed","message":"origin"}}"#,
        ),
        AkSk,
        None,
        Diagnosis::ProxyRefused {
            code: "proxy.origin_not_allowed".into(),
        },
    );
    check(
        api(
            404,
            r#"{"error":{"code":"proxy.not_found","message":"no such route"}}"#,
        ),
        Token,
        None,
        Diagnosis::ProxyRefused {
            code: "proxy.not_found".into(),
        },
    );
    check(
        api(
            502,
            r#"{"error":{"code":"proxy.upstream_unreachable","message":"connection refused"}}"#,
        ),
        AkSk,
        None,
        Diagnosis::UpstreamUnreachable,
    );
    check(
        api(
            504,
            r#"{"error":{"code":"proxy.upstream_timeout","message":"timeout"}}"#,
        ),
        Token,
        None,
        Diagnosis::UpstreamUnreachable,
    );
    check(
        api(503, r#"{"error":{"code":"proxy.busy","message":"busy"}}"#),
        AkSk,
        None,
        Diagnosis::Busy,
    );
}

#[test]
fn gateway_statuses_mean_busy_or_unreachable_for_every_way_in() {
    for method in SignInMethod::ALL {
        check(
            api(
                429,
                r#"{"error_code":"APIGW.0308","error_msg":"throttled"}"#,
            ),
            method,
            None,
            Diagnosis::Busy,
        );
        check(
            api(503, "Service Unavailable"),
            method,
            None,
            Diagnosis::Busy,
        );
        check(
            api(
                502,
                r#"{"error_code":"APIGW.0202","error_msg":"bad gateway"}"#,
            ),
            method,
            None,
            Diagnosis::UpstreamUnreachable,
        );
        check(
            api(504, "Gateway Timeout"),
            method,
            None,
            Diagnosis::UpstreamUnreachable,
        );
        check(api(403, PROJECT_TOKEN), method, None, Diagnosis::Forbidden);
        check(
            api(
                404,
                r#"{"error_code":"APIGW.0101","error_msg":"The API does not exist"}"#,
            ),
            method,
            None,
            Diagnosis::NotIam,
        );
        check(api(500, "oops"), method, None, Diagnosis::Other);
        check(api(400, "{}"), method, None, Diagnosis::Other);
    }
}

#[test]
fn an_access_key_401_is_the_signature_or_the_clock() {
    use SignInMethod::AkSk;
    check(api(401, SIGNATURE), AkSk, None, Diagnosis::BadSignature);
    check(
        api(401, EXPIRED),
        AkSk,
        None,
        Diagnosis::ClockSkew {
            offset_ms: OFFSET_MS,
        },
    );
    check(
        api(401, DATE_IN_0301),
        AkSk,
        None,
        Diagnosis::ClockSkew {
            offset_ms: OFFSET_MS,
        },
    );
    assert!(EXPIRED.contains(CLOCK_SKEW_CODE));
    check(
        api(
            401,
            r#"{"error_code":"APIGW.0303","error_msg":"app authentication failed"}"#,
        ),
        AkSk,
        None,
        Diagnosis::ClockSkew {
            offset_ms: OFFSET_MS,
        },
    );
}

#[test]
fn a_password_401_is_the_password_or_a_missing_mfa_code() {
    use SignInMethod::Password;
    check(
        api(401, WRONG_PASSWORD),
        Password,
        None,
        Diagnosis::WrongPassword,
    );
    check(
        api(401, LOGIN_PROTECTION),
        Password,
        None,
        Diagnosis::MfaNeeded,
    );
    check(
        api(401, WRONG_PASSCODE),
        Password,
        None,
        Diagnosis::MfaNeeded,
    );
    check(
        api(
            401,
            r#"{"error":{"code":401,"message":"TOTP verification failed","title":"Unauthorized"}}"#,
        ),
        Password,
        None,
        Diagnosis::MfaNeeded,
    );
    check(
        api(
            401,
            r#"{"error":{"code":401,"message":"Login Protection is enabled","title":"Unauthorized"}}"#,
        ),
        Password,
        None,
        Diagnosis::MfaNeeded,
    );
}

#[test]
fn a_token_401_is_a_rejected_token() {
    check(
        api(401, TOKEN_EXPIRED),
        SignInMethod::Token,
        None,
        Diagnosis::TokenRejected,
    );
}

#[test]
fn the_same_401_means_something_else_for_each_way_in() {
    for (method, expected) in [
        (SignInMethod::AkSk, Diagnosis::BadSignature),
        (SignInMethod::Password, Diagnosis::WrongPassword),
        (SignInMethod::Token, Diagnosis::TokenRejected),
    ] {
        check(api(401, WRONG_PASSWORD), method, None, expected);
    }
}

#[test]
fn only_an_access_key_can_be_off_the_clock() {
    check(
        api(401, EXPIRED),
        SignInMethod::Token,
        None,
        Diagnosis::TokenRejected,
    );
    check(
        api(401, EXPIRED),
        SignInMethod::Password,
        None,
        Diagnosis::WrongPassword,
    );
}

#[test]
fn the_clock_offset_reported_is_the_one_in_force() {
    let mut circumstances = circumstances(SignInMethod::AkSk, None);
    circumstances.clock_offset_ms = -42;
    assert_eq!(
        diagnose(&api(401, EXPIRED), &circumstances),
        Diagnosis::ClockSkew { offset_ms: -42 }
    );
}

#[test]
fn account_failures_are_passed_through() {
    check(
        SignInFailure::AccountMismatch {
            given: "other".into(),
            actual: "mine".into(),
        },
        SignInMethod::AkSk,
        None,
        Diagnosis::AccountMismatch {
            given: "other".into(),
            actual: "mine".into(),
        },
    );
    check(
        SignInFailure::NoAccount,
        SignInMethod::Token,
        None,
        Diagnosis::NoAccount,
    );
}

#[test]
fn an_unreadable_answer_and_the_rest() {
    check(
        SignInFailure::Call(Error::Decode("missing field `domains`".into())),
        SignInMethod::AkSk,
        None,
        Diagnosis::UnreadableAnswer,
    );
    for error in [
        Error::Invalid(ValidationError::AccessKeyId),
        Error::Sign(SignError::EmptyKey),
        Error::Cancelled,
    ] {
        check(
            SignInFailure::Call(error),
            SignInMethod::AkSk,
            Some(true),
            Diagnosis::Other,
        );
    }
}

#[test]
fn every_diagnosis_is_reachable() {
    use SignInMethod::{AkSk, Password, Token};
    let reached: Vec<Diagnosis> = [
        (no_answer(), AkSk, Some(false)),
        (no_answer(), AkSk, Some(true)),
        (
            api(
                403,
                r#"{"error":{"code":"proxy.host_not_allowed","message":"no"}}"#,
            ),
            AkSk,
            None,
        ),
        (api(502, "bad gateway"), AkSk, None),
        (api(429, "slow down"), AkSk, None),
        (api(401, SIGNATURE), AkSk, None),
        (api(401, EXPIRED), AkSk, None),
        (
            SignInFailure::AccountMismatch {
                given: "a".into(),
                actual: "b".into(),
            },
            AkSk,
            None,
        ),
        (SignInFailure::NoAccount, AkSk, None),
        (api(401, WRONG_PASSWORD), Password, None),
        (api(401, LOGIN_PROTECTION), Password, None),
        (api(401, TOKEN_EXPIRED), Token, None),
        (api(403, PROJECT_TOKEN), Token, None),
        (api(404, "not found"), AkSk, None),
        (SignInFailure::Call(Error::Decode("x".into())), AkSk, None),
        (api(500, "oops"), AkSk, None),
    ]
    .into_iter()
    .map(|(failure, method, answers)| diagnose(&failure, &circumstances(method, answers)))
    .collect();
    let kinds: Vec<&str> = reached.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "ProxyUnreachable",
            "CorsRefused",
            "ProxyRefused",
            "UpstreamUnreachable",
            "Busy",
            "BadSignature",
            "ClockSkew",
            "AccountMismatch",
            "NoAccount",
            "WrongPassword",
            "MfaNeeded",
            "TokenRejected",
            "Forbidden",
            "NotIam",
            "UnreadableAnswer",
            "Other",
        ]
    );
}

/// The variant's name; the match is exhaustive so a new variant needs a case above.
fn kind(diagnosis: &Diagnosis) -> &'static str {
    match diagnosis {
        Diagnosis::ProxyUnreachable { .. } => "ProxyUnreachable",
        Diagnosis::CorsRefused { .. } => "CorsRefused",
        Diagnosis::ProxyRefused { .. } => "ProxyRefused",
        Diagnosis::UpstreamUnreachable => "UpstreamUnreachable",
        Diagnosis::Busy => "Busy",
        Diagnosis::BadSignature => "BadSignature",
        Diagnosis::ClockSkew { .. } => "ClockSkew",
        Diagnosis::AccountMismatch { .. } => "AccountMismatch",
        Diagnosis::NoAccount => "NoAccount",
        Diagnosis::WrongPassword => "WrongPassword",
        Diagnosis::MfaNeeded => "MfaNeeded",
        Diagnosis::TokenRejected => "TokenRejected",
        Diagnosis::Forbidden => "Forbidden",
        Diagnosis::NotIam => "NotIam",
        Diagnosis::UnreadableAnswer => "UnreadableAnswer",
        Diagnosis::Other => "Other",
    }
}
