//! Secret keys, tokens, passwords and created secrets never show in `Debug` output.

use keyturn_core::request::{ApiRequest, ApiResponse, Auth, Idempotency, Method, prepare};
use keyturn_core::session::Session;
use serde_json::json;

use crate::fixture::{AK, PROXY, SK, TOKEN, aksk, now};

const PASSWORD: &str = "hunter2-password";
const CREATED_SECRET: &str = "new-secret-key-value";

fn assert_hidden(outputs: &[String]) {
    for output in outputs {
        for secret in [SK, TOKEN, PASSWORD, CREATED_SECRET] {
            assert!(!output.contains(secret), "{secret} leaked in {output}");
        }
    }
}

#[test]
fn requests_answers_and_credentials_hide_their_secrets() {
    let password_body =
        json!({"auth": {"identity": {"password": {"user": {"password": PASSWORD}}}}});
    let request = ApiRequest::new(
        Method::Post,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/tokens",
        Idempotency::NotIdempotent,
    )
    .json(&password_body)
    .unwrap();
    let signed = prepare(&request, &aksk(Some("d"), None), PROXY, now()).unwrap();
    let with_token = prepare(&request, &Auth::Token(TOKEN.into()), PROXY, now()).unwrap();
    let response = ApiResponse {
        status: 201,
        headers: vec![
            ("X-Subject-Token".into(), TOKEN.into()),
            ("x-request-id".into(), "rid-1".into()),
        ],
        body: format!(r#"{{"credential":{{"access":"AK","secret":"{CREATED_SECRET}"}}}}"#),
    };
    let outputs = [
        format!("{:?}", aksk(Some("d"), Some("p"))),
        format!("{:#?}", Auth::Token(TOKEN.into())),
        format!("{request:?}"),
        format!("{signed:?}"),
        format!("{with_token:#?}"),
        format!("{response:?}"),
    ];
    assert_hidden(&outputs);
    assert!(
        outputs[0].contains(AK),
        "the AK is not secret: {}",
        outputs[0]
    );
    assert!(outputs[1].contains("<redacted>"), "{}", outputs[1]);
    assert!(outputs[3].contains("authorization"), "{}", outputs[3]);
    assert!(outputs[5].contains("rid-1"), "{}", outputs[5]);
    assert_eq!(format!("{:?}", Auth::None), "None");
}

#[test]
fn a_session_hides_its_credentials_but_names_who_is_signed_in() {
    for auth in [aksk(Some("dom1"), None), Auth::Token(TOKEN.into())] {
        let session = Session {
            auth,
            iam_endpoint: "http://127.0.0.1:8780".into(),
            domain_id: "dom1".into(),
            domain_name: Some("keyturn-demo".into()),
            user_id: "u1".into(),
            user_name: "alice".into(),
            project_tokens: Vec::new(),
        };
        let shown = format!("{session:?} {session:#?}");
        assert_hidden(std::slice::from_ref(&shown));
        assert!(
            shown.contains("alice") && shown.contains("keyturn-demo"),
            "{shown}"
        );
    }
}

#[test]
fn an_account_is_shown_by_name_else_by_id() {
    let mut session = Session {
        auth: Auth::None,
        iam_endpoint: "https://iam.myhuaweicloud.com".into(),
        domain_id: "dom1".into(),
        domain_name: Some("keyturn-demo".into()),
        user_id: String::new(),
        user_name: String::new(),
        project_tokens: Vec::new(),
    };
    assert_eq!(session.account_label(), "keyturn-demo");
    session.domain_name = None;
    assert_eq!(session.account_label(), "dom1");
}
