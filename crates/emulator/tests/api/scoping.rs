//! Token scopes: IAM takes domain-scoped tokens, KMS a token scoped to the project in its path
//! (docs/api.md, "Authentication").

use keyturn_emulator::seed::demo::{DEMO_PASSWORD, NON_ADMIN_NAME};
use reqwest::Method;
use serde_json::json;

use crate::harness::{assert_apigw_0301, assert_keystone_error, assert_kms_error, parts, start};

#[tokio::test]
async fn project_token_works_for_kms_in_its_project() {
    let emu = start().await;
    let token = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, true).await;
    let (status, _, body) = parts(emu.kms(&token, "list-keys", json!({})).await).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["total"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn domain_token_is_refused_by_kms() {
    let emu = start().await;
    let token = emu.admin_token().await;
    assert_kms_error(
        emu.kms(&token, "list-keys", json!({})).await,
        403,
        "KMS.0305",
    )
    .await;
}

#[tokio::test]
async fn project_token_by_id_or_name_works_only_in_its_project() {
    let emu = start().await;
    let projects = emu.state().await["projects"].as_array().unwrap().clone();
    assert_eq!(projects.len(), 2);
    for (index, project) in projects.iter().enumerate() {
        let other = &projects[1 - index];
        let (id, name) = (
            project["id"].as_str().unwrap(),
            project["name"].as_str().unwrap(),
        );
        for selector in [json!({ "id": id }), json!({ "name": name })] {
            let (token, body) = emu
                .issue_token(
                    &emu.startup.admin.name,
                    &emu.startup.admin.password,
                    json!({ "project": selector }),
                )
                .await;
            assert_eq!(body["token"]["project"]["id"], id, "{selector}");
            assert_eq!(body["token"]["project"]["name"], name, "{selector}");
            assert!(body["token"].get("domain").is_none());

            let own = format!("/v1.0/{id}/kms/list-keys");
            let (status, _, listed) = parts(
                emu.with_token(Method::POST, &own, &token, Some(json!({"key_spec": "ALL"})))
                    .await,
            )
            .await;
            assert_eq!(status, 200, "{selector}: {listed}");
            assert!(
                listed["key_details"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|k| k["realm"] == name)
            );
            let foreign = format!("/v1.0/{}/kms/list-keys", other["id"].as_str().unwrap());
            let response = emu
                .with_token(Method::POST, &foreign, &token, Some(json!({})))
                .await;
            assert_kms_error(response, 403, "KMS.0321").await;
        }
    }
}

#[tokio::test]
async fn signed_request_for_a_project_of_another_account_is_refused() {
    let emu = start().await;
    let foreign = emu
        .admin_kms_in(&"f".repeat(32), "list-keys", json!({}))
        .await;
    assert_kms_error(foreign, 403, "KMS.0321").await;
}

#[tokio::test]
async fn project_token_is_refused_by_iam_user_and_key_apis() {
    let emu = start().await;
    let token = emu.admin_project_token().await;
    let response = emu
        .with_token(Method::GET, "/v3.0/OS-CREDENTIAL/credentials", &token, None)
        .await;
    assert_keystone_error(response, 403).await;
    assert_keystone_error(
        emu.with_token(Method::GET, "/v3/users", &token, None).await,
        403,
    )
    .await;
}

#[tokio::test]
async fn unknown_tokens_and_missing_credentials() {
    let emu = start().await;
    assert_apigw_0301(emu.kms("MIIbogus", "list-keys", json!({})).await).await;
    let iam = emu
        .with_token(
            Method::GET,
            "/v3.0/OS-CREDENTIAL/credentials",
            "MIIbogus",
            None,
        )
        .await;
    assert_keystone_error(iam, 401).await;
    let path = format!("{}/v1.0/{}/kms/list-keys", emu.base, emu.startup.project_id);
    let anonymous = emu.http.post(path).body("{}").send().await.unwrap();
    assert_apigw_0301(anonymous).await;
}
