//! IAM request shapes as they leave the browser, the client's and session's Debug output.

use chrono::{DateTime, Utc};
use gloo_net::http::Method;
use keyturn::api::iam_requests::{self, CREDENTIALS_PATH};
use keyturn::api::{
    Auth, CONTENT_TYPE, ClockOffset, IamClient, Idempotency, PreparedRequest, Transport, prepare,
};
use keyturn::state::Session;
use keyturn_core::error::Error;
use keyturn_core::signer;
use keyturn_core::types::credential::KeyStatus;
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest};
use keyturn_core::validate::ValidationError;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROXY: &str = "http://127.0.0.1:8787";
const IAM: &str = "http://127.0.0.1:8780";
const AK: &str = "ALICEDEMOACCESSKEY01";
const SK: &str = "AliceDemoSecretKey0000000000000000000001";
const TOKEN: &str = "MIIEtoken-that-must-not-leak";
const PASSWORD: &str = "Keyturn-Demo-1";

fn now() -> DateTime<Utc> {
    signer::parse_sdk_date("20250301T120000Z").unwrap()
}

fn aksk() -> Auth {
    Auth::AkSk {
        ak: AK.into(),
        sk: SK.into(),
        domain_id: Some("dom1".into()),
        project_id: None,
    }
}

fn prepared(request: &keyturn::api::ApiRequest) -> PreparedRequest {
    prepare(request, &aksk(), PROXY, now()).unwrap()
}

fn body_of(prepared: &PreparedRequest) -> Value {
    serde_json::from_str(prepared.body.as_deref().unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn reads_are_idempotent_gets_on_the_documented_paths() {
    let cases = [
        (iam_requests::auth_domains(IAM), "/v3/auth/domains", ""),
        (iam_requests::list_users(IAM), "/v3/users", ""),
        (
            iam_requests::show_user(IAM, "u-1").unwrap(),
            "/v3.0/OS-USER/users/u-1",
            "",
        ),
        (
            iam_requests::list_keys(IAM, None).unwrap(),
            CREDENTIALS_PATH,
            "",
        ),
        (
            iam_requests::list_keys(IAM, Some("u_2")).unwrap(),
            CREDENTIALS_PATH,
            "user_id=u_2",
        ),
        (
            iam_requests::show_key(IAM, AK).unwrap(),
            "/v3.0/OS-CREDENTIAL/credentials/ALICEDEMOACCESSKEY01",
            "",
        ),
    ];
    for (request, path, query) in cases {
        assert_eq!(request.method(), &Method::GET, "{path}");
        assert_eq!(request.idempotency(), Idempotency::Idempotent, "{path}");
        assert_eq!(request.body(), None, "{path}");
        let sent = prepared(&request);
        assert_eq!(sent.path, path);
        assert_eq!(sent.query, query);
        let upstream = if query.is_empty() {
            format!("{IAM}{path}")
        } else {
            format!("{IAM}{path}?{query}")
        };
        assert_eq!(sent.url, format!("{PROXY}/{upstream}"));
        assert_eq!(sent.header("x-domain-id"), Some("dom1"));
        assert!(sent.header("authorization").is_some());
    }
}

#[wasm_bindgen_test]
fn create_posts_the_owner_and_description_once() {
    let request = iam_requests::create_key(IAM, "u1", "ci deploy").unwrap();
    assert_eq!(request.method(), &Method::POST);
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    let sent = prepared(&request);
    assert_eq!(sent.path, CREDENTIALS_PATH);
    assert_eq!(
        body_of(&sent),
        json!({"credential": {"user_id": "u1", "description": "ci deploy"}})
    );
    let without = prepared(&iam_requests::create_key(IAM, "u1", "").unwrap());
    assert_eq!(body_of(&without), json!({"credential": {"user_id": "u1"}}));
}

#[wasm_bindgen_test]
fn updates_put_one_field_to_the_key() {
    let status = iam_requests::set_key_status(IAM, AK, KeyStatus::Inactive).unwrap();
    assert_eq!(status.method(), &Method::PUT);
    assert_eq!(status.idempotency(), Idempotency::Idempotent);
    let sent = prepared(&status);
    assert_eq!(sent.path, format!("{CREDENTIALS_PATH}/{AK}"));
    assert_eq!(
        body_of(&sent),
        json!({"credential": {"status": "inactive"}})
    );

    let description = iam_requests::set_key_description(IAM, AK, "rotated").unwrap();
    assert_eq!(description.method(), &Method::PUT);
    assert_eq!(
        body_of(&prepared(&description)),
        json!({"credential": {"description": "rotated"}})
    );
}

#[wasm_bindgen_test]
fn delete_is_never_repeated() {
    let request = iam_requests::delete_key(IAM, AK).unwrap();
    assert_eq!(request.method(), &Method::DELETE);
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    assert_eq!(prepared(&request).path, format!("{CREDENTIALS_PATH}/{AK}"));
}

#[wasm_bindgen_test]
fn identifiers_that_could_change_the_path_are_refused() {
    for access in ["", "alice", "AK/../users", "AK?x=1"] {
        assert_eq!(
            iam_requests::show_key(IAM, access).unwrap_err(),
            Error::Invalid(ValidationError::AccessKeyId),
            "{access:?}"
        );
        assert!(iam_requests::delete_key(IAM, access).is_err());
        assert!(iam_requests::set_key_status(IAM, access, KeyStatus::Active).is_err());
        assert!(iam_requests::set_key_description(IAM, access, "x").is_err());
    }
    for user in ["", "../admin", "u 1", "u?x"] {
        assert_eq!(
            iam_requests::list_keys(IAM, Some(user)).unwrap_err(),
            Error::Invalid(ValidationError::UserId),
            "{user:?}"
        );
        assert!(iam_requests::show_user(IAM, user).is_err());
        assert!(iam_requests::create_key(IAM, user, "").is_err());
    }
}

#[wasm_bindgen_test]
async fn an_aborted_client_sends_nothing_and_says_cancelled() {
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    // Nothing listens on port 9; an attempt to reach it would fail differently.
    let client = IamClient::new(
        Transport::new("http://127.0.0.1:9", ClockOffset::default()),
        IAM,
        aksk(),
    )
    .with_abort_signal(controller.signal());
    assert_eq!(
        client.show_key(AK).await.unwrap_err(),
        Error::Network(keyturn::api::fetch_error::CANCELLED.into())
    );
}

#[wasm_bindgen_test]
fn a_token_request_carries_the_password_only_in_its_body() {
    let body = TokenRequest::password(
        "keyturn-demo",
        "carol",
        PASSWORD,
        Scope::Domain(ScopeRef::Name("keyturn-demo".into())),
    )
    .with_totp("c01", "123456");
    let request = iam_requests::issue_token(&format!("{IAM}/prefix/"), &body).unwrap();
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    let sent = prepare(&request, &Auth::None, PROXY, now()).unwrap();
    assert_eq!(sent.method, Method::POST);
    assert_eq!(sent.url, format!("{PROXY}/{IAM}/prefix/v3/auth/tokens"));
    assert_eq!(sent.path, "/prefix/v3/auth/tokens");
    assert_eq!(sent.query, "");
    assert_eq!(sent.upstream_host, "127.0.0.1:8780");
    assert_eq!(
        sent.headers,
        [("content-type".to_owned(), CONTENT_TYPE.to_owned())],
        "no credentials: the password is the credential"
    );
    assert_eq!(
        body_of(&sent),
        json!({"auth": {
            "identity": {
                "methods": ["password", "totp"],
                "password": {"user": {"name": "carol", "password": PASSWORD,
                    "domain": {"name": "keyturn-demo"}}},
                "totp": {"user": {"id": "c01", "passcode": "123456"}}
            },
            "scope": {"domain": {"name": "keyturn-demo"}}
        }})
    );
    let shown = format!("{request:?} {sent:?}");
    assert!(
        !shown.contains(PASSWORD) && !shown.contains("123456"),
        "{shown}"
    );
    let relative = iam_requests::issue_token("iam.example.com", &body).unwrap();
    assert!(prepare(&relative, &Auth::None, PROXY, now()).is_err());
}

#[wasm_bindgen_test]
fn debug_output_never_shows_a_secret() {
    for auth in [aksk(), Auth::Token(TOKEN.into())] {
        let session = Session {
            auth: auth.clone(),
            iam_endpoint: IAM.into(),
            domain_id: "dom1".into(),
            domain_name: Some("keyturn-demo".into()),
            user_id: "u1".into(),
            user_name: "alice".into(),
        };
        let client =
            IamClient::for_session(&session, Transport::new(PROXY, ClockOffset::default()));
        let shown = format!("{session:?} {client:?} {session:#?} {client:#?}");
        assert!(!shown.contains(SK), "{shown}");
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(shown.contains("alice") && shown.contains("keyturn-demo"));
        assert_eq!(client.endpoint(), IAM);
    }
}
