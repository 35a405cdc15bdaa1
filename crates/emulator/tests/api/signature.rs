//! `SDK-HMAC-SHA256` requests signed with keyturn-core's signer, as the official SDK signs them.

use chrono::{DateTime, Duration, Utc};
use keyturn_emulator::seed::demo::{
    DISABLED_USER_NAME, NON_ADMIN_AK, NON_ADMIN_NAME, NON_ADMIN_SK,
};
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{Emu, Signed, SignedFor, assert_apigw_0301, assert_apigw_0303, parts, start};

const CREDENTIALS: &str = "/v3.0/OS-CREDENTIAL/credentials";

async fn credential_state(emu: &Emu, access: &str) -> Value {
    let state = emu.state().await;
    state["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["access"] == access)
        .cloned()
        .unwrap_or(Value::Null)
}

fn time(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().unwrap())
        .unwrap()
        .to_utc()
}

#[tokio::test]
async fn sdk_style_signature_is_accepted_and_updates_last_use() {
    let emu = start().await;
    let before = time(&credential_state(&emu, NON_ADMIN_AK).await["last_use_time"]);
    assert!(Utc::now() - before > Duration::hours(1));
    let request = Signed::new(
        Method::GET,
        CREDENTIALS,
        NON_ADMIN_AK,
        NON_ADMIN_SK,
        SignedFor::Iam,
    );
    let prepared = emu.prepare(request);
    let authorization = &prepared.headers.last().unwrap().1;
    assert!(
        authorization.contains("SignedHeaders=content-type;host;user-agent;x-domain-id;x-sdk-date")
    );
    let (status, _, body) = parts(emu.send(prepared).await.unwrap()).await;
    assert_eq!(status, 200, "{body}");
    let after = time(&credential_state(&emu, NON_ADMIN_AK).await["last_use_time"]);
    assert!(Utc::now() - after < Duration::seconds(10));
}

#[tokio::test]
async fn signed_query_and_body() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let query = [("user_id", alice.as_str())];
    let list = Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Iam,
    )
    .query(&query);
    let (status, _, body) = parts(emu.signed(list).await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["credentials"][0]["user_id"], alice.as_str());
    let create = Signed::new(
        Method::POST,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Iam,
    )
    .body(json!({"credential": {"user_id": alice, "description": "ünïcode ok"}}));
    let (status, _, body) = parts(emu.signed(create).await).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn tampered_requests_fail_with_apigw_0301() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let keys_before = emu.state().await["credentials"].as_array().unwrap().len();
    let create = || {
        Signed::new(
            Method::POST,
            CREDENTIALS,
            emu.admin_ak(),
            emu.admin_sk(),
            SignedFor::Iam,
        )
        .body(json!({"credential": {"user_id": alice}}))
    };

    let mut body_changed = emu.prepare(create());
    body_changed.body =
        serde_json::to_vec(&json!({"credential": {"user_id": emu.startup.admin.user_id}})).unwrap();
    assert_apigw_0301(emu.send(body_changed).await.unwrap()).await;

    let mut path_changed = emu.prepare(create());
    path_changed.url = emu.url(&format!("/v3.0/OS-CREDENTIAL/credentials/{NON_ADMIN_AK}"));
    path_changed.method = Method::DELETE;
    assert_apigw_0301(emu.send(path_changed).await.unwrap()).await;

    let query = [("user_id", alice.as_str())];
    let mut query_changed = emu.prepare(
        Signed::new(
            Method::GET,
            CREDENTIALS,
            emu.admin_ak(),
            emu.admin_sk(),
            SignedFor::Iam,
        )
        .query(&query),
    );
    query_changed.url = format!(
        "{}?user_id={}",
        emu.url(CREDENTIALS),
        emu.startup.admin.user_id
    );
    assert_apigw_0301(emu.send(query_changed).await.unwrap()).await;

    let mut header_changed = emu.prepare(create());
    for (name, value) in &mut header_changed.headers {
        if name == "User-Agent" {
            *value = "curl/8".into();
        }
    }
    assert_apigw_0301(emu.send(header_changed).await.unwrap()).await;

    let wrong_secret = Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        NON_ADMIN_SK,
        SignedFor::Iam,
    );
    assert_apigw_0301(emu.signed(wrong_secret).await).await;

    let keys_after = emu.state().await["credentials"].as_array().unwrap().len();
    assert_eq!(keys_after, keys_before, "no refused request created a key");
}

#[tokio::test]
async fn signature_over_another_host_fails() {
    let emu = start().await;
    let mut prepared = emu.prepare(Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Iam,
    ));
    let port = emu.host.rsplit(':').next().unwrap().to_owned();
    prepared.url = format!("http://localhost:{port}{CREDENTIALS}");
    assert_apigw_0301(emu.send(prepared).await.unwrap()).await;
}

#[tokio::test]
async fn sdk_date_must_be_within_15_minutes() {
    let emu = start().await;
    let at = |date| {
        Signed::new(
            Method::GET,
            CREDENTIALS,
            emu.admin_ak(),
            emu.admin_sk(),
            SignedFor::Iam,
        )
        .date(date)
    };
    assert_apigw_0303(emu.signed(at(Utc::now() - Duration::minutes(20))).await).await;
    assert_apigw_0303(emu.signed(at(Utc::now() + Duration::minutes(20))).await).await;
    assert_eq!(
        emu.signed(at(Utc::now() - Duration::minutes(10)))
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn malformed_or_unknown_authorization_fails() {
    let emu = start().await;
    let unknown = Signed::new(
        Method::GET,
        CREDENTIALS,
        "UNKNOWNACCESSKEY0000",
        "whatever",
        SignedFor::Iam,
    );
    assert_apigw_0301(emu.signed(unknown).await).await;

    let mut garbled = emu.prepare(Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Iam,
    ));
    garbled.headers.last_mut().unwrap().1 = "SDK-HMAC-SHA256 Access=X".into();
    assert_apigw_0301(emu.send(garbled).await.unwrap()).await;

    let mut date_unsigned = emu.prepare(Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Iam,
    ));
    let auth = &mut date_unsigned.headers.last_mut().unwrap().1;
    *auth = auth.replace(";x-sdk-date", "");
    assert_apigw_0301(emu.send(date_unsigned).await.unwrap()).await;
}

#[tokio::test]
async fn iam_needs_the_account_id_header() {
    let emu = start().await;
    let without = Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Discovery,
    );
    assert_apigw_0301(emu.signed(without).await).await;
    let kms_header_on_iam = Signed::new(
        Method::GET,
        CREDENTIALS,
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Kms,
    );
    assert_apigw_0301(emu.signed(kms_header_on_iam).await).await;
}

#[tokio::test]
async fn kms_project_header_must_match_the_path() {
    let emu = start().await;
    let other_project = emu.state().await["projects"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mismatched = emu
        .admin_kms_in(&other_project, "list-keys", json!({}))
        .await;
    assert_apigw_0301(mismatched).await;
}

#[tokio::test]
async fn disabled_or_deleted_keys_cannot_sign() {
    let emu = start().await;
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let (ak, sk) = emu.create_key_for(&alice).await;
    let path = format!("{CREDENTIALS}/{ak}");
    let sign_with_new_key = || Signed::new(Method::GET, CREDENTIALS, &ak, &sk, SignedFor::Iam);
    assert_eq!(emu.signed(sign_with_new_key()).await.status(), 200);

    let deactivate = emu
        .admin_iam(
            Method::PUT,
            &path,
            Some(json!({"credential": {"status": "inactive"}})),
        )
        .await;
    assert_eq!(deactivate.status(), 200);
    let used_before = credential_state(&emu, &ak).await["last_use_time"].clone();
    assert_apigw_0301(emu.signed(sign_with_new_key()).await).await;
    assert_eq!(
        credential_state(&emu, &ak).await["last_use_time"],
        used_before,
        "a refused request is no use"
    );

    let reactivate = emu
        .admin_iam(
            Method::PUT,
            &path,
            Some(json!({"credential": {"status": "active"}})),
        )
        .await;
    assert_eq!(reactivate.status(), 200);
    assert_eq!(emu.signed(sign_with_new_key()).await.status(), 200);

    assert_eq!(
        emu.admin_iam(Method::DELETE, &path, None).await.status(),
        204
    );
    assert_apigw_0301(emu.signed(sign_with_new_key()).await).await;
}

#[tokio::test]
async fn keys_of_a_disabled_user_cannot_sign() {
    let emu = start().await;
    let dave = emu.user_id(DISABLED_USER_NAME).await;
    let (ak, sk) = emu.create_key_for(&dave).await;
    let request = Signed::new(Method::GET, CREDENTIALS, &ak, &sk, SignedFor::Iam);
    assert_apigw_0301(emu.signed(request).await).await;
    assert_eq!(credential_state(&emu, &ak).await["never_used"], true);
}
