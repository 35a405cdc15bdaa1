//! `GET /v3/auth/tokens`: validating a token (docs/api.md, "IAM: tokens").

use keyturn_emulator::seed::demo::{DEMO_PASSWORD, NON_ADMIN_NAME};
use keyturn_emulator::seed::{ADMIN_NAME, DOMAIN_NAME};
use keyturn_emulator::state::HOME_REGION;
use reqwest::{Method, Response};
use serde_json::{Value, json};

use crate::harness::{
    Emu, Signed, SignedFor, assert_keystone_error, start, subject_token_and_body,
};

/// The documented message of the 404 for a token that cannot be validated.
const INVALID_SUBJECT: &str = "X-Subject-Token is invalid in the request";

/// `GET /v3/auth/tokens{query}` with these `X-Auth-Token` and `X-Subject-Token` headers.
async fn validate(emu: &Emu, caller: Option<&str>, subject: Option<&str>, query: &str) -> Response {
    let mut request = emu
        .http
        .get(emu.url(&format!("/v3/auth/tokens{query}")))
        .header("Content-Type", "application/json;charset=utf8");
    if let Some(token) = caller {
        request = request.header("X-Auth-Token", token);
    }
    if let Some(token) = subject {
        request = request.header("X-Subject-Token", token);
    }
    request.send().await.unwrap()
}

/// `GET /v3/auth/tokens?nocatalog=true` signed with this key and `X-Domain-Id`, with
/// `X-Subject-Token` signed too, as the SDK's `keystone_validate_token` sends it.
async fn signed_validate(emu: &Emu, ak: &str, sk: &str, subject: &str) -> Response {
    let headers = [("X-Subject-Token", subject)];
    let request = Signed::new(Method::GET, "/v3/auth/tokens", ak, sk, SignedFor::Iam)
        .query(&[("nocatalog", "true")])
        .headers(&headers);
    emu.signed(request).await
}

/// The answer's `X-Subject-Token` header and its body, after checking the status is 200.
async fn validated(response: Response) -> (String, Value) {
    subject_token_and_body(response, 200).await
}

#[tokio::test]
async fn a_user_validates_their_own_token_and_gets_its_body() {
    let emu = start().await;
    let scope = json!({ "domain": { "name": DOMAIN_NAME } });
    let (token, issued) = emu.issue_token(NON_ADMIN_NAME, DEMO_PASSWORD, scope).await;
    let response = validate(&emu, Some(&token), Some(&token), "").await;
    assert!(response.headers().contains_key("x-iam-trace-id"));
    let (echoed, body) = validated(response).await;
    assert_eq!(echoed, token);
    assert_eq!(body, issued, "the body the token was issued with");
    let t = &body["token"];
    assert_eq!(t["user"]["name"], NON_ADMIN_NAME);
    assert_eq!(t["domain"]["id"], emu.startup.domain_id.as_str());
    assert_eq!(t["roles"], json!([{ "id": "0", "name": "readonly" }]));
    assert!(!t["catalog"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn an_administrator_validates_a_project_token_of_another_user() {
    let emu = start().await;
    let admin = emu.admin_token().await;
    let scope = json!({ "project": { "name": HOME_REGION } });
    let (token, issued) = emu.issue_token(NON_ADMIN_NAME, DEMO_PASSWORD, scope).await;

    let (echoed, body) = validated(validate(&emu, Some(&admin), Some(&token), "").await).await;
    assert_eq!(echoed, token);
    assert_eq!(body, issued);
    let t = &body["token"];
    assert_eq!(t["project"]["id"], emu.startup.project_id.as_str());
    assert_eq!(t["project"]["name"], HOME_REGION);
    assert_eq!(t["project"]["domain"]["id"], emu.startup.domain_id.as_str());
    assert!(t.get("domain").is_none());
    assert!(
        t["catalog"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["type"] == "kms")
    );

    for (query, with_catalog) in [
        ("?nocatalog=true", false),
        ("?nocatalog=1", false),
        ("?nocatalog=", true),
    ] {
        let (_, body) = validated(validate(&emu, Some(&admin), Some(&token), query).await).await;
        let catalog = body["token"]["catalog"].as_array().unwrap();
        assert_eq!(!catalog.is_empty(), with_catalog, "{query}");
        assert_eq!(body["token"]["expires_at"], issued["token"]["expires_at"]);
    }
}

#[tokio::test]
async fn signed_callers_validate_as_the_sdk_does() {
    let emu = start().await;
    let scope = json!({ "domain": { "name": DOMAIN_NAME } });
    let (alice_token, _) = emu.issue_token(NON_ADMIN_NAME, DEMO_PASSWORD, scope).await;
    let admin_token = emu.admin_token().await;
    let demo: Value = emu.control("demo").await.json().await.unwrap();
    let alice_ak = demo["non_admin"]["ak"].as_str().unwrap();
    let alice_sk = demo["non_admin"]["sk"].as_str().unwrap();

    let response = signed_validate(&emu, emu.admin_ak(), emu.admin_sk(), &alice_token).await;
    let (echoed, body) = validated(response).await;
    assert_eq!(echoed, alice_token);
    assert_eq!(body["token"]["user"]["name"], NON_ADMIN_NAME);
    assert_eq!(body["token"]["catalog"], json!([]));

    let own = signed_validate(&emu, alice_ak, alice_sk, &alice_token).await;
    assert_eq!(
        validated(own).await.1["token"]["user"]["name"],
        NON_ADMIN_NAME
    );
    let other = signed_validate(&emu, alice_ak, alice_sk, &admin_token).await;
    assert_keystone_error(other, 403).await;
}

#[tokio::test]
async fn a_non_administrator_cannot_validate_another_users_token() {
    let emu = start().await;
    let admin = emu.admin_token().await;
    let alice = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await;
    let message =
        assert_keystone_error(validate(&emu, Some(&alice), Some(&admin), "").await, 403).await;
    assert!(
        message.starts_with("You are not authorized to perform the requested action"),
        "{message}"
    );
    let (_, body) = validated(validate(&emu, Some(&admin), Some(&alice), "").await).await;
    assert_eq!(body["token"]["user"]["name"], NON_ADMIN_NAME);
}

#[tokio::test]
async fn unknown_missing_and_expired_subject_tokens_are_404() {
    let emu = start().await;
    let admin = emu.admin_token().await;
    let alice = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await;
    for subject in [Some("MIIbogus"), Some(""), None] {
        let response = validate(&emu, Some(&admin), subject, "").await;
        let message = assert_keystone_error(response, 404).await;
        assert_eq!(message, INVALID_SUBJECT, "{subject:?}");
    }

    assert_eq!(emu.control_post("tokens/expire").await.status(), 200);
    let response = signed_validate(&emu, emu.admin_ak(), emu.admin_sk(), &alice).await;
    let message = assert_keystone_error(response, 404).await;
    assert_eq!(message, INVALID_SUBJECT);
}

#[tokio::test]
async fn the_caller_needs_a_valid_account_scoped_token() {
    let emu = start().await;
    let admin = emu.admin_token().await;
    let anonymous = validate(&emu, None, Some(&admin), "").await;
    let message = assert_keystone_error(anonymous, 401).await;
    assert_eq!(
        message,
        "The request you have made requires authentication."
    );
    assert_keystone_error(
        validate(&emu, Some("MIIbogus"), Some(&admin), "").await,
        401,
    )
    .await;

    let project = emu.admin_project_token().await;
    assert_keystone_error(validate(&emu, Some(&project), Some(&admin), "").await, 403).await;
    let (_, body) = validated(validate(&emu, Some(&admin), Some(&project), "").await).await;
    assert_eq!(body["token"]["user"]["name"], ADMIN_NAME);

    assert_eq!(emu.control_post("tokens/expire").await.status(), 200);
    let message =
        assert_keystone_error(validate(&emu, Some(&admin), Some(&admin), "").await, 401).await;
    assert!(message.contains("expired"), "{message}");
}
