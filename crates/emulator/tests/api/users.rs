//! `GET /v3/users` and `GET /v3.0/OS-USER/users/{user_id}`.

use keyturn_emulator::seed::demo::{DEMO_PASSWORD, DISABLED_USER_NAME, NON_ADMIN_NAME};
use reqwest::Method;

use crate::harness::{assert_keystone_error, parts, start};

#[tokio::test]
async fn admin_lists_users_with_filters() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let list = |path: String| {
        let token = token.clone();
        let emu = &emu;
        async move { parts(emu.with_token(Method::GET, &path, &token, None).await).await }
    };
    let (status, _, all) = list("/v3/users".into()).await;
    assert_eq!(status, 200);
    let users = all["users"].as_array().unwrap();
    assert!((10..=14).contains(&users.len()));
    for user in users {
        assert_eq!(user["id"].as_str().unwrap().len(), 32);
        assert_eq!(user["domain_id"], emu.startup.domain_id.as_str());
        assert!(user["enabled"].is_boolean());
    }
    let (_, _, alice) = list(format!("/v3/users?name={NON_ADMIN_NAME}")).await;
    assert_eq!(alice["users"].as_array().unwrap().len(), 1);
    let (_, _, disabled) = list("/v3/users?enabled=false".into()).await;
    let names: Vec<&str> = disabled["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [DISABLED_USER_NAME]);
    let (_, _, other) = list("/v3/users?domain_id=0000".into()).await;
    assert_eq!(other["users"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn non_admin_cannot_list_users() {
    let emu = start().await;
    let token = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await;
    assert_keystone_error(
        emu.with_token(Method::GET, "/v3/users", &token, None).await,
        403,
    )
    .await;
}

#[tokio::test]
async fn show_user_self_other_and_unknown() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let token = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await;
    let path = format!("/v3.0/OS-USER/users/{alice}");
    let (status, _, body) = parts(emu.with_token(Method::GET, &path, &token, None).await).await;
    assert_eq!(status, 200);
    assert_eq!(body["user"]["id"], alice.as_str());
    assert_eq!(body["user"]["name"], NON_ADMIN_NAME);
    assert_eq!(body["user"]["is_domain_owner"], false);
    assert!(body["user"]["create_time"].is_string());

    let admin_path = format!("/v3.0/OS-USER/users/{}", emu.startup.admin.user_id);
    assert_keystone_error(
        emu.with_token(Method::GET, &admin_path, &token, None).await,
        403,
    )
    .await;

    let admin_token = emu.admin_token().await;
    let (status, _, admin) = parts(
        emu.with_token(Method::GET, &admin_path, &admin_token, None)
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(admin["user"]["is_domain_owner"], true);
    let unknown = format!("/v3.0/OS-USER/users/{}", "0".repeat(32));
    assert_keystone_error(
        emu.with_token(Method::GET, &unknown, &admin_token, None)
            .await,
        404,
    )
    .await;
}
