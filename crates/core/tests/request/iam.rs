//! The IAM request builders: documented paths, methods, bodies and idempotency, prepared and
//! signed as they leave the browser.

use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::request::iam::{self, CREDENTIALS_PATH};
use keyturn_core::request::{
    ApiRequest, Auth, CONTENT_TYPE, Idempotency, Method, PreparedRequest, prepare,
};
use keyturn_core::types::credential::KeyStatus;
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest};
use keyturn_core::validate::ValidationError;
use serde_json::json;

use crate::fixture::{AK, PROXY, TOKEN, aksk, body_of, now, verify_with_host};

const IAM: &str = "http://127.0.0.1:8780";
const PASSWORD: &str = "Keyturn-Demo-1";

fn access() -> AccessKeyId {
    AccessKeyId::parse(AK).unwrap()
}

fn user(id: &str) -> UserId {
    UserId::parse(id).unwrap()
}

fn prepared(request: &ApiRequest) -> PreparedRequest {
    let prepared = prepare(request, &aksk(Some("dom1"), None), PROXY, now()).unwrap();
    assert_eq!(verify_with_host(&prepared, "127.0.0.1:8780"), Ok(()));
    prepared
}

#[test]
fn reads_are_idempotent_gets_on_the_documented_paths() {
    let cases = [
        (iam::auth_domains(IAM), "/v3/auth/domains", ""),
        (iam::list_users(IAM), "/v3/users", ""),
        (
            iam::show_user(IAM, &user("u-1")),
            "/v3.0/OS-USER/users/u-1",
            "",
        ),
        (iam::list_keys(IAM, None), CREDENTIALS_PATH, ""),
        (
            iam::list_keys(IAM, Some(&user("u_2"))),
            CREDENTIALS_PATH,
            "user_id=u_2",
        ),
        (
            iam::show_key(IAM, &access()),
            "/v3.0/OS-CREDENTIAL/credentials/HPUAEXAMPLEAK0000001",
            "",
        ),
    ];
    for (request, path, query) in cases {
        assert_eq!(request.method(), Method::Get, "{path}");
        assert_eq!(request.idempotency(), Idempotency::Idempotent, "{path}");
        assert_eq!(request.body(), None, "{path}");
        assert_eq!(request.base_url(), IAM);
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

#[test]
fn create_posts_the_owner_and_description_once() {
    let request = iam::create_key(IAM, &user("u1"), "ci deploy").unwrap();
    assert_eq!(request.method(), Method::Post);
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    let sent = prepared(&request);
    assert_eq!(sent.path, CREDENTIALS_PATH);
    assert_eq!(
        body_of(&sent),
        json!({"credential": {"user_id": "u1", "description": "ci deploy"}})
    );
    let without = prepared(&iam::create_key(IAM, &user("u1"), "").unwrap());
    assert_eq!(body_of(&without), json!({"credential": {"user_id": "u1"}}));
}

#[test]
fn updates_put_one_field_to_the_key() {
    for (status, text) in [
        (KeyStatus::Inactive, "inactive"),
        (KeyStatus::Active, "active"),
    ] {
        let request = iam::set_key_status(IAM, &access(), status).unwrap();
        assert_eq!(request.method(), Method::Put);
        assert_eq!(request.idempotency(), Idempotency::Idempotent);
        let sent = prepared(&request);
        assert_eq!(sent.path, format!("{CREDENTIALS_PATH}/{AK}"));
        assert_eq!(body_of(&sent), json!({"credential": {"status": text}}));
    }

    let description = iam::set_key_description(IAM, &access(), "rotated").unwrap();
    assert_eq!(description.method(), Method::Put);
    assert_eq!(description.idempotency(), Idempotency::Idempotent);
    assert_eq!(
        body_of(&prepared(&description)),
        json!({"credential": {"description": "rotated"}})
    );
    let cleared = iam::set_key_description(IAM, &access(), "").unwrap();
    assert_eq!(
        body_of(&prepared(&cleared)),
        json!({"credential": {"description": ""}}),
        "an empty description clears it"
    );
}

#[test]
fn delete_is_never_repeated() {
    let request = iam::delete_key(IAM, &access());
    assert_eq!(request.method(), Method::Delete);
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    assert_eq!(request.body(), None);
    assert_eq!(prepared(&request).path, format!("{CREDENTIALS_PATH}/{AK}"));
}

#[test]
fn identifiers_that_could_change_the_path_cannot_be_made() {
    for text in [
        "",
        "alice",
        "AK/../users",
        "AK?x=1",
        "AK%2F",
        &"A".repeat(41),
    ] {
        assert_eq!(
            AccessKeyId::parse(text),
            Err(ValidationError::AccessKeyId),
            "{text:?}"
        );
        assert!(AccessKeyId::try_from(text.to_owned()).is_err(), "{text:?}");
    }
    for text in [
        "",
        "../admin",
        "u 1",
        "u?x",
        "u/1",
        "u%2F1",
        &"u".repeat(65),
    ] {
        assert_eq!(
            UserId::parse(text),
            Err(ValidationError::UserId),
            "{text:?}"
        );
        assert!(UserId::try_from(text.to_owned()).is_err(), "{text:?}");
    }
    assert!(serde_json::from_str::<AccessKeyId>(r#""AK/../users""#).is_err());
    assert!(serde_json::from_str::<UserId>(r#""../admin""#).is_err());
}

#[test]
fn identifiers_read_and_write_as_plain_text() {
    let id = access();
    assert_eq!(id.as_str(), AK);
    assert_eq!(id.to_string(), AK);
    assert_eq!(id, AK);
    assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{AK}\""));
    assert_eq!(
        serde_json::from_str::<AccessKeyId>(&format!("\"{AK}\"")).unwrap(),
        id
    );
    assert_eq!(String::from(user("u-1")), "u-1");
}

#[test]
fn a_token_request_carries_the_password_only_in_its_body() {
    let body = TokenRequest::password(
        "keyturn-demo",
        "carol",
        PASSWORD,
        Scope::Domain(ScopeRef::Name("keyturn-demo".into())),
    )
    .with_totp("c01", "123456");
    let request = iam::issue_token(&format!("{IAM}/prefix/"), &body).unwrap();
    assert_eq!(request.method(), Method::Post);
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    let sent = prepare(&request, &Auth::None, PROXY, now()).unwrap();
    assert_eq!(sent.method, Method::Post);
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
    let relative = iam::issue_token("iam.example.com", &body).unwrap();
    assert!(prepare(&relative, &Auth::None, PROXY, now()).is_err());
}

#[test]
fn a_token_is_exchanged_for_a_project_token_without_credentials() {
    let body = TokenRequest::from_token(
        TOKEN,
        Scope::project_in(
            ScopeRef::Name("cn-north-4".into()),
            ScopeRef::Id("dom1".into()),
        ),
    );
    let request = iam::issue_token(IAM, &body).unwrap();
    assert_eq!(request.method(), Method::Post);
    assert_eq!(request.idempotency(), Idempotency::NotIdempotent);
    let sent = prepare(&request, &Auth::None, PROXY, now()).unwrap();
    assert_eq!(sent.url, format!("{PROXY}/{IAM}/v3/auth/tokens"));
    assert_eq!(
        sent.headers,
        [("content-type".to_owned(), CONTENT_TYPE.to_owned())],
        "the documented request has no X-Auth-Token: the token in the body is the credential"
    );
    assert_eq!(
        body_of(&sent),
        json!({"auth": {
            "identity": {"methods": ["token"], "token": {"id": TOKEN}},
            "scope": {"project": {"name": "cn-north-4", "domain": {"id": "dom1"}}}
        }})
    );
    let shown = format!("{body:?} {request:?} {sent:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
}

#[test]
fn validating_a_token_sends_it_as_the_subject() {
    let request = iam::validate_token(IAM, TOKEN);
    assert_eq!(request.method(), Method::Get);
    assert_eq!(request.idempotency(), Idempotency::Idempotent);
    assert_eq!(request.body(), None);
    let with_token = prepare(&request, &Auth::Token(TOKEN.into()), PROXY, now()).unwrap();
    assert_eq!(
        with_token.url,
        format!("{PROXY}/{IAM}/v3/auth/tokens?nocatalog=true")
    );
    assert_eq!(with_token.header("x-auth-token"), Some(TOKEN));
    assert_eq!(with_token.header("x-subject-token"), Some(TOKEN));
    let signed = prepared(&request);
    assert_eq!(
        signed.header("x-subject-token"),
        Some(TOKEN),
        "signed with the other headers, as the SDK's keystone_validate_token does"
    );
    let shown = format!("{request:?} {with_token:?} {signed:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(shown.contains("x-subject-token"), "{shown}");
}
