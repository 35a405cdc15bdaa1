//! Permanent access keys, IAM v3.0 `OS-CREDENTIAL`.

use chrono::{DateTime, Utc};
use keyturn_core::validate::DESCRIPTION_MAX_CHARS;
use keyturn_emulator::seed::demo::{
    DEMO_PASSWORD, NON_ADMIN_AK, NON_ADMIN_NAME, NON_ADMIN_SK, user_role,
};
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{Signed, SignedFor, assert_keystone_error, parts, start};

const CREDENTIALS: &str = "/v3.0/OS-CREDENTIAL/credentials";

fn iam_time(value: &Value) -> DateTime<Utc> {
    let text = value.as_str().unwrap();
    assert_eq!(text.len(), "2020-01-08T06:26:08.123059Z".len(), "{text}");
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

#[tokio::test]
async fn create_show_update_delete() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let token = emu.admin_token().await;

    let created = emu
        .with_token(
            Method::POST,
            CREDENTIALS,
            &token,
            Some(json!({"credential": {"user_id": alice, "description": "CI key"}})),
        )
        .await;
    let (status, _, body) = parts(created).await;
    assert_eq!(status, 201, "{body}");
    let c = &body["credential"];
    let access = c["access"].as_str().unwrap().to_owned();
    assert_eq!(access.len(), 20);
    assert!(
        access
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    );
    assert_eq!(c["secret"].as_str().unwrap().len(), 40);
    assert_eq!(c["user_id"], alice.as_str());
    assert_eq!(c["status"], "active");
    assert_eq!(c["description"], "CI key");
    let created_at = iam_time(&c["create_time"]);

    let path = format!("{CREDENTIALS}/{access}");
    let (status, _, shown) = parts(emu.with_token(Method::GET, &path, &token, None).await).await;
    assert_eq!(status, 200);
    assert!(
        shown["credential"].get("secret").is_none(),
        "the secret is shown only once"
    );
    assert_eq!(
        iam_time(&shown["credential"]["last_use_time"]),
        created_at,
        "never used"
    );

    let update = json!({"credential": {"status": "inactive", "description": "retired"}});
    let (status, _, updated) = parts(
        emu.with_token(Method::PUT, &path, &token, Some(update))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["credential"]["status"], "inactive");
    assert_eq!(updated["credential"]["description"], "retired");
    assert_eq!(updated["credential"]["access"], access.as_str());

    let only_status = json!({"credential": {"status": "active"}});
    let (_, _, reactivated) = parts(
        emu.with_token(Method::PUT, &path, &token, Some(only_status))
            .await,
    )
    .await;
    assert_eq!(reactivated["credential"]["status"], "active");
    assert_eq!(reactivated["credential"]["description"], "retired");

    let deleted = emu.with_token(Method::DELETE, &path, &token, None).await;
    assert_eq!(deleted.status(), 204);
    assert!(deleted.text().await.unwrap().is_empty());
    assert_keystone_error(emu.with_token(Method::GET, &path, &token, None).await, 404).await;
    assert_keystone_error(
        emu.with_token(Method::DELETE, &path, &token, None).await,
        404,
    )
    .await;
}

#[tokio::test]
async fn list_own_keys_without_user_id_and_others_with_it() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let (status, _, own) =
        parts(emu.with_token(Method::GET, CREDENTIALS, &token, None).await).await;
    assert_eq!(status, 200);
    let own = own["credentials"].as_array().unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["access"], emu.admin_ak());
    assert!(own[0].get("last_use_time").is_none() && own[0].get("secret").is_none());

    let backup = emu.user_id_with_role(user_role::MID_ROTATION).await;
    let path = format!("{CREDENTIALS}?user_id={backup}");
    let (_, _, theirs) = parts(emu.with_token(Method::GET, &path, &token, None).await).await;
    let theirs = theirs["credentials"].as_array().unwrap();
    assert_eq!(theirs.len(), 2);
    assert!(theirs.iter().all(|c| c["user_id"] == backup.as_str()));

    let unknown = format!("{CREDENTIALS}?user_id={}", "f".repeat(32));
    assert_keystone_error(
        emu.with_token(Method::GET, &unknown, &token, None).await,
        404,
    )
    .await;
}

#[tokio::test]
async fn third_key_is_refused_with_the_documented_body() {
    let emu = start().await;
    let backup = emu.user_id_with_role(user_role::MID_ROTATION).await;
    let token = emu.admin_token().await;
    let response = emu
        .with_token(
            Method::POST,
            CREDENTIALS,
            &token,
            Some(json!({"credential": {"user_id": backup}})),
        )
        .await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"error":{"code":400,"message":"akSkNumExceed","title":"Bad Request","error_msg":null,"error_code":null}}"#
    );
}

#[tokio::test]
async fn create_validation() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let post = |body: Value| emu.with_token(Method::POST, CREDENTIALS, &token, Some(body));
    assert_keystone_error(post(json!({"credential": {}})).await, 400).await;
    assert_keystone_error(post(json!({"nothing": 1})).await, 400).await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let long = "x".repeat(DESCRIPTION_MAX_CHARS + 1);
    assert_keystone_error(
        post(json!({"credential": {"user_id": alice, "description": long}})).await,
        400,
    )
    .await;
    let nobody = "a".repeat(32);
    assert_keystone_error(post(json!({"credential": {"user_id": nobody}})).await, 404).await;
}

#[tokio::test]
async fn update_validation() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let path = format!("{CREDENTIALS}/{}", emu.admin_ak());
    let put = |body: Value| emu.with_token(Method::PUT, &path, &token, Some(body));
    assert_keystone_error(put(json!({"credential": {"status": "paused"}})).await, 400).await;
    assert_keystone_error(put(json!({"credential": {}})).await, 400).await;
    let unknown = format!("{CREDENTIALS}/AAAAAAAAAAAAAAAAAAAA");
    let body = json!({"credential": {"status": "active"}});
    assert_keystone_error(
        emu.with_token(Method::PUT, &unknown, &token, Some(body))
            .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn non_admin_manages_only_own_keys() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let token = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await;

    let (_, _, own) = parts(emu.with_token(Method::GET, CREDENTIALS, &token, None).await).await;
    assert_eq!(own["credentials"][0]["access"], NON_ADMIN_AK);

    let created = emu
        .with_token(
            Method::POST,
            CREDENTIALS,
            &token,
            Some(json!({"credential": {"user_id": alice}})),
        )
        .await;
    assert_eq!(created.status(), 201);

    let admin_key = format!("{CREDENTIALS}/{}", emu.admin_ak());
    assert_keystone_error(
        emu.with_token(Method::GET, &admin_key, &token, None).await,
        403,
    )
    .await;
    let body = json!({"credential": {"status": "inactive"}});
    assert_keystone_error(
        emu.with_token(Method::PUT, &admin_key, &token, Some(body))
            .await,
        403,
    )
    .await;
    assert_keystone_error(
        emu.with_token(Method::DELETE, &admin_key, &token, None)
            .await,
        403,
    )
    .await;
    let for_admin = json!({"credential": {"user_id": emu.startup.admin.user_id}});
    assert_keystone_error(
        emu.with_token(Method::POST, CREDENTIALS, &token, Some(for_admin))
            .await,
        403,
    )
    .await;
    let others = format!("{CREDENTIALS}?user_id={}", emu.startup.admin.user_id);
    assert_keystone_error(
        emu.with_token(Method::GET, &others, &token, None).await,
        403,
    )
    .await;

    let request = Signed::new(
        Method::GET,
        "/v3.0/OS-CREDENTIAL/credentials",
        NON_ADMIN_AK,
        NON_ADMIN_SK,
        SignedFor::Iam,
    );
    let (status, _, signed) = parts(emu.signed(request).await).await;
    assert_eq!(status, 200, "{signed}");
    assert_eq!(signed["credentials"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn created_key_can_sign_immediately() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let (ak, sk) = emu.create_key_for(&alice).await;
    let request = Signed::new(Method::GET, CREDENTIALS, &ak, &sk, SignedFor::Iam);
    assert_eq!(emu.signed(request).await.status(), 200);
}
