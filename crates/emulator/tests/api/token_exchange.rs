//! `POST /v3/auth/tokens` with the `token` method: a token exchanged for one of the same user
//! with another scope (docs/api.md, "IAM: tokens").

use keyturn_emulator::seed::DOMAIN_NAME;
use keyturn_emulator::seed::demo::{DEMO_PASSWORD, NON_ADMIN_NAME};
use keyturn_emulator::state::HOME_REGION;
use reqwest::Response;
use serde_json::{Value, json};

use crate::harness::{Emu, assert_keystone_error, start, subject_token_and_body};

/// `POST /v3/auth/tokens{query}` for `token` with this `auth.scope` (`None` leaves it out), sent
/// as documented: no `X-Auth-Token`.
async fn exchange(emu: &Emu, token: &str, scope: Option<Value>, query: &str) -> Response {
    let mut auth = json!({"identity": {"methods": ["token"], "token": {"id": token}}});
    if let Some(scope) = scope {
        auth["scope"] = scope;
    }
    emu.http
        .post(emu.url(&format!("/v3/auth/tokens{query}")))
        .header("Content-Type", "application/json;charset=utf8")
        .json(&json!({ "auth": auth }))
        .send()
        .await
        .unwrap()
}

/// Alice's domain-scoped token and the body it was issued with.
async fn alice_token(emu: &Emu) -> (String, Value) {
    let scope = json!({ "domain": { "name": DOMAIN_NAME } });
    emu.issue_token(NON_ADMIN_NAME, DEMO_PASSWORD, scope).await
}

#[tokio::test]
async fn a_domain_token_becomes_a_project_token_of_the_same_user() {
    let emu = start().await;
    let (token, issued) = alice_token(&emu).await;
    let scope = json!({"project": {"name": HOME_REGION, "domain": {"id": emu.startup.domain_id}}});
    let response = exchange(&emu, &token, Some(scope), "?nocatalog=true").await;
    let (project_token, body) = subject_token_and_body(response, 201).await;
    assert_ne!(project_token, token, "a new token");
    assert!(project_token.starts_with("MII"));
    let t = &body["token"];
    assert_eq!(t["methods"], json!(["token"]));
    assert_eq!(t["user"], issued["token"]["user"]);
    assert_eq!(t["project"]["id"], emu.startup.project_id.as_str());
    assert_eq!(t["project"]["name"], HOME_REGION);
    assert!(t.get("domain").is_none());
    assert_eq!(t["roles"], json!([{ "id": "0", "name": "readonly" }]));
    assert_eq!(t["catalog"], json!([]));
    assert_eq!(
        t["expires_at"], issued["token"]["expires_at"],
        "it expires with the token it came from"
    );

    let listed = emu.kms(&project_token, "list-keys", json!({})).await;
    assert_eq!(listed.status(), 200, "the new token works for KMS");
    let refused = emu.kms(&token, "list-keys", json!({})).await.status();
    assert_eq!(refused, 403, "the domain token still does not");
}

#[tokio::test]
async fn a_project_by_id_needs_no_domain_and_a_domain_scope_works_too() {
    let emu = start().await;
    let (token, _) = alice_token(&emu).await;
    let by_id = json!({"project": {"id": emu.startup.project_id}});
    let (_, body) =
        subject_token_and_body(exchange(&emu, &token, Some(by_id), "").await, 201).await;
    assert_eq!(
        body["token"]["project"]["id"],
        emu.startup.project_id.as_str()
    );
    assert_eq!(body["token"]["catalog"][1]["type"], "kms");

    let project_token = emu.admin_project_token().await;
    let domain = json!({"domain": {"name": DOMAIN_NAME}});
    let response = exchange(&emu, &project_token, Some(domain), "").await;
    let (domain_token, body) = subject_token_and_body(response, 201).await;
    assert_eq!(
        body["token"]["domain"]["id"],
        emu.startup.domain_id.as_str()
    );
    assert!(body["token"].get("project").is_none());
    let users = emu
        .with_token(reqwest::Method::GET, "/v3/users", &domain_token, None)
        .await;
    assert_eq!(
        users.status(),
        200,
        "an administrator's domain token lists users"
    );
}

#[tokio::test]
async fn the_scope_is_required_and_a_project_name_needs_its_domain() {
    let emu = start().await;
    let (token, _) = alice_token(&emu).await;
    for scope in [
        None,
        Some(json!({})),
        Some(json!({"project": {"name": HOME_REGION}})),
    ] {
        let response = exchange(&emu, &token, scope.clone(), "").await;
        let message = assert_keystone_error(response, 400).await;
        assert!(!message.is_empty(), "{scope:?}");
    }
    let missing = emu
        .http
        .post(emu.url("/v3/auth/tokens"))
        .json(&json!({"auth": {"identity": {"methods": ["token"]},
            "scope": {"domain": {"name": DOMAIN_NAME}}}}))
        .send()
        .await
        .unwrap();
    assert_keystone_error(missing, 400).await;
}

#[tokio::test]
async fn an_unknown_project_or_another_account_is_401() {
    let emu = start().await;
    let (token, _) = alice_token(&emu).await;
    let domain_id = emu.startup.domain_id.clone();
    for scope in [
        json!({"project": {"name": "xx-nowhere-1", "domain": {"id": domain_id}}}),
        json!({"project": {"name": HOME_REGION, "domain": {"name": "another-account"}}}),
        json!({"project": {"id": "0000"}}),
        json!({"domain": {"name": "another-account"}}),
    ] {
        let response = exchange(&emu, &token, Some(scope.clone()), "").await;
        let message = assert_keystone_error(response, 401).await;
        assert!(message.contains("does not exist"), "{scope}: {message}");
    }
}

#[tokio::test]
async fn an_unknown_or_expired_token_is_401() {
    let emu = start().await;
    let scope = json!({"domain": {"name": DOMAIN_NAME}});
    let unknown = exchange(&emu, "MIInot-a-token", Some(scope.clone()), "").await;
    let message = assert_keystone_error(unknown, 401).await;
    assert!(message.contains("invalid"), "{message}");

    let (token, _) = alice_token(&emu).await;
    assert_eq!(emu.control_post("tokens/expire").await.status(), 200);
    let expired = exchange(&emu, &token, Some(scope), "").await;
    let message = assert_keystone_error(expired, 401).await;
    assert!(message.contains("expired"), "{message}");
}
